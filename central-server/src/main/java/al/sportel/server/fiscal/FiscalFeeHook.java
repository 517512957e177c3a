package al.sportel.server.fiscal;

import al.sportel.model.Money;
import al.sportel.model.fees.FeeSale;
import al.sportel.server.billing.ReceiptAddition;
import al.sportel.server.fees.FeeSaleHook;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fiscalizes fee sales: always, when fiscalization is on (a fee is a sale of a service; the
 * {@code fiscalizeBillPayments} reading does not apply), with the fee's own VAT rate.
 */
public final class FiscalFeeHook implements FeeSaleHook {

    private static final Logger log = LoggerFactory.getLogger(FiscalFeeHook.class);

    private final FiscalService fiscal;

    public FiscalFeeHook(FiscalService fiscal) {
        this.fiscal = fiscal;
    }

    @Override
    public void inTransaction(Handle h, FeeSale sale, long clerkId, String clerkUsername, int vatRate) {
        fiscal.issue(h, new FiscalSale(null, sale.id(), sale.receiptNumber(), sale.branchCode(), sale.counterId(), clerkId,
                clerkUsername, sale.createdAt(), false, "CASH".equals(sale.method()), sale.itemName(), sale.feeCode(),
                Money.parse(sale.amount()), vatRate));
    }

    @Override
    public void afterCommit(FeeSale sale) {
        try {
            fiscal.deliverForFeeSale(sale.id());
        } catch (RuntimeException e) {
            // the sale is committed and answered; the outbox sends the receipt later
            log.error("fee sale {}: fiscal delivery failed, left for the outbox", sale.id(), e);
        }
    }

    @Override
    public Optional<ReceiptAddition> receiptAddition(FeeSale sale, boolean english) {
        return fiscal.feeSaleReceiptLines(sale.id(), english);
    }
}
