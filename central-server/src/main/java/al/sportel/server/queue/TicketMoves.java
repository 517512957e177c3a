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
import java.util.Optional;
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
        Ticket t = db.tx(h -> moveIn(h, actor, ticketId, move, null));
        hub.wake(t.branchCode());
        return t;
    }

    /**
     * One move of a ticket with its event, inside the caller's transaction; the caller wakes the hub after
     * commit. {@code atCounter}: when not null, the ticket must be at that counter (409 otherwise).
     */
    private Ticket moveIn(Handle h, UserInfo actor, String ticketId, TicketMove move, Long atCounter) {
        TicketRow row;
        if (db.isPostgres()) { // two statements instead of five
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
        if (!move.from.contains(row.status())) {
            throw QueueEngine.illegal(row, move.path, move.from);
        }
        Instant now = engine.now();
        TicketRow after;
        if (db.isPostgres()) {
            after = PgTicketMove.apply(h, ticketId, move, actor, now);
        } else {
            h.createUpdate("UPDATE tickets SET status = :to, " + move.setClause + " WHERE id = :id")
                    .bind("to", move.to.name()).bind("now", now).bind("id", ticketId).execute();
            if (move.to == TicketStatus.DONE) {
                h.execute("UPDATE tickets SET served_by = ? WHERE id = ?", actor.id(), ticketId); // for "served per clerk"
            }
            after = QueueEngine.find(h, ticketId).orElseThrow();
        }
        Ticket view = after.status() == TicketStatus.WAITING ? engine.withEstimate(h, after) : after.view();
        Counter counter = row.counterId() == null ? null
                : (db.isPostgres() ? CounterViews.byIdInOne(h, row.counterId()) : CounterViews.byId(h, row.counterId())).orElse(null);
        events.append(h, row.branchCode(), move.event, now, actor, view, counter, row.status().name(), move.to.name());
        return view;
    }

    /**
     * Ends the counter's current ticket ({@code FINISH} or {@code NO_SHOW}) and calls the next one, in one
     * transaction: the clerk's usual pair of requests as one, and nothing changes when either part is refused.
     * A finish of a ticket still CALLED starts it first (a clerk who served without pressing start), so the
     * desktop's "finish, call next" is one request whatever the ticket's state.
     */
    EndAndCall endAndCallNext(UserInfo actor, long counterId, String ticketId, TicketMove end) {
        Ticket[] ended = new Ticket[1];
        Optional<Ticket> called = calls.callNext(actor, counterId, h -> ended[0] = endIn(h, actor, ticketId, end, counterId));
        if (called.isEmpty()) {
            hub.wake(ended[0].branchCode());
        }
        return new EndAndCall(ended[0], called.orElse(null));
    }

    private Ticket endIn(Handle h, UserInfo actor, String ticketId, TicketMove end, long counterId) {
        if (end == TicketMove.FINISH && QueueEngine.find(h, ticketId).map(TicketRow::status).orElse(null) == TicketStatus.CALLED) {
            moveIn(h, actor, ticketId, TicketMove.START, counterId); // its state is checked again under the ticket's lock
        }
        return moveIn(h, actor, ticketId, end, counterId);
    }
}
