package al.sportel.server.billing;

import al.sportel.model.billing.Payment;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What another feature does with each new payment (fiscalization, docs/fiscal.md): first inside the
 * payment's own transaction, then once it is committed. A hook must never refuse the payment: money taken
 * is money taken.
 */
public interface PaymentHook {

    PaymentHook NONE = new PaymentHook() {
        @Override
        public void inTransaction(Handle h, Payment payment) {
        }

        @Override
        public void afterCommit(Payment payment) {
        }
    };

    void inTransaction(Handle h, Payment payment);

    void afterCommit(Payment payment);

    /** Lines for the payment's printed receipt; called once per print (so a reprint can say so). */
    default Optional<ReceiptAddition> receiptAddition(Payment payment, boolean english) {
        return Optional.empty();
    }
}
