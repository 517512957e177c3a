package al.sportel.server.queue;

import al.sportel.model.EventType;
import al.sportel.model.Ticket;
import al.sportel.server.events.EventLog;
import al.sportel.server.http.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Call-next's side of remote tickets (issue 19): a remote ticket waits with the others but call-next only
 * claims it once the citizen has checked in at the kiosk ({@link #CLAIMABLE}, a term of the claim
 * predicate). When call-next takes a ticket that comes after an unchecked remote ticket in the call order,
 * that remote ticket's turn has come and gone: it is skipped (a no-show without a counter, no clerk to
 * blame) in the same transaction, and may come back once when it checks in.
 */
final class RemoteCalls {

    /** The extra term of the claim predicate. */
    static final String CLAIMABLE = " AND NOT awaiting_check_in";

    private RemoteCalls() {
    }

    /** Skips the unchecked remote tickets of {@code services} that come before {@code calledId}; returns how many. */
    static int skipPassedOver(Handle h, EventLog events, String branchCode, List<Long> services, LocalDate day,
                              StarvationGuard guard, String calledId, Instant now) {
        List<TicketRow> unchecked = h.createQuery(TicketRow.SELECT + """
                        WHERE t.branch_code = :b AND t.business_date = :d AND t.status = 'WAITING' AND t.awaiting_check_in
                          AND t.target_counter_id IS NULL AND t.service_id IN (<services>)
                        """)
                .bind("b", branchCode).bind("d", day).bindList("services", services)
                .map((rs, ctx) -> TicketRow.map(rs)).list();
        if (unchecked.isEmpty()) {
            return 0;
        }
        TicketRow called = QueueEngine.find(h, calledId).orElseThrow();
        Comparator<TicketRow> order = CallOrder.forServices(services, guard);
        int skipped = 0;
        for (TicketRow r : unchecked) {
            if (order.compare(r, called) >= 0) {
                continue;
            }
            // Guarded: a check-in committed meanwhile keeps the ticket in the queue.
            int won = h.createUpdate("""
                            UPDATE tickets SET status = 'NO_SHOW', finished_at = :now
                            WHERE id = :id AND status = 'WAITING' AND awaiting_check_in
                            """)
                    .bind("now", now).bind("id", r.id()).execute();
            if (won == 1) {
                h.createUpdate("UPDATE remote_tickets SET skipped_at = :now WHERE ticket_id = :id")
                        .bind("now", now).bind("id", r.id()).execute();
                Ticket view = QueueEngine.find(h, r.id()).orElseThrow().view();
                events.append(h, branchCode, EventType.TICKET_NO_SHOW, now, null, view, null, "WAITING", "NO_SHOW");
                skipped++;
            }
        }
        return skipped;
    }

    /** A remote ticket comes back from a skip once; a second reactivation is refused. Other tickets pass. */
    static void recallOnce(Handle h, TicketRow row, Instant now) {
        Optional<Boolean> recalled = h.createQuery("SELECT recalled_at IS NOT NULL FROM remote_tickets WHERE ticket_id = :id")
                .bind("id", row.id()).mapTo(Boolean.class).findOne();
        if (recalled.isEmpty()) {
            return;
        }
        if (recalled.get()) {
            throw ApiException.conflict("recalled-once", "Remote ticket " + row.number()
                    + " was already recalled once after missing its turn; take a new ticket");
        }
        h.createUpdate("UPDATE remote_tickets SET recalled_at = :now WHERE ticket_id = :id")
                .bind("now", now).bind("id", row.id()).execute();
    }
}
