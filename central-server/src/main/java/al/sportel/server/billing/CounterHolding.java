package al.sportel.server.billing;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Whether a clerk holds a counter now, or held it at the moment an offline payment was taken. */
public final class CounterHolding {

    private CounterHolding() {
    }

    /** A counter's centre, and whether the clerk holds it now (signed in there, the counter not closed). */
    public record Now(String branchCode, boolean held) {
    }

    /** The counter as {@link Now}, in one read; empty when there is no such counter. */
    public static Optional<Now> now(Handle h, long clerkId, long counterId) {
        return h.createQuery("""
                        SELECT branch_code, COALESCE(clerk_user_id = :u AND status <> 'CLOSED', FALSE) FROM counters WHERE id = :c
                        """)
                .bind("c", counterId).bind("u", clerkId)
                .map((rs, x) -> new Now(rs.getString(1), rs.getBoolean(2))).findOne();
    }

    /** {@link Now}, and whether the ticket a payment names (none: true) is one of the counter's centre. */
    public record ForPayment(Now now, boolean ticketInBranch) {
    }

    /** The counter as {@link Now} and the payment's ticket checked against its centre, in one read; empty when there is no such counter. */
    public static Optional<ForPayment> forPayment(Handle h, long clerkId, long counterId, String ticketId) {
        return h.createQuery("""
                        SELECT c.branch_code, COALESCE(c.clerk_user_id = :u AND c.status <> 'CLOSED', FALSE),
                               CAST(:t AS VARCHAR(32)) IS NULL
                               OR EXISTS (SELECT 1 FROM tickets t WHERE t.id = :t AND t.branch_code = c.branch_code)
                        FROM counters c WHERE c.id = :c
                        """)
                .bind("c", counterId).bind("u", clerkId).bind("t", ticketId)
                .map((rs, x) -> new ForPayment(new Now(rs.getString(1), rs.getBoolean(2)), rs.getBoolean(3))).findOne();
    }

    public static boolean holds(Handle h, long clerkId, long counterId, Instant takenAt) {
        boolean now = now(h, clerkId, counterId).map(Now::held).orElse(false);
        if (now || takenAt == null) {
            return now;
        }
        return heldAt(h, clerkId, counterId, takenAt);
    }

    /** Whether the clerk held the counter at {@code takenAt} (an offline payment), from the counter's events. */
    public static boolean heldAt(Handle h, long clerkId, long counterId, Instant takenAt) {
        // The last time the counter was signed in or closed before the money was taken says who held it.
        return h.createQuery("""
                        SELECT actor_user_id, to_status FROM events
                        WHERE counter_id = :c AND event_type = 'counter.updated' AND occurred_at <= :t
                          AND (to_status = 'CLOSED' OR (to_status = 'OPEN' AND from_status = 'CLOSED'))
                        ORDER BY occurred_at DESC, id DESC LIMIT 1
                        """)
                .bind("c", counterId).bind("t", takenAt)
                .map((rs, x) -> "OPEN".equals(rs.getString(2)) && rs.getLong(1) == clerkId)
                .findOne().orElse(false);
    }
}
