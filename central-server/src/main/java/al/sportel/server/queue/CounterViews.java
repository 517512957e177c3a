package al.sportel.server.queue;

import al.sportel.model.Counter;
import al.sportel.model.CounterStatus;
import al.sportel.model.Ticket;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Users;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads counters as the API shows them: work profile, clerk and current ticket, in three queries. */
public final class CounterViews {

    private CounterViews() {
    }

    public static List<Counter> forBranch(Handle h, String branchCode) {
        return load(h, "c.branch_code = :key", branchCode);
    }

    public static Optional<Counter> byId(Handle h, long counterId) {
        return load(h, "c.id = :key", counterId).stream().findFirst();
    }

    /**
     * PostgreSQL: a counter's view in the columns {@link #fromColumns} reads, for {@code counters c} joined
     * with {@link #VIEW_JOINS} (services as an array), so a statement that needs the counter too reads it
     * in the same round trip ({@link PgTicketMove#apply}).
     */
    static final String VIEW_COLUMNS = """
            c.id AS cid, c.counter_number, c.name, c.status AS cstatus,
                   u.id AS uid, u.username, u.display_name, u.role, u.branch_code AS ubranch,
                   p.reason_code AS pause_reason, p.started_at AS paused_since,
                   ARRAY(SELECT cs.service_id FROM counter_services cs WHERE cs.counter_id = c.id
                         ORDER BY cs.sort_order) AS services
            """;

    static final String VIEW_JOINS = """
            LEFT JOIN users u ON u.id = c.clerk_user_id
            LEFT JOIN counter_pauses p ON p.counter_id = c.id AND p.ended_at IS NULL
            """;

    /** The counter of {@link #VIEW_COLUMNS}, with its current ticket. */
    static Counter fromColumns(ResultSet rs, Ticket current) throws SQLException {
        Long uid = TicketRow.nullableLong(rs, "uid");
        List<Long> services = Arrays.asList((Long[]) rs.getArray("services").getArray());
        return new Counter(rs.getLong("cid"), rs.getInt("counter_number"), rs.getString("name"),
                CounterStatus.valueOf(rs.getString("cstatus")), List.copyOf(services),
                uid == null ? null : Users.fromRow(rs, "uid", "ubranch"), current,
                rs.getString("pause_reason"), TicketRow.instant(rs, "paused_since"));
    }

    static Optional<CounterRow> lock(Handle h, long counterId) {
        record Locked(long id, String branch, int number, String name, CounterStatus status, Long clerkId) {
        }
        return h.createQuery("SELECT id, branch_code, counter_number, name, status, clerk_user_id FROM counters WHERE id = :id FOR UPDATE")
                .bind("id", counterId)
                .map((rs, ctx) -> new Locked(rs.getLong("id"), rs.getString("branch_code"), rs.getInt("counter_number"),
                        rs.getString("name"), CounterStatus.valueOf(rs.getString("status")), TicketRow.nullableLong(rs, "clerk_user_id")))
                .findOne()
                // the clerk for the counter view, read without a lock (users are not locked anywhere)
                .map(l -> new CounterRow(l.id(), l.branch(), l.number(), l.name(), l.status(),
                        l.clerkId() == null ? null : Users.byId(h, l.clerkId())));
    }

    static List<Long> serviceIds(Handle h, long counterId) {
        return h.createQuery("SELECT service_id FROM counter_services WHERE counter_id = :c ORDER BY sort_order")
                .bind("c", counterId).mapTo(Long.class).list();
    }

    private static List<Counter> load(Handle h, String where, Object key) {
        record Base(long id, int number, String name, CounterStatus status, UserInfo clerk, String pauseReason, Instant pausedSince) {
        }
        List<Base> bases = h.createQuery("""
                        SELECT c.id, c.counter_number, c.name, c.status,
                               u.id AS uid, u.username, u.display_name, u.role, u.branch_code AS ubranch,
                               p.reason_code AS pause_reason, p.started_at AS paused_since
                        FROM counters c LEFT JOIN users u ON u.id = c.clerk_user_id
                        LEFT JOIN counter_pauses p ON p.counter_id = c.id AND p.ended_at IS NULL
                        WHERE %s ORDER BY c.counter_number
                        """.formatted(where))
                .bind("key", key)
                .map((rs, ctx) -> {
                    Long uid = TicketRow.nullableLong(rs, "uid");
                    UserInfo clerk = uid == null ? null : Users.fromRow(rs, "uid", "ubranch");
                    return new Base(rs.getLong("id"), rs.getInt("counter_number"), rs.getString("name"),
                            CounterStatus.valueOf(rs.getString("status")), clerk, rs.getString("pause_reason"),
                            TicketRow.instant(rs, "paused_since"));
                })
                .list();
        if (bases.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> services = new HashMap<>();
        h.createQuery("""
                        SELECT cs.counter_id, cs.service_id FROM counter_services cs JOIN counters c ON c.id = cs.counter_id
                        WHERE %s ORDER BY cs.counter_id, cs.sort_order
                        """.formatted(where))
                .bind("key", key)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> services.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, Ticket> current = new HashMap<>();
        h.createQuery(TicketRow.SELECT + """
                        JOIN counters c ON c.id = t.counter_id
                        WHERE %s AND t.status IN ('CALLED', 'SERVING')
                        """.formatted(where))
                .bind("key", key)
                .map((rs, ctx) -> TicketRow.map(rs))
                .forEach(t -> current.put(t.counterId(), t.view()));
        List<Counter> out = new ArrayList<>(bases.size());
        for (Base b : bases) {
            out.add(new Counter(b.id(), b.number(), b.name(), b.status(),
                    List.copyOf(services.getOrDefault(b.id(), List.of())), b.clerk(), current.get(b.id()),
                    b.pauseReason(), b.pausedSince()));
        }
        return out;
    }
}
