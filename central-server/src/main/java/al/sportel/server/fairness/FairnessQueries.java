package al.sportel.server.fairness;

import al.sportel.server.fairness.FairnessReport.PlacesLost;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** The fairness report's SQL. {@code branchCode} null reads every branch; the range is of business dates. */
final class FairnessQueries {

    /** A called ticket's wait, for the percentiles (computed in Java: portable across H2 and PostgreSQL). */
    record Wait(boolean priority, long seconds) {
    }

    record ClerkCalls(long clerkUserId, String username, String displayName, int calls) {
    }

    private final Handle h;
    private final String branchCode;
    private final LocalDate from;
    private final LocalDate to;

    FairnessQueries(Handle h, String branchCode, LocalDate from, LocalDate to) {
        this.h = h;
        this.branchCode = branchCode;
        this.from = from;
        this.to = to;
    }

    /** Calls made by each clerk (call-next and out-of-order alike, from the event log), by tickets of the range. */
    List<ClerkCalls> callsByClerk() {
        return query("""
                SELECT u.id, u.username, u.display_name, COUNT(*) FROM events e
                JOIN tickets t ON t.id = e.ticket_id JOIN users u ON u.id = e.actor_user_id
                WHERE e.event_type = 'ticket.called' AND t.business_date BETWEEN :from AND :to%s
                GROUP BY u.id, u.username, u.display_name ORDER BY u.username
                """)
                .map((rs, c) -> new ClerkCalls(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    /** Out-of-order calls per clerk id. */
    Map<Long, Integer> outOfOrderByClerk() {
        return counts("""
                SELECT o.clerk_user_id, COUNT(*) FROM out_of_order_calls o JOIN tickets t ON t.id = o.ticket_id
                WHERE t.business_date BETWEEN :from AND :to%s GROUP BY o.clerk_user_id
                """, Long.class);
    }

    Map<String, Integer> outOfOrderByReason() {
        return counts("""
                SELECT o.reason_code, COUNT(*) FROM out_of_order_calls o JOIN tickets t ON t.id = o.ticket_id
                WHERE t.business_date BETWEEN :from AND :to%s GROUP BY o.reason_code
                """, String.class);
    }

    Optional<Integer> maxPlacesSkippedInOneCall() {
        return query("""
                SELECT MAX(o.places_skipped) FROM out_of_order_calls o JOIN tickets t ON t.id = o.ticket_id
                WHERE t.business_date BETWEEN :from AND :to%s
                """).map((rs, c) -> (Integer) rs.getObject(1, Integer.class)).findOne();
    }

    /** The ticket jumped by the most out-of-order calls (ties: the earliest day, then number). */
    Optional<PlacesLost> mostPlacesLost() {
        return query("""
                SELECT t.branch_code, t.business_date, t.ticket_number, COUNT(*) AS places FROM out_of_order_skips s
                JOIN tickets t ON t.id = s.ticket_id
                WHERE t.business_date BETWEEN :from AND :to%s
                GROUP BY t.branch_code, t.business_date, t.ticket_number
                ORDER BY places DESC, t.business_date, t.ticket_number LIMIT 1
                """)
                .map((rs, c) -> new PlacesLost(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getInt(4)))
                .findOne();
    }

    /** Waits of walk-in tickets that were called; appointments are left out (their wait is booked). */
    List<Wait> waits() {
        return query("""
                SELECT t.priority, t.issued_at, t.called_at FROM tickets t
                WHERE t.called_at IS NOT NULL AND t.appointment_start IS NULL AND t.business_date BETWEEN :from AND :to%s
                """)
                .map((rs, c) -> new Wait(rs.getBoolean(1), Duration.between(at(rs, 2), at(rs, 3)).toSeconds())).list();
    }

    Map<String, Integer> starvationPromotionsByRule() {
        return counts("""
                SELECT t.starvation_rule, COUNT(*) FROM tickets t
                WHERE t.starvation_rule IS NOT NULL AND t.business_date BETWEEN :from AND :to%s GROUP BY t.starvation_rule
                """, String.class);
    }

    private <K> Map<K, Integer> counts(String sql, Class<K> keyType) {
        Map<K, Integer> out = new TreeMap<>();
        query(sql).map((rs, c) -> Map.entry(rs.getObject(1, keyType), rs.getInt(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private Query query(String sql) {
        Query q = h.createQuery(sql.formatted(branchCode == null ? "" : " AND t.branch_code = :b"))
                .bind("from", from).bind("to", to);
        return branchCode == null ? q : q.bind("b", branchCode);
    }

    private static Instant at(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
