package al.sportel.server.billing;

import org.jdbi.v3.core.Handle;

/**
 * What another feature does with each new payment (fiscalization, docs/fiscal.md): first inside the
 * payment's own transaction, then once it is committed. A hook must never refuse the payment: money taken
 * is money taken.
 */
public interface PaymentHook {

    PaymentHook NONE = new PaymentHook() {
        @Override
        public void inTransaction(Handle h, PaymentView payment) {
        }

        @Override
        public void afterCommit(PaymentView payment) {
        }
    };

    void inTransaction(Handle h, PaymentView payment);

    void afterCommit(PaymentView payment);
}
