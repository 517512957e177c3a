package al.sportel.server.queue;

import al.sportel.model.BusinessTime;
import al.sportel.model.Counter;
import al.sportel.model.CounterStatus;
import al.sportel.model.EventType;
import al.sportel.model.Ticket;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.db.Database;
import al.sportel.server.events.EventHub;
import al.sportel.server.events.EventLog;
import al.sportel.server.http.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Call-next: the counter's lock, then the claim of the next ticket in the call order ({@link CallOrder},
 * the no-starvation rule of {@link StarvationGuard}) and its event, in one transaction. On PostgreSQL
 * the rule and the claim are one statement ({@link PgCallNext}); on H2, and while remote tickets await
 * their check-in, the rule is read into Java and the claim follows it ({@link TicketClaim}).
 */
final class CallNext {

    private static final int MAX_CLAIM_ATTEMPTS = 50;

    private final Database db;
    private final EventLog events;
    private final EventHub hub;
    private final Clock clock;

    CallNext(Database db, EventLog events, EventHub hub, Clock clock) {
        this.db = db;
        this.events = events;
        this.hub = hub;
        this.clock = clock;
    }

    /**
     * The next ticket for this counter, now CALLED there; empty when nothing waits for it. {@code first} runs
     * in the same transaction once the counter is locked and its clerk checked (ending its current ticket).
     */
    Optional<Ticket> callNext(UserInfo actor, long counterId, First first) {
        Optional<Ticket> called = db.tx(h -> {
            Instant now = now();
            LocalDate day = LocalDate.ofInstant(now, BusinessTime.ZONE);
            if (db.isPostgres()) {
                PgCallNext.Locked locked = PgCallNext.lock(h, counterId, day)
                        .orElseThrow(() -> ApiException.notFound("No counter with id " + counterId));
                CounterRow counter = locked.counter();
                requireCallable(actor, counter);
                List<EventLog.Pending> firstEvents = first.run(h, counter, locked.services());
                Instant at = now(); // read again: a call is not stamped before the ending it follows
                if (!locked.remoteWaiting()) { // the rule in SQL; remote tickets need the guard's order in Java
                    PgCallNext.Claimed claimed = PgCallNext.claim(h, counter, locked.services(), day, at);
                    if (claimed.called().isPresent()) { // the first part's events go in with the call's
                        return Optional.of(announce(h, actor, counter, locked.services(), claimed.called().get(), at, firstEvents));
                    }
                    if (claimed.counterBusy()) {
                        requireNotBusy(h, counter); // the ticket it has, for the refusal
                    }
                }
                events.appendAll(h, firstEvents); // no call in this statement: the first part's events alone
                if (!locked.remoteWaiting()) {
                    return Optional.<Ticket>empty();
                }
                requireNotBusy(h, counter);
                return callGuarded(h, actor, counter, locked.services(), day);
            }
            CounterRow counter = CounterViews.lock(h, counterId)
                    .orElseThrow(() -> ApiException.notFound("No counter with id " + counterId));
            requireCallable(actor, counter);
            List<Long> services = CounterViews.serviceIds(h, counterId);
            events.appendAll(h, first.run(h, counter, services));
            requireNotBusy(h, counter);
            return callGuarded(h, actor, counter, services, day);
        });
        called.ifPresent(t -> hub.wake(t.branchCode()));
        return called;
    }

    /**
     * What call-next does first in its transaction, with the counter as its lock read it (and its services).
     * It answers the events it has not inserted yet: call-next inserts them with its own call's event, in
     * one statement.
     */
    interface First {
        List<EventLog.Pending> run(Handle h, CounterRow counter, List<Long> services);
    }

    private static void requireCallable(UserInfo actor, CounterRow counter) {
        Access.requireBranch(actor, counter.branchCode());
        QueueEngine.requireCounterClerk(actor, counter);
        if (counter.status() != CounterStatus.OPEN) {
            throw ApiException.conflict("counter-not-open", "Counter " + counter.number() + " is "
                    + counter.status() + "; open it before calling");
        }
    }

    private static void requireNotBusy(Handle h, CounterRow counter) {
        Optional<TicketRow> busy = h.createQuery(TicketRow.SELECT + " WHERE t.counter_id = :c AND t.status IN ('CALLED', 'SERVING')")
                .bind("c", counter.id()).map((rs, ctx) -> TicketRow.map(rs)).findFirst();
        if (busy.isPresent()) {
            throw ApiException.conflict("counter-busy", "Counter " + counter.number() + " still has ticket "
                    + busy.get().number() + " (" + busy.get().status() + "); finish, return or mark it first");
        }
    }

    /** The claim with the rule read into Java ({@link StarvationGuard}): H2, and PostgreSQL while remote tickets await check-in. */
    private Optional<Ticket> callGuarded(Handle h, UserInfo actor, CounterRow counter, List<Long> services, LocalDate day) {
        StarvationGuard guard = StarvationGuard.load(h, counter.branchCode(), day, services, now());
        for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
            Instant now = now();
            Optional<String> claimed;
            if (db.isPostgres()) {
                claimed = TicketClaim.claim(h, counter, services, day, guard, now);
                if (claimed.isEmpty()) {
                    return Optional.empty();
                }
            } else {
                claimed = TicketClaim.candidate(h, counter, services, day, guard);
                if (claimed.isEmpty()) {
                    return Optional.empty();
                }
                if (!claimGuarded(h, counter, services, guard, claimed.get(), now)) {
                    continue; // another counter won this one; take the next
                }
            }
            TicketRow row = QueueEngine.find(h, claimed.get()).orElseThrow();
            if (row.targetCounterId() == null) { // issue 19: unchecked remote tickets whose turn this was
                RemoteCalls.skipPassedOver(h, events, counter.branchCode(), services, day, guard, row.id(), now);
            }
            return Optional.of(announce(h, actor, counter, services, row, now, List.of()));
        }
        throw ApiException.conflict("queue-contended", "The queue changed too often to call; try again");
    }

    /** The call's event, after the events {@code before} it (an ending's) in the same statement. */
    private Ticket announce(Handle h, UserInfo actor, CounterRow counter, List<Long> services, TicketRow row, Instant now,
                            List<EventLog.Pending> before) {
        Ticket view = row.view();
        Counter cv = counter.view(services, view);
        List<EventLog.Pending> all = new ArrayList<>(before);
        all.add(new EventLog.Pending(counter.branchCode(), EventType.TICKET_CALLED, now, actor, view, cv, "WAITING", "CALLED"));
        events.appendAll(h, all);
        return view;
    }

    /**
     * H2: the guarded update; even if a database ignored the lock, a ticket is called only once, and only while
     * it is still this counter's to call (a transfer to another service or counter may commit after the read).
     */
    private static boolean claimGuarded(Handle h, CounterRow counter, List<Long> services, StarvationGuard guard, String id,
                                        Instant now) {
        int won = h.createUpdate("""
                        UPDATE tickets SET status = 'CALLED', counter_id = :c, called_at = :now, call_next = FALSE
                        WHERE id = :id AND status = 'WAITING'
                          AND (target_counter_id = :c OR (target_counter_id IS NULL AND service_id IN (<services>)))
                        """)
                .bind("c", counter.id()).bind("now", now).bind("id", id)
                .bindList("services", services.isEmpty() ? List.of(-1L) : services).execute(); // a counter for transfers only
        String rule = guard.promotion(id);
        if (won == 1 && rule != null) { // for the fairness report's count of promotions
            h.execute("UPDATE tickets SET starvation_rule = ? WHERE id = ?", rule, id);
        }
        return won == 1;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
