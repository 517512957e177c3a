package al.sportel.server.onlinepay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * V46: a signed PAID webhook whose amount is not the payment's is kept as AMOUNT_MISMATCH with the amount
 * the provider reported, for finance to reconcile by hand. V45 wrote the status CHECK without a name, and
 * H2 and PostgreSQL name such a constraint differently (like V44), so this finds it by its clause and puts
 * a named, wider one in its place.
 */
public final class OnlineMismatchMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("46");
    }

    @Override
    public String getDescription() {
        return "online payment amount mismatch";
    }

    @Override
    public Integer getChecksum() {
        return 46_001;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<String> names = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT tc.constraint_name FROM information_schema.table_constraints tc
                JOIN information_schema.check_constraints cc
                  ON cc.constraint_name = tc.constraint_name AND cc.constraint_schema = tc.constraint_schema
                WHERE LOWER(tc.table_name) = 'online_payments' AND tc.constraint_type = 'CHECK'
                  AND tc.table_schema = CURRENT_SCHEMA AND cc.check_clause LIKE '%ABANDONED%'
                """)) {
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("ALTER TABLE online_payments DROP CONSTRAINT \"" + name.replace("\"", "") + "\"");
            }
            s.execute("ALTER TABLE online_payments ALTER COLUMN status SET DATA TYPE VARCHAR(20)");
            s.execute("ALTER TABLE online_payments ADD CONSTRAINT online_payments_status"
                    + " CHECK (status IN ('PENDING', 'PAID', 'DECLINED', 'ABANDONED', 'AMOUNT_MISMATCH'))");
            s.execute("ALTER TABLE online_payments ADD COLUMN reported_amount BIGINT");
        }
    }
}
