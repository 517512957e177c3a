package al.sportel.server.events;

import al.sportel.server.db.Database;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Gives a branch's committed events their stream numbers (ADR 0008). A change inserts its event row
 * unnumbered and commits without touching the branch row; afterwards the event pump (of whichever node
 * gets there first) takes the branch row's lock for a few milliseconds and numbers every committed
 * unnumbered row in id order, following on from {@code branches.last_event_seq}. The lock orders the
 * numberers of all nodes, and the numbers become visible together at the numberer's commit, so a
 * branch's stream stays gap-free and ordered without holding anything across a request.
 */
public final class EventSequencer {

    /** Rows numbered per transaction; a longer backlog is numbered by the next call. */
    static final int BATCH = 1_000;

    private EventSequencer() {
    }

    /** Numbers what is committed and returns the branch's newest event number (0 for no such branch). */
    public static long sequence(Database db, String branchCode) {
        if (!hasUnnumbered(db, branchCode)) {
            return db.read(h -> lastSeq(h, branchCode));
        }
        return db.tx(h -> sequence(h, branchCode, db.isPostgres()));
    }

    private static boolean hasUnnumbered(Database db, String branchCode) {
        return db.read(h -> h.createQuery("SELECT id FROM events WHERE branch_code = :b AND seq IS NULL LIMIT 1")
                .bind("b", branchCode).mapTo(Long.class).findFirst().isPresent());
    }

    private static long sequence(Handle h, String branchCode, boolean postgres) {
        Long last = h.createQuery("SELECT last_event_seq FROM branches WHERE code = :b FOR UPDATE")
                .bind("b", branchCode).mapTo(Long.class).findOne().orElse(null);
        if (last == null) {
            return 0;
        }
        // A new statement after the lock: under READ COMMITTED it sees every earlier numberer's commit.
        if (postgres) {
            return h.createQuery("""
                            WITH todo AS (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS rn FROM events
                                          WHERE branch_code = :b AND seq IS NULL ORDER BY id LIMIT :n),
                                 numbered AS (UPDATE events e SET seq = :last + todo.rn FROM todo WHERE e.id = todo.id
                                              RETURNING e.seq)
                            UPDATE branches SET last_event_seq = :last + (SELECT COUNT(*) FROM numbered) WHERE code = :b
                            RETURNING last_event_seq
                            """)
                    .bind("b", branchCode).bind("last", last).bind("n", BATCH).mapTo(Long.class).one();
        }
        List<Long> ids = h.createQuery("SELECT id FROM events WHERE branch_code = :b AND seq IS NULL ORDER BY id LIMIT :n")
                .bind("b", branchCode).bind("n", BATCH).mapTo(Long.class).list();
        if (ids.isEmpty()) {
            return last;
        }
        PreparedBatch batch = h.prepareBatch("UPDATE events SET seq = :seq WHERE id = :id");
        for (int i = 0; i < ids.size(); i++) {
            batch.bind("seq", last + i + 1).bind("id", ids.get(i)).add();
        }
        batch.execute();
        long now = last + ids.size();
        h.execute("UPDATE branches SET last_event_seq = ? WHERE code = ?", now, branchCode);
        return now;
    }

    /** The newest numbered event of a branch, as committed. */
    static long lastSeq(Handle h, String branchCode) {
        return h.createQuery("SELECT last_event_seq FROM branches WHERE code = :b")
                .bind("b", branchCode).mapTo(Long.class).findOne().orElse(0L);
    }
}
