package al.sportel.tools.perf;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database work a call cycle cannot do without, as a bare JDBC loop: the claim, the end of the ticket and
 * one event row for each, committed, on the same table shape and connections as the claims floor. No server,
 * no HTTP, no authentication, no fairness rule and no event numbering, so it is what any server that keeps
 * the event log could reach at most. Two shapes: the two requests' two transactions (claim + event; end +
 * event) and end-and-call-next's one (end + event + claim + event).
 */
final class CycleFloor {

    /** A display-sized event payload, as the server writes one per change. */
    private static final String PAYLOAD = "{\"type\":\"ticket.called\",\"ticket\":{" + "\"x\":\"0123456789\",".repeat(30) + "\"y\":1}}";

    interface Connections {
        Connection open() throws Exception;
    }

    private final Connections jdbc;
    private final String schema;

    CycleFloor(Connections jdbc, String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /** Cycles per second over {@code threads} threads, {@code cycles} each. */
    double run(int threads, int cycles, boolean oneTransaction) throws Exception {
        String t = schema + ".floor_cycle_tickets";
        String e = schema + ".floor_cycle_events";
        try (Connection c = jdbc.open(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + t);
            s.execute("DROP TABLE IF EXISTS " + e);
            s.execute("CREATE TABLE " + t + " (id BIGSERIAL PRIMARY KEY, status VARCHAR(10) NOT NULL, "
                    + "priority BOOLEAN NOT NULL, issued_at TIMESTAMPTZ NOT NULL, counter_id BIGINT)");
            s.execute("INSERT INTO " + t + " (status, priority, issued_at) SELECT 'WAITING', false, now() + "
                    + "(g * interval '1 millisecond') FROM generate_series(1, " + threads * cycles + ") g");
            s.execute("CREATE INDEX ON " + t + " (status, priority, issued_at)");
            s.execute("CREATE TABLE " + e + " (id BIGSERIAL PRIMARY KEY, event_type VARCHAR(40) NOT NULL, "
                    + "occurred_at TIMESTAMPTZ NOT NULL, ticket_id BIGINT, payload TEXT NOT NULL)");
            s.execute("ANALYZE " + t);
        }
        String claim = "UPDATE " + t + " SET status = 'CALLED', counter_id = ? WHERE id = (SELECT id FROM " + t
                + " WHERE status = 'WAITING' ORDER BY priority DESC, issued_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id";
        String end = "UPDATE " + t + " SET status = 'NO_SHOW' WHERE id = ?";
        String event = "INSERT INTO " + e + " (event_type, occurred_at, ticket_id, payload) VALUES (?, now(), ?, ?)";
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(Math.min(threads, 60));
        while (pool.remainingCapacity() > 0) {
            Connection c = jdbc.open();
            c.setAutoCommit(false);
            pool.add(c);
        }
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        Benchmarks.runThreads(threads, i -> {
            long last = 0;
            for (int k = 0; k < cycles; k++) {
                Connection c = pool.take();
                try {
                    if (last != 0 && !oneTransaction) {
                        endWithEvent(c, end, event, last);
                        c.commit();
                    } else if (last != 0) {
                        endWithEvent(c, end, event, last);
                    }
                    last = claimWithEvent(c, claim, event, i);
                    c.commit();
                } catch (SQLException failed) {
                    c.rollback(); // the connection goes back to the pool usable
                    throw failed;
                } finally {
                    pool.put(c);
                }
                if (last == 0) {
                    break;
                }
                done.incrementAndGet();
            }
        });
        double rate = done.get() / ((System.nanoTime() - t0) / 1e9);
        for (Connection c : pool) {
            c.close();
        }
        return rate;
    }

    private static void endWithEvent(Connection c, String end, String event, long ticket) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(end)) {
            ps.setLong(1, ticket);
            ps.executeUpdate();
        }
        insertEvent(c, event, "ticket.no_show", ticket);
    }

    /** The claimed ticket's id, or 0 when none is left. */
    private static long claimWithEvent(Connection c, String claim, String event, long counter) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement(claim)) {
            ps.setLong(1, counter);
            try (ResultSet rs = ps.executeQuery()) {
                id = rs.next() ? rs.getLong(1) : 0;
            }
        }
        if (id != 0) {
            insertEvent(c, event, "ticket.called", id);
        }
        return id;
    }

    private static void insertEvent(Connection c, String event, String type, long ticket) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(event)) {
            ps.setString(1, type);
            ps.setLong(2, ticket);
            ps.setString(3, PAYLOAD);
            ps.executeUpdate();
        }
    }
}
