package al.sportel.server.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A row whose lock ({@code SELECT … FOR UPDATE}) makes one key's parallel requests count one after another, so a limit
 * holds however many arrive at once. It is inserted once, by whichever request comes first; a parallel insert of the
 * same key losing the race is exactly what was needed. Table and column names come from code, never from a request.
 */
public final class GuardRows {

    private GuardRows() {
    }

    /** Makes sure the row {@code key} (column → value) exists in {@code table}. */
    public static void ensure(Database db, String table, Map<String, Object> key) {
        if (exists(db, table, key)) {
            return;
        }
        Map<String, Object> ordered = new LinkedHashMap<>(key);
        String columns = String.join(", ", ordered.keySet());
        String values = ordered.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
        try {
            db.tx(h -> h.createUpdate("INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")").bindMap(ordered).execute());
        } catch (UnableToExecuteStatementException e) {
            if (!exists(db, table, key)) {
                throw e;
            }
        }
    }

    /**
     * Inside the caller's transaction: waits for and holds the row {@code key}, which {@link #ensure} made (before the
     * transaction, so a losing insert never aborts it), until the transaction ends. False when the row is gone: a table
     * whose idle rows are swept may lose it between {@code ensure} and here, and its caller ensures it again.
     */
    public static boolean lock(Handle h, String table, Map<String, Object> key) {
        // the row itself, not a count: PostgreSQL locks no rows behind an aggregate
        return h.createQuery("SELECT * FROM " + table + " WHERE " + where(key) + " FOR UPDATE").bindMap(key).mapToMap()
                .findOne().isPresent();
    }

    private static boolean exists(Database db, String table, Map<String, Object> key) {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where(key)).bindMap(key)
                .mapTo(Integer.class).one() > 0);
    }

    private static String where(Map<String, Object> key) {
        return key.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(" AND "));
    }
}
