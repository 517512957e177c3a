package al.sportel.server.events;

import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * V63 and V65: on PostgreSQL, the event pump's numbering (ADR 0008) as one function, so a wake is one round trip —
 * lock the branch row, number the committed rows, return them, commit — instead of three. Its second
 * statement takes a fresh snapshot (a VOLATILE function does, under READ COMMITTED), so it sees every
 * earlier numberer's commit, as the separate statements did. H2 keeps numbering in a transaction of
 * its own statements ({@link EventSequencer}).
 *
 * <p>V65 takes the branch row {@code FOR NO KEY UPDATE} instead of {@code FOR UPDATE}. Every change of a
 * centre inserts rows that reference its branch (events, tickets), and their foreign-key checks hold a
 * {@code KEY SHARE} lock on the branch row to commit, which {@code FOR UPDATE} waits for: under 32 busy
 * counters the pump queued behind the centre's open transactions (the most sampled wait of the call-next
 * benchmark). {@code NO KEY UPDATE} still excludes every other numberer, which is what the order needs.
 */
public final class EventNumberingMigration implements JavaMigration {

    private final int version;
    private final String lock;
    private final String description;

    /** V63 as it was applied: the branch row {@code FOR UPDATE}. */
    public EventNumberingMigration() {
        this(63, "FOR UPDATE", "events numbered in one round trip");
    }

    private EventNumberingMigration(int version, String lock, String description) {
        this.version = version;
        this.lock = lock;
        this.description = description;
    }

    /** V65: the same function, locking the branch row without waiting for foreign-key checks. */
    public static EventNumberingMigration withoutKeyLock() {
        return new EventNumberingMigration(65, "FOR NO KEY UPDATE", "event numbering does not wait for foreign-key checks");
    }

    /** Returns, first, a row with the branch's newest number before the call and no type; then the rows it numbered. */
    static final String FUNCTION = """
            CREATE OR REPLACE FUNCTION number_events(p_branch VARCHAR, p_limit INTEGER)
            RETURNS TABLE (out_seq BIGINT, out_type VARCHAR, out_payload VARCHAR)
            LANGUAGE plpgsql VOLATILE AS $$
            DECLARE
                v_last BIGINT;
            BEGIN
                SELECT b.last_event_seq INTO v_last FROM branches b WHERE b.code = p_branch %s;
                IF NOT FOUND THEN
                    RETURN;
                END IF;
                out_seq := v_last;
                out_type := NULL;
                out_payload := NULL;
                RETURN NEXT;
                RETURN QUERY
                    WITH todo AS (SELECT e.id, ROW_NUMBER() OVER (ORDER BY e.id) AS rn FROM events e
                                  WHERE e.branch_code = p_branch AND e.seq IS NULL ORDER BY e.id LIMIT p_limit),
                         numbered AS (UPDATE events e SET seq = v_last + todo.rn FROM todo WHERE e.id = todo.id
                                      RETURNING e.seq, e.event_type, e.payload),
                         moved AS (UPDATE branches b SET last_event_seq = v_last + (SELECT COUNT(*) FROM numbered)
                                   WHERE b.code = p_branch AND EXISTS (SELECT 1 FROM numbered))
                    SELECT n.seq, n.event_type::VARCHAR, n.payload::VARCHAR FROM numbered n ORDER BY n.seq;
            END;
            $$
            """;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(version));
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return version * 1_000 + 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getURL().startsWith("jdbc:postgresql:")) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute(FUNCTION.formatted(lock));
        }
    }
}
