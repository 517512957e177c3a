package al.sportel.server.queue;

import al.sportel.model.BusinessTime;
import al.sportel.model.Counter;
import al.sportel.model.CounterStatus;
import al.sportel.model.EventType;
import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.db.Database;
import al.sportel.server.events.EventHub;
import al.sportel.server.events.EventLog;
import al.sportel.server.http.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The two ways a ticket leaves the plain call order: a clerk calls a specific waiting ticket (with a
 * reason from the list, audited in {@code out_of_order_calls} with the places the others lost), and a
 * no-show comes back within the branch's grace period.
 */
public final class FairCalls {

    private final Database db;
    private final EventLog events;
    private final EventHub hub;
    private final QueueEngine engine;

    public FairCalls(Database db, EventLog events, EventHub hub, QueueEngine engine) {
        this.db = db;
        this.events = events;
        this.hub = hub;
        this.engine = engine;
    }

    /** Calls {@code ticketId} to the counter ahead of its turn. */
    public Ticket callOutOfOrder(UserInfo actor, long counterId, String ticketId, String reason) {
        Ticket t = db.tx(h -> {
            QueueReasons.requireActive(h, QueueReasons.Kind.OUT_OF_ORDER, reason, "reason");
            CounterRow counter = CounterViews.lock(h, counterId)
                    .orElseThrow(() -> ApiException.invalid("counterId", "no counter with id " + counterId));
            Access.requireBranch(actor, counter.branchCode());
            QueueEngine.requireCounterClerk(actor, counter);
            if (counter.status() != CounterStatus.OPEN) {
                throw ApiException.conflict("counter-not-open", "Counter " + counter.number() + " is " + counter.status()
                        + "; open it before calling");
            }
            h.createQuery("SELECT ticket_number FROM tickets WHERE counter_id = :c AND status IN ('CALLED', 'SERVING')")
                    .bind("c", counterId).mapTo(String.class).findFirst().ifPresent(busy -> {
                        throw ApiException.conflict("counter-busy", "Counter " + counter.number() + " still has ticket " + busy);
                    });
            TicketRow row = QueueEngine.lockTicket(h, ticketId);
            if (!row.branchCode().equals(counter.branchCode())) {
                throw ApiException.invalid("counterId", "the counter is in another branch than the ticket");
            }
            if (row.status() != TicketStatus.WAITING) {
                throw QueueEngine.illegal(row, "call", EnumSet.of(TicketStatus.WAITING));
            }
            List<Long> services = CounterViews.serviceIds(h, counterId);
            boolean forThisCounter = Objects.equals(row.targetCounterId(), counterId)
                    || row.targetCounterId() == null && services.contains(row.serviceId());
            if (!forThisCounter) {
                throw ApiException.conflict("not-for-this-counter", "Ticket " + row.number()
                        + " is not in a queue counter " + counter.number() + " serves; transfer it first");
            }
            Instant now = engine.now();
            List<String> skipped = skippedTickets(h, counter, services, row, now);
            h.createUpdate("""
                            UPDATE tickets SET status = 'CALLED', counter_id = :c, called_at = :now, call_next = FALSE
                            WHERE id = :id AND status = 'WAITING'
                            """)
                    .bind("c", counterId).bind("now", now).bind("id", ticketId).execute();
            long callId = h.createUpdate("""
                            INSERT INTO out_of_order_calls (branch_code, ticket_id, counter_id, clerk_user_id, reason_code,
                                                            called_at, places_skipped)
                            VALUES (:b, :t, :c, :u, :r, :now, :skipped)
                            """)
                    .bind("b", row.branchCode()).bind("t", ticketId).bind("c", counterId).bind("u", actor.id())
                    .bind("r", reason).bind("now", now).bind("skipped", skipped.size())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            PreparedBatch skips = h.prepareBatch("INSERT INTO out_of_order_skips (call_id, ticket_id) VALUES (:call, :ticket)");
            skipped.forEach(id -> skips.bind("call", callId).bind("ticket", id).add());
            if (!skipped.isEmpty()) {
                skips.execute();
            }
            Ticket view = QueueEngine.find(h, ticketId).orElseThrow().view();
            Counter cv = counter.view(services, view);
            events.append(h, row.branchCode(), EventType.TICKET_CALLED, now, actor, view, cv, "WAITING", "CALLED");
            return view;
        });
        hub.wake(t.branchCode());
        return t;
    }

    /** The tickets call-next would have taken at this counter before {@code row}: each loses a place. */
    private static List<String> skippedTickets(Handle h, CounterRow counter, List<Long> services, TicketRow row,
                                     Instant now) {
        LocalDate day = LocalDate.ofInstant(row.issuedAt(), BusinessTime.ZONE);
        StarvationGuard guard = StarvationGuard.load(h, counter.branchCode(), day, services, now);
        List<TicketRow> candidates = h.createQuery(TicketRow.SELECT + """
                        WHERE t.branch_code = :b AND t.business_date = :d AND t.status = 'WAITING' AND t.id <> :id
                          AND (t.target_counter_id = :c OR (t.target_counter_id IS NULL AND t.service_id IN (<services>)))
                        """)
                .bind("b", counter.branchCode()).bind("d", day).bind("id", row.id()).bind("c", counter.id())
                .bindList("services", services.isEmpty() ? List.of(-1L) : services)
                .map((rs, ctx) -> TicketRow.map(rs)).list();
        // Tickets transferred to this counter come first, then the call order of its services.
        Comparator<TicketRow> order = Comparator.comparing((TicketRow t) -> t.targetCounterId() == null)
                .thenComparing(CallOrder.forServices(services, guard));
        return candidates.stream().filter(c -> order.compare(c, row) < 0).map(TicketRow::id).toList();
    }

    /** A no-show back in the queue, if it comes back within the grace period. */
    public Ticket reactivate(UserInfo actor, String ticketId) {
        Ticket t = db.tx(h -> reactivateIn(h, actor, ticketId));
        hub.wake(t.branchCode());
        return t;
    }

    /** Inside the caller's transaction (a remote ticket's check-in recalls it); the caller wakes the hub. */
    Ticket reactivateIn(Handle h, UserInfo actor, String ticketId) {
        TicketRow row = QueueEngine.lockTicket(h, ticketId);
        Access.requireBranch(actor, row.branchCode());
        if (row.status() != TicketStatus.NO_SHOW) {
            throw QueueEngine.illegal(row, "reactivate", EnumSet.of(TicketStatus.NO_SHOW));
        }
        QueueSettings settings = QueueSettings.of(h, row.branchCode());
        Instant now = engine.now();
        Duration since = Duration.between(row.finishedAt(), now);
        if (since.compareTo(Duration.ofMinutes(settings.noShowGraceMinutes())) > 0
                || !LocalDate.ofInstant(now, BusinessTime.ZONE).equals(LocalDate.ofInstant(row.issuedAt(), BusinessTime.ZONE))) {
            throw ApiException.conflict("grace-period-over", "Ticket " + row.number() + " was marked a no-show "
                    + since.toMinutes() + " minutes ago; it can come back within " + settings.noShowGraceMinutes()
                    + " minutes only");
        }
        RemoteCalls.recallOnce(h, row, now); // issue 19: a skipped remote ticket comes back once
        h.createUpdate("""
                        UPDATE tickets SET status = 'WAITING', counter_id = NULL, called_at = NULL, finished_at = NULL,
                               call_next = :next,
                               -- sent to a counter that has closed since: back to the service's queue, as the close
                               -- does for the waiting ones (TransferredTickets), not waiting for a counter that is gone
                               target_counter_id = CASE WHEN EXISTS (SELECT 1 FROM counters c
                                   WHERE c.id = tickets.target_counter_id AND c.status <> 'CLOSED') THEN target_counter_id END
                        WHERE id = :id
                        """)
                .bind("next", settings.reactivateTo() == QueueSettings.ReactivateTo.NEXT_CALL).bind("id", ticketId).execute();
        Ticket view = engine.withEstimate(h, QueueEngine.find(h, ticketId).orElseThrow());
        events.append(h, row.branchCode(), EventType.TICKET_REACTIVATED, now, actor, view, null, "NO_SHOW", "WAITING");
        return view;
    }
}
