package al.sportel.server.fees;

import al.sportel.model.fees.FeeSale;
import al.sportel.server.billing.ReceiptAddition;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What fiscalization does with each fee sale: inside the sale's transaction (the IIC), after commit (ask for
 * the NIVF), and at print (the law's lines). Like a payment hook it must never refuse the sale.
 */
public interface FeeSaleHook {

    FeeSaleHook NONE = new FeeSaleHook() {
        @Override
        public void inTransaction(Handle h, FeeSale sale, long clerkId, String clerkUsername, int vatRate) {
        }

        @Override
        public void afterCommit(FeeSale sale) {
        }
    };

    /** {@code vatRate} in hundredths of a percent, as the catalogue had it at sale. */
    void inTransaction(Handle h, FeeSale sale, long clerkId, String clerkUsername, int vatRate);

    void afterCommit(FeeSale sale);

    default Optional<ReceiptAddition> receiptAddition(FeeSale sale, boolean english) {
        return Optional.empty();
    }
}
