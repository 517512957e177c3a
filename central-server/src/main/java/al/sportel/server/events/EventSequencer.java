package al.sportel.server.events;

import al.sportel.server.db.Database;
import al.sportel.server.events.EventHub.EventRow;
import java.util.ArrayList;
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
        return number(db, branchCode).last();
    }

    /**
     * Numbers what is committed without first asking whether there is anything: for a wake after a local
     * commit, which knows there is. Returns the rows it numbered, so the pump can deliver them without
     * reading them back.
     */
    static Numbered number(Database db, String branchCode) {
        return db.tx(h -> number(h, branchCode, db.isPostgres()));
    }

    private static boolean hasUnnumbered(Database db, String branchCode) {
        return db.read(h -> h.createQuery("SELECT id FROM events WHERE branch_code = :b AND seq IS NULL LIMIT 1")
                .bind("b", branchCode).mapTo(Long.class).findFirst().isPresent());
    }

    private static Numbered number(Handle h, String branchCode, boolean postgres) {
        Long last = h.createQuery("SELECT last_event_seq FROM branches WHERE code = :b FOR UPDATE")
                .bind("b", branchCode).mapTo(Long.class).findOne().orElse(null);
        if (last == null) {
            return new Numbered(0, 0, List.of());
        }
        // A new statement after the lock: under READ COMMITTED it sees every earlier numberer's commit.
        if (postgres) {
            List<EventRow> rows = h.createQuery("""
                            WITH todo AS (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS rn FROM events
                                          WHERE branch_code = :b AND seq IS NULL ORDER BY id LIMIT :n),
                                 numbered AS (UPDATE events e SET seq = :last + todo.rn FROM todo WHERE e.id = todo.id
                                              RETURNING e.seq, e.event_type, e.payload),
                                 moved AS (UPDATE branches SET last_event_seq = :last + (SELECT COUNT(*) FROM numbered)
                                           WHERE code = :b AND EXISTS (SELECT 1 FROM numbered))
                            SELECT seq, event_type, payload FROM numbered ORDER BY seq
                            """)
                    .bind("b", branchCode).bind("last", last).bind("n", BATCH)
                    .map((rs, ctx) -> new EventRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
                    .list();
            return new Numbered(last, last + rows.size(), rows);
        }
        List<Unnumbered> todo = h.createQuery("""
                        SELECT id, event_type, payload FROM events WHERE branch_code = :b AND seq IS NULL ORDER BY id LIMIT :n
                        """)
                .bind("b", branchCode).bind("n", BATCH)
                .map((rs, ctx) -> new Unnumbered(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        if (todo.isEmpty()) {
            return new Numbered(last, last, List.of());
        }
        PreparedBatch batch = h.prepareBatch("UPDATE events SET seq = :seq WHERE id = :id");
        List<EventRow> rows = new ArrayList<>(todo.size());
        for (int i = 0; i < todo.size(); i++) {
            Unnumbered u = todo.get(i);
            long seq = last + i + 1;
            batch.bind("seq", seq).bind("id", u.id()).add();
            rows.add(new EventRow(seq, u.type(), u.payload()));
        }
        batch.execute();
        long now = last + rows.size();
        h.execute("UPDATE branches SET last_event_seq = ? WHERE code = ?", now, branchCode);
        return new Numbered(last, now, rows);
    }

    private record Unnumbered(long id, String type, String payload) {
    }

    /**
     * What one numbering did: the branch's newest number before and after it, and the rows it numbered
     * (in order, {@code before + 1} to {@code last}).
     */
    record Numbered(long before, long last, List<EventRow> rows) {
        /** True when it may have left rows unnumbered (a full batch). */
        boolean full() {
            return rows.size() >= BATCH;
        }
    }

    /** The newest numbered event of a branch, as committed. */
    static long lastSeq(Handle h, String branchCode) {
        return h.createQuery("SELECT last_event_seq FROM branches WHERE code = :b")
                .bind("b", branchCode).mapTo(Long.class).findOne().orElse(0L);
    }
}
