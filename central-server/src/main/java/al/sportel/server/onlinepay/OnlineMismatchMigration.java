package al.sportel.server.onlinepay;

import al.sportel.server.db.UnnamedCheckMigration;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * V46: a signed PAID webhook whose amount is not the payment's is kept as AMOUNT_MISMATCH with the amount
 * the provider reported, for finance to reconcile by hand (V45 wrote the status CHECK without a name).
 */
public final class OnlineMismatchMigration extends UnnamedCheckMigration {

    public OnlineMismatchMigration() {
        super("46", "online payment amount mismatch", 46_001, "online_payments", "ABANDONED");
    }

    @Override
    protected void replace(Statement s) throws SQLException {
        s.execute("ALTER TABLE online_payments ALTER COLUMN status SET DATA TYPE VARCHAR(20)");
        s.execute("ALTER TABLE online_payments ADD CONSTRAINT online_payments_status"
                + " CHECK (status IN ('PENDING', 'PAID', 'DECLINED', 'ABANDONED', 'AMOUNT_MISMATCH'))");
        s.execute("ALTER TABLE online_payments ADD COLUMN reported_amount BIGINT");
    }
}
