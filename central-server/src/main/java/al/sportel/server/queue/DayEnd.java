package al.sportel.server.queue;

import al.sportel.model.Counter;
import al.sportel.model.CounterStatus;
import al.sportel.model.EventType;
import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import al.sportel.server.db.Database;
import al.sportel.server.events.EventHub;
import al.sportel.server.events.EventLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Ends one centre's business day (issue 17): every ticket still waiting is cancelled with the reason
 * "day ended", one left called at a counter is a no-show, one left being served is cancelled, and every
 * counter left open or paused is closed (its pause ended), each with its live event, in one
 * transaction that also records the run. The run's row is the claim: when two server nodes reach the
 * same centre at once, the second finds it and does nothing.
 *
 * <p>A day whose end was missed (the server was down at the hour) is ended later by {@link #runMissed}, usually
 * the next morning, when today's clerks may already be at work: it ends only that day's and older tickets, and
 * closes only the counters nobody has used since that day. A counter stays open when its clerk has signed in
 * since the day after (a new login: the staff tokens last a shift), or a ticket of a later day has been called
 * to it; everyone else's counter is closed, or yesterday's clerk would keep it from today's (409 counter-taken).
 * Not closing every counter as at the hour: the catch-up can come after the clerks start (another node was
 * up, the database came back late), and it must not throw today's clerks out of their counters.
 */
public final class DayEnd {

    public static final String REASON = "day ended";

    private final Database db;
    private final EventLog events;
    private final EventHub hub;

    public DayEnd(Database db, EventLog events, EventHub hub) {
        this.db = db;
        this.events = events;
        this.hub = hub;
    }

    /** What a run did; empty when the day was already ended (here or on another node). */
    public record Result(String branchCode, LocalDate day, int ticketsCancelled, int countersClosed) {
    }

    /** Ends {@code day}, today's business day: every counter left open or paused closes. */
    public Optional<Result> run(String branchCode, LocalDate day, Instant at) {
        return run(branchCode, day, at, null);
    }

    /**
     * Ends a past {@code day} whose end was missed, at {@code at} on a later day that began at {@code laterDayStart}:
     * the counters in use since then stay open (see the class comment).
     */
    public Optional<Result> runMissed(String branchCode, LocalDate day, Instant at, Instant laterDayStart) {
        return run(branchCode, day, at, laterDayStart);
    }

    private Optional<Result> run(String branchCode, LocalDate day, Instant at, Instant laterDayStart) {
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        Optional<Result> result = db.tx(h -> {
            // The branch row lock serialises runs of the same centre across nodes.
            h.createQuery("SELECT code FROM branches WHERE code = :b FOR UPDATE").bind("b", branchCode)
                    .mapTo(String.class).one();
            boolean done = h.createQuery("SELECT COUNT(*) FROM day_end_runs WHERE branch_code = :b AND business_date = :d")
                    .bind("b", branchCode).bind("d", day).mapTo(Integer.class).one() > 0;
            if (done) {
                return Optional.<Result>empty();
            }
            List<String> waiting = h.createQuery("""
                            SELECT id FROM tickets WHERE branch_code = :b AND status = 'WAITING' AND business_date <= :d
                            ORDER BY issued_at FOR UPDATE
                            """)
                    .bind("b", branchCode).bind("d", day).mapTo(String.class).list();
            for (String id : waiting) {
                h.createUpdate("UPDATE tickets SET status = 'CANCELLED', finished_at = :now, cancel_reason = :r WHERE id = :id")
                        .bind("now", now).bind("r", REASON).bind("id", id).execute();
                Ticket view = QueueEngine.find(h, id).orElseThrow().view();
                events.append(h, branchCode, EventType.TICKET_CANCELLED, now, null, view, null, "WAITING", "CANCELLED");
            }
            // A ticket left at a counter (its clerk went home without ending it) ends too: left there it would keep
            // the counter busy tomorrow. Called and never served: a no-show; being served: cancelled, since nobody
            // recorded when the service ended and a service time of hours would skew the estimates.
            List<String> atCounters = h.createQuery("""
                            SELECT id FROM tickets WHERE branch_code = :b AND status IN ('CALLED', 'SERVING') AND business_date <= :d
                            ORDER BY issued_at FOR UPDATE
                            """)
                    .bind("b", branchCode).bind("d", day).mapTo(String.class).list();
            for (String id : atCounters) {
                TicketRow row = QueueEngine.find(h, id).orElseThrow();
                boolean called = row.status() == TicketStatus.CALLED;
                h.createUpdate("UPDATE tickets SET status = :s, finished_at = :now, cancel_reason = :r WHERE id = :id")
                        .bind("s", called ? "NO_SHOW" : "CANCELLED").bind("now", now).bind("r", called ? null : REASON)
                        .bind("id", id).execute();
                Ticket view = QueueEngine.find(h, id).orElseThrow().view();
                Counter counter = row.counterId() == null ? null : CounterViews.byId(h, row.counterId()).orElse(null);
                events.append(h, branchCode, called ? EventType.TICKET_NO_SHOW : EventType.TICKET_CANCELLED, now, null, view, counter,
                        row.status().name(), view.status().name());
            }
            List<Long> inUse = laterDayStart == null ? List.of() : h.createQuery("""
                            SELECT c.id FROM counters c
                            WHERE c.branch_code = :b AND c.status <> 'CLOSED'
                              AND (EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = c.clerk_user_id AND s.created_at >= :since)
                                   OR EXISTS (SELECT 1 FROM tickets t WHERE t.counter_id = c.id AND t.business_date > :d))
                            """)
                    .bind("b", branchCode).bind("since", laterDayStart).bind("d", day).mapTo(Long.class).list();
            List<Counter> open = CounterViews.forBranch(h, branchCode).stream()
                    .filter(c -> c.status() != CounterStatus.CLOSED && !inUse.contains(c.id())).toList();
            for (Counter c : open) {
                h.execute("UPDATE counters SET status = 'CLOSED', clerk_user_id = NULL WHERE id = ?", c.id());
                CounterActions.endPause(h, c.id(), now);
                // today's tickets sent to it go back to their queue, as when a clerk closes it (a past day's were cancelled)
                TransferredTickets.release(h, events, null, c.id(), now);
                Counter view = CounterViews.byId(h, c.id()).orElseThrow();
                events.append(h, branchCode, EventType.COUNTER_UPDATED, now, null, null, view, c.status().name(), "CLOSED");
            }
            h.createUpdate("""
                            INSERT INTO day_end_runs (branch_code, business_date, ran_at, tickets_cancelled, counters_closed)
                            VALUES (:b, :d, :now, :t, :c)
                            """)
                    .bind("b", branchCode).bind("d", day).bind("now", now).bind("t", waiting.size() + atCounters.size()).bind("c", open.size())
                    .execute();
            return Optional.of(new Result(branchCode, day, waiting.size() + atCounters.size(), open.size()));
        });
        result.ifPresent(r -> hub.wake(branchCode));
        return result;
    }
}
