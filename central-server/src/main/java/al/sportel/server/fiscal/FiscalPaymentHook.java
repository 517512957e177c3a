package al.sportel.server.fiscal;

import al.sportel.server.billing.PaymentHook;
import al.sportel.server.billing.ReceiptAddition;
import al.sportel.model.UserInfo;
import al.sportel.model.billing.Payment;
import al.sportel.model.fiscal.OfflineNslf;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fiscalizes bill payments: the IIC inside the payment's transaction, the NIVF right after it. */
public final class FiscalPaymentHook implements PaymentHook {

    private static final Logger log = LoggerFactory.getLogger(FiscalPaymentHook.class);

    private final FiscalService fiscal;

    public FiscalPaymentHook(FiscalService fiscal) {
        this.fiscal = fiscal;
    }

    @Override
    public void inTransaction(Handle h, Payment payment) {
        fiscal.issue(h, payment, null);
    }

    /** True when the payment was fiscalized: then {@link #afterCommit} asks for its NIVF. */
    @Override
    public boolean inTransaction(Handle h, Payment payment, OfflineNslf printedOffline) {
        return fiscal.issue(h, payment, printedOffline);
    }

    @Override
    public void afterCommit(Payment payment) {
        try {
            fiscal.deliverForPayment(payment.id());
        } catch (RuntimeException e) {
            // the payment is committed and answered; the outbox sends the receipt later
            log.error("payment {}: fiscal delivery failed, left for the outbox", payment.id(), e);
        }
    }

    @Override
    public void voided(Handle h, Payment payment, UserInfo voidedBy) {
        fiscal.correct(h, payment, voidedBy);
    }

    @Override
    public void afterVoid(Payment payment) {
        try {
            fiscal.deliverCorrective(payment.id());
        } catch (RuntimeException e) {
            log.error("payment {}: corrective invoice not delivered, left for the outbox", payment.id(), e);
        }
    }

    @Override
    public Optional<ReceiptAddition> receiptAddition(Payment payment, boolean english) {
        return fiscal.slip(payment.id()).map(slip -> FiscalReceiptLines.of(slip, english));
    }
}
