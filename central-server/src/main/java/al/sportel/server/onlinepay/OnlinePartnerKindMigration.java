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
 * V44: lets a channel partner be an ONLINE card-payment provider. V20 wrote the kind's CHECK without a
 * name, and H2 and PostgreSQL name such a constraint differently, so no one SQL file can drop it: this
 * finds it by its clause in the information schema and puts a named one in its place.
 */
public final class OnlinePartnerKindMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("44");
    }

    @Override
    public String getDescription() {
        return "online partner kind";
    }

    @Override
    public Integer getChecksum() {
        return 44_001;
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
                WHERE LOWER(tc.table_name) = 'channel_partners' AND tc.constraint_type = 'CHECK'
                  AND tc.table_schema = CURRENT_SCHEMA AND cc.check_clause LIKE '%MOBILE%'
                """)) {
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("ALTER TABLE channel_partners DROP CONSTRAINT \"" + name.replace("\"", "") + "\"");
            }
            s.execute("ALTER TABLE channel_partners ADD CONSTRAINT channel_partners_kind CHECK (kind IN ('POST', 'BANK', 'MOBILE', 'ONLINE'))");
        }
    }
}
