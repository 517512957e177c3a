package al.sportel.server.billing;

import al.sportel.model.UserInfo;
import al.sportel.model.billing.Payment;
import al.sportel.model.fiscal.OfflineNslf;
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

    /**
     * With the NSLF a counter printed while cut off from the server (ADR 0007 section 3), or null. Answers
     * whether {@link #afterCommit} has anything to do for this payment: when not, the payment's request
     * does not take a database connection again after its commit.
     */
    default boolean inTransaction(Handle h, Payment payment, OfflineNslf printedOffline) {
        inTransaction(h, payment);
        return true;
    }

    void afterCommit(Payment payment);

    /** Inside a void's transaction (fiscalization: the corrective invoice). */
    default void voided(Handle h, Payment payment, UserInfo voidedBy) {
    }

    /** Once the void is committed. */
    default void afterVoid(Payment payment) {
    }

    /** Lines for the payment's printed receipt; called once per print (so a reprint can say so). */
    default Optional<ReceiptAddition> receiptAddition(Payment payment, boolean english) {
        return Optional.empty();
    }
}
