package al.sportel.server.queue;

import al.sportel.model.Counter;
import al.sportel.model.Role;
import al.sportel.model.TicketStatus;
import al.sportel.model.UserInfo;
import al.sportel.server.http.ApiException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A clerk's move of a ticket (no-show, start, finish, …) on PostgreSQL in two statements instead of
 * five: the lock reads the ticket with the clerk of its counter, and the update returns the row as
 * changed (and who served it, when it is finished) with the view of its counter for the move's event.
 */
final class PgTicketMove {

    /** The ticket, locked, and the clerk signed in at the counter it is at (null: none, or not at a counter). */
    record Locked(TicketRow row, Long counterClerk) {
    }

    private PgTicketMove() {
    }

    static Locked lock(Handle h, String ticketId) {
        if (ticketId.length() > 32) {
            throw ApiException.notFound("No ticket with that id");
        }
        // The lock is taken on the ticket alone: with the joins under FOR UPDATE, a ticket a transfer had
        // just moved to another service dropped out of the re-checked join and the move answered 404.
        return h.createQuery("WITH locked AS (SELECT * FROM tickets WHERE id = :id FOR UPDATE) SELECT " + TicketRow.COLUMNS + """
                        , c.clerk_user_id AS counter_clerk
                        FROM locked t JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = t.counter_id
                        """)
                .bind("id", ticketId)
                .map((rs, ctx) -> new Locked(TicketRow.map(rs), TicketRow.nullableLong(rs, "counter_clerk")))
                .findOne()
                .orElseThrow(() -> ApiException.notFound("No ticket " + ticketId));
    }

    /** The ticket after a move, and the view of the counter it was at (null when at none). */
    record Applied(TicketRow row, Counter counter) {
    }

    /**
     * A clerk's move of a ticket at a counter she holds, in one statement without the lock read first (the
     * moves from one state: start, finish, recall, no-show, return). Empty when the ticket is not such (another
     * state, another clerk's counter, another centre): nothing changed, and the caller takes the checked path
     * for its answer. The counter is matched against the ticket's row as the update finds it, so a ticket
     * moved meanwhile to another counter is not taken; nor is one recalled after {@code now}, which was read
     * before any wait for the ticket's row (the checked path reads it after its lock). The counter's view is
     * read as {@link #apply} reads it.
     */
    static Optional<Applied> applyAtOwnCounter(Handle h, String ticketId, TicketMove move, UserInfo clerk, Instant now) {
        // a waiting ticket is at no counter (a cancel): the checked path at once
        if (clerk.role() != Role.CLERK || move.onlyFrom() == null || move.onlyFrom() == TicketStatus.WAITING || ticketId.length() > 32) {
            return Optional.empty();
        }
        return h.createQuery("WITH t AS (" + update(move) + """
                         FROM counters k
                         WHERE tickets.id = :id AND tickets.status = :from AND tickets.branch_code = :branch
                           AND tickets.called_at <= :now AND k.id = tickets.counter_id AND k.clerk_user_id = :actor
                         RETURNING tickets.*, k.id AS was_at)
                        SELECT""" + " " + TicketRow.COLUMNS + ", " + CounterViews.VIEW_COLUMNS
                        + " FROM t JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = t.was_at "
                        + CounterViews.VIEW_JOINS)
                .bind("to", move.to.name()).bind("now", now).bind("id", ticketId).bind("actor", clerk.id())
                .bind("from", move.onlyFrom().name()).bind("branch", clerk.branchCode())
                .map((rs, ctx) -> {
                    TicketRow row = TicketRow.map(rs);
                    return new Applied(row, CounterViews.fromColumns(rs, row.status().atCounter() ? row.view() : null));
                })
                .findOne();
    }

    /**
     * The ending of end-and-call-next in one statement, without the ticket's lock read first: the move when
     * the ticket is at this counter of this centre in the one state the move leaves, else nothing changes
     * and the result is empty (the caller then takes the checked path, for the precise answer). The
     * counter's lock has already checked the clerk, as {@link QueueEngine#authorizeTicketAction} would.
     */
    static Optional<TicketRow> endAtCounter(Handle h, String ticketId, TicketMove end, UserInfo actor, Instant now,
                                            CounterRow counter) {
        if (end.onlyFrom() == null || ticketId.length() > 32) {
            return Optional.empty();
        }
        return h.createQuery("WITH t AS (" + update(end) + """
                         WHERE id = :id AND counter_id = :counter AND branch_code = :branch AND status = :from
                           AND called_at <= :now RETURNING *)
                        SELECT""" + " " + TicketRow.COLUMNS + " FROM t JOIN services s ON s.id = t.service_id")
                .bind("to", end.to.name()).bind("now", now).bind("id", ticketId).bind("actor", actor.id())
                .bind("counter", counter.id()).bind("branch", counter.branchCode())
                .bind("from", end.onlyFrom().name())
                .map((rs, ctx) -> TicketRow.map(rs)).findOne();
    }

    /**
     * Applies the move to the locked ticket; the row after it, with the view of {@code counterId} (the counter
     * the ticket was at, or null) read in the same statement. That statement does not see its own update,
     * so the counter's current ticket is the moved one while it is still called or served there, else none.
     */
    static Applied apply(Handle h, String ticketId, TicketMove move, UserInfo actor, Instant now, Long counterId) {
        Optional<Applied> after = h.createQuery("WITH t AS (" + update(move) + " WHERE id = :id RETURNING *) SELECT " + TicketRow.COLUMNS + ", " + CounterViews.VIEW_COLUMNS
                        + " FROM t JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = :counter "
                        + CounterViews.VIEW_JOINS)
                .bind("to", move.to.name()).bind("now", now).bind("id", ticketId).bind("actor", actor.id())
                .bind("counter", counterId)
                .map((rs, ctx) -> {
                    TicketRow row = TicketRow.map(rs);
                    return new Applied(row, TicketRow.nullableLong(rs, "cid") == null ? null
                            : CounterViews.fromColumns(rs, row.status().atCounter() ? row.view() : null));
                })
                .findOne();
        return after.orElseThrow();
    }

    /** The move's {@code UPDATE tickets SET …} (its WHERE follows), binding :to, :now and, for a finish, :actor. */
    private static String update(TicketMove move) {
        String servedBy = move.to == TicketStatus.DONE ? ", served_by = :actor" : ""; // for "served per clerk"
        return "UPDATE tickets SET status = :to, " + move.setClause + servedBy;
    }
}
