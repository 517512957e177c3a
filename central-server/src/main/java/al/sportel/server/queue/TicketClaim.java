package al.sportel.server.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Call-next's claim of the next ticket for a counter, in the order of {@link CallOrder}: tickets
 * transferred to the counter first, then its services' queues by the tiers of {@link StarvationGuard}.
 * On PostgreSQL (used there only while a remote ticket awaits its check-in; otherwise {@link PgCallNext}
 * evaluates the rule in SQL too) the pick ({@code FOR UPDATE SKIP LOCKED}), the change to CALLED and the
 * starvation rule's mark are one statement (one round trip); H2 locks every row it sorts, so there a plain read
 * picks the candidate and the guarded update alone decides who wins (the loser sees CALLED and tries
 * the next one).
 */
final class TicketClaim {

    private TicketClaim() {
    }

    /** The candidate predicate and order: the one place the rules of who is called next live in SQL. */
    private static String candidates(List<Long> services, String lock) {
        return """
                SELECT id FROM tickets
                WHERE branch_code = :b AND business_date = :d AND status = 'WAITING'
                  AND (target_counter_id = :c OR (target_counter_id IS NULL AND service_id IN (<services>)))%s
                ORDER BY CASE WHEN target_counter_id IS NULL THEN 1 ELSE 0 END,
                         CASE WHEN id IN (<first>) THEN 0 WHEN id IN (<appointments>) THEN 1
                              WHEN priority OR id IN (<lifted>) THEN 2 ELSE 3 END,
                         issued_at, %s, seq
                LIMIT 1 %s
                """.formatted(RemoteCalls.CLAIMABLE, rank(services.size()), lock);
    }

    /** Ties on issuedAt go to the service the counter lists first (see CallOrder); binds :s0, :s1, and so on. */
    static String rank(int services) {
        if (services == 0) {
            // a CASE needs a WHEN and a bare 0 is a column position; such a counter only takes transfers
            return "CAST(0 AS INTEGER)";
        }
        StringBuilder rank = new StringBuilder("CASE service_id");
        for (int i = 0; i < services; i++) {
            rank.append(" WHEN :s").append(i).append(" THEN ").append(i);
        }
        return rank.append(" ELSE ").append(services).append(" END").toString();
    }

    /** PostgreSQL: picks, locks and calls the next ticket in one statement; its id, or empty. */
    static Optional<String> claim(Handle h, CounterRow counter, List<Long> services, LocalDate day, StarvationGuard guard,
                                  Instant now) {
        String sql = "WITH pick AS (" + candidates(services, "FOR UPDATE SKIP LOCKED") + """
                )
                UPDATE tickets t SET status = 'CALLED', counter_id = :c, called_at = :now, call_next = FALSE,
                       starvation_rule = CASE WHEN t.id IN (<inRow>) THEN 'IN_ROW' WHEN t.id IN (<waited>) THEN 'WAIT'
                                              ELSE t.starvation_rule END
                FROM pick WHERE t.id = pick.id AND t.status = 'WAITING'
                RETURNING t.id
                """;
        return bind(h.createQuery(sql), counter, services, day, guard)
                .bind("now", now)
                .bindList("inRow", guard.promoted("IN_ROW")).bindList("waited", guard.promoted("WAIT"))
                .mapTo(String.class).findFirst();
    }

    /** H2: the candidate, read without a lock. */
    static Optional<String> candidate(Handle h, CounterRow counter, List<Long> services, LocalDate day, StarvationGuard guard) {
        return bind(h.createQuery(candidates(services, "")), counter, services, day, guard).mapTo(String.class).findFirst();
    }

    private static <S extends SqlStatement<S>> S bind(S q, CounterRow counter, List<Long> services, LocalDate day,
                                                     StarvationGuard guard) {
        q.bind("b", counter.branchCode()).bind("d", day).bind("c", counter.id())
                .bindList("services", services.isEmpty() ? List.of(-1L) : services)
                .bindList("first", guard.firstTier()).bindList("appointments", guard.appointments())
                .bindList("lifted", guard.liftedToPriority());
        for (int i = 0; i < services.size(); i++) {
            q.bind("s" + i, services.get(i));
        }
        return q;
    }
}
