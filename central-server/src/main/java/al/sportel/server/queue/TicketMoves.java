package al.sportel.server.queue;

import al.sportel.model.Counter;
import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import al.sportel.model.UserInfo;
import al.sportel.model.queue.EndAndCall;
import al.sportel.server.db.Database;
import al.sportel.server.events.EventHub;
import al.sportel.server.events.EventLog;
import al.sportel.server.http.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * A clerk's moves of a ticket (start, finish, no-show, …; {@link TicketMove}) with their events, alone or, at
 * the end of a service, together with the call of the next ticket ({@link CallNext}) in one transaction.
 */
final class TicketMoves {

    private final Database db;
    private final EventLog events;
    private final EventHub hub;
    private final CallNext calls;
    private final QueueEngine engine;

    TicketMoves(Database db, EventLog events, EventHub hub, CallNext calls, QueueEngine engine) {
        this.db = db;
        this.events = events;
        this.hub = hub;
        this.calls = calls;
        this.engine = engine;
    }

    Ticket move(UserInfo actor, String ticketId, TicketMove move) {
        Ticket t = db.tx(h -> {
            if (db.isPostgres()) { // a clerk's usual move at her own counter in one statement; anything else below
                Optional<Ticket> moved = moveAtOwnCounter(h, actor, ticketId, move);
                if (moved.isPresent()) {
                    return moved.get();
                }
            }
            return apply(h, actor, lock(h, actor, ticketId, null), move, null).view();
        });
        hub.wake(t.branchCode());
        return t;
    }

    /** PostgreSQL: {@link PgTicketMove#applyAtOwnCounter} with the move's event, as {@link #apply} writes it. */
    private Optional<Ticket> moveAtOwnCounter(Handle h, UserInfo actor, String ticketId, TicketMove move) {
        Instant now = engine.now();
        return PgTicketMove.applyAtOwnCounter(h, ticketId, move, actor, now).map(applied -> {
            Ticket view = viewAfter(h, applied.row());
            events.append(h, applied.row().branchCode(), move.event, now, actor, view, applied.counter(),
                    move.onlyFrom().name(), move.to.name());
            return view;
        });
    }

    /** The view of a ticket after a move, with its estimate when the move left it waiting. */
    private Ticket viewAfter(Handle h, TicketRow after) {
        return after.status() == TicketStatus.WAITING ? engine.withEstimate(h, after) : after.view();
    }

    /** A ticket as one move left it: its row, and its view with the estimate when it waits. */
    private record Moved(TicketRow row, Ticket view) {
    }

    /**
     * Locks the ticket for a move inside the caller's transaction, checking that the actor may act on it.
     * {@code atCounter}: when not null, the ticket must be at that counter (409 otherwise).
     */
    private TicketRow lock(Handle h, UserInfo actor, String ticketId, Long atCounter) {
        TicketRow row;
        if (db.isPostgres()) { // the ticket and its counter's clerk in one statement
            PgTicketMove.Locked locked = PgTicketMove.lock(h, ticketId);
            row = locked.row();
            QueueEngine.authorizeTicketAction(actor, row, locked.counterClerk());
        } else {
            row = QueueEngine.lockTicket(h, ticketId);
            QueueEngine.authorizeTicketAction(h, actor, row);
        }
        if (atCounter != null && !atCounter.equals(row.counterId())) {
            throw ApiException.conflict("ticket-not-at-counter", "Ticket " + row.number() + " is not at this counter");
        }
        return row;
    }

    /**
     * One move of the locked ticket with its event; the caller wakes the hub after commit. {@code counterAfter}:
     * the view of the ticket's counter after the move, from what the caller has locked and read already; null
     * to read it.
     */
    private Moved apply(Handle h, UserInfo actor, TicketRow row, TicketMove move, Function<Ticket, Counter> counterAfter) {
        if (!move.from.contains(row.status())) {
            throw QueueEngine.illegal(row, move.path, move.from);
        }
        String ticketId = row.id();
        Instant now = engine.now();
        TicketRow after;
        Counter counterRead = null; // PostgreSQL: read with the update
        if (db.isPostgres()) {
            // the counter's view read with the update, unless the caller builds it from its own lock
            PgTicketMove.Applied applied = PgTicketMove.apply(h, ticketId, move, actor, now,
                    counterAfter == null ? row.counterId() : null);
            after = applied.row();
            counterRead = applied.counter();
        } else {
            h.createUpdate("UPDATE tickets SET status = :to, " + move.setClause + " WHERE id = :id")
                    .bind("to", move.to.name()).bind("now", now).bind("id", ticketId).execute();
            if (move.to == TicketStatus.DONE) {
                h.execute("UPDATE tickets SET served_by = ? WHERE id = ?", actor.id(), ticketId); // for "served per clerk"
            }
            after = QueueEngine.find(h, ticketId).orElseThrow();
        }
        Ticket view = viewAfter(h, after);
        Counter counter;
        if (row.counterId() == null) {
            counter = null;
        } else if (counterAfter != null) {
            counter = counterAfter.apply(view);
        } else {
            counter = db.isPostgres() ? counterRead : CounterViews.byId(h, row.counterId()).orElse(null);
        }
        events.append(h, row.branchCode(), move.event, now, actor, view, counter, row.status().name(), move.to.name());
        return new Moved(after, view);
    }

    /**
     * Ends the counter's current ticket ({@code FINISH} or {@code NO_SHOW}) and calls the next one, in one
     * transaction: the clerk's usual pair of requests as one, and nothing changes when either part is refused.
     * A finish of a ticket still CALLED starts it first (a clerk who served without pressing start), so the
     * desktop's "finish, call next" is one request whatever the ticket's state.
     */
    EndAndCall endAndCallNext(UserInfo actor, long counterId, String ticketId, TicketMove end) {
        Ticket[] ended = new Ticket[1];
        Optional<Ticket> called = calls.callNext(actor, counterId, (h, counter, services) -> {
            Ended e = endIn(h, actor, ticketId, end, counter, services);
            ended[0] = e.view();
            return e.events();
        });
        if (called.isEmpty()) {
            hub.wake(ended[0].branchCode());
        }
        return new EndAndCall(ended[0], called.orElse(null));
    }

    /** A ticket as its ending left it, and the ending's event when it is still to be inserted (with the call's). */
    private record Ended(Ticket view, List<EventLog.Pending> events) {
    }

    /** The ending, under the counter's lock: the counter's view in its events is built from that lock, not read again. */
    private Ended endIn(Handle h, UserInfo actor, String ticketId, TicketMove end, CounterRow counter, List<Long> services) {
        Function<Ticket, Counter> counterAfter = t -> counter.view(services, t.status().atCounter() ? t : null);
        if (db.isPostgres()) { // the usual ending in one statement; anything else below, for its answer
            Instant now = engine.now();
            Optional<TicketRow> ended = PgTicketMove.endAtCounter(h, ticketId, end, actor, now, counter);
            if (ended.isPresent()) {
                Ticket view = ended.get().view();
                return new Ended(view, List.of(new EventLog.Pending(counter.branchCode(), end.event, now, actor, view,
                        counterAfter.apply(view), end.onlyFrom().name(), end.to.name())));
            }
        }
        TicketRow row = lock(h, actor, ticketId, counter.id());
        if (end == TicketMove.FINISH && row.status() == TicketStatus.CALLED) {
            row = apply(h, actor, row, TicketMove.START, counterAfter).row();
        }
        return new Ended(apply(h, actor, row, end, counterAfter).view(), List.of());
    }
}
