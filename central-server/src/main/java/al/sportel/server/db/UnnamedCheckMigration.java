package al.sportel.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration that replaces a CHECK an earlier SQL file wrote without a name. H2 and PostgreSQL name such a
 * constraint differently, so no one SQL file can drop it: this finds it by a word of its clause in the
 * information schema, drops it, and lets the subclass put a named one (and whatever goes with it) in its place.
 */
public abstract class UnnamedCheckMigration implements JavaMigration {

    private final String version;
    private final String description;
    private final int checksum;
    private final String table;
    private final String clauseWord;

    protected UnnamedCheckMigration(String version, String description, int checksum, String table, String clauseWord) {
        this.version = version;
        this.description = description;
        this.checksum = checksum;
        this.table = table;
        this.clauseWord = clauseWord;
    }

    /** Runs after the old CHECK is dropped: the named constraint and any other change of this version. */
    protected abstract void replace(Statement s) throws SQLException;

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return checksum;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public final void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<String> names = new ArrayList<>();
        // Both sides are held to this schema, and the clause is matched here rather than in SQL: PostgreSQL
        // applies a LIKE on check_clause to every CHECK of the database before the schema filter, and a table
        // another schema drops meanwhile then fails the migration ("could not open relation with OID").
        try (PreparedStatement q = c.prepareStatement("""
                SELECT tc.constraint_name, cc.check_clause FROM information_schema.table_constraints tc
                JOIN information_schema.check_constraints cc
                  ON cc.constraint_name = tc.constraint_name AND cc.constraint_schema = tc.constraint_schema
                WHERE LOWER(tc.table_name) = ? AND tc.constraint_type = 'CHECK'
                  AND tc.table_schema = CURRENT_SCHEMA AND cc.constraint_schema = CURRENT_SCHEMA
                """)) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2).contains(clauseWord)) {
                        names.add(rs.getString(1));
                    }
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + name.replace("\"", "") + "\"");
            }
            replace(s);
        }
    }
}
