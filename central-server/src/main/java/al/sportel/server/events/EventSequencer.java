package al.sportel.server.events;

import al.sportel.server.db.Database;
import java.util.ArrayList;
import java.util.Comparator;
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
        if (db.isPostgres()) {
            // One round trip: the V63 function locks, numbers and returns in one statement of its own transaction.
            return db.read(h -> numberInOneCall(h, branchCode));
        }
        return db.tx(h -> number(h, branchCode));
    }

    private static Numbered numberInOneCall(Handle h, String branchCode) {
        List<Fetched> fetched = h.createQuery("SELECT out_seq, out_type, out_payload FROM number_events(:b, :n)")
                .bind("b", branchCode).bind("n", BATCH)
                .map((rs, ctx) -> new Fetched(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        long before = 0;
        boolean branch = false;
        List<EventRow> rows = new ArrayList<>(fetched.size());
        for (Fetched f : fetched) {
            if (f.type() == null) {
                before = f.seq();
                branch = true;
            } else {
                rows.add(new EventRow(f.seq(), f.type(), f.payload()));
            }
        }
        if (!branch) {
            return new Numbered(0, 0, List.of());
        }
        rows.sort(Comparator.comparingLong(EventRow::seq));
        return new Numbered(before, before + rows.size(), rows);
    }

    /** A row of {@code number_events}: the newest number before the call (no type), or a row it numbered. */
    private record Fetched(long seq, String type, String payload) {
    }

    private static boolean hasUnnumbered(Database db, String branchCode) {
        return db.read(h -> h.createQuery("SELECT id FROM events WHERE branch_code = :b AND seq IS NULL LIMIT 1")
                .bind("b", branchCode).mapTo(Long.class).findFirst().isPresent());
    }

    private static Numbered number(Handle h, String branchCode) {
        Long last = h.createQuery("SELECT last_event_seq FROM branches WHERE code = :b FOR UPDATE")
                .bind("b", branchCode).mapTo(Long.class).findOne().orElse(null);
        if (last == null) {
            return new Numbered(0, 0, List.of());
        }
        // A new statement after the lock: under READ COMMITTED it sees every earlier numberer's commit.
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
