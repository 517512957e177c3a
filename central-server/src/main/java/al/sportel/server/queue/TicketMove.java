package al.sportel.server.queue;

import al.sportel.model.EventType;
import al.sportel.model.TicketStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * The transitions a ticket endpoint can make (DESIGN.md "Ticket life"); call-next and transfer are
 * in {@link QueueEngine}. Anything not listed here is a 409.
 */
enum TicketMove {
    RECALL("recall", EnumSet.of(TicketStatus.CALLED), TicketStatus.CALLED, EventType.TICKET_RECALLED, "called_at = :now"),
    START("start", EnumSet.of(TicketStatus.CALLED), TicketStatus.SERVING, EventType.TICKET_STARTED, "started_at = :now"),
    FINISH("finish", EnumSet.of(TicketStatus.SERVING), TicketStatus.DONE, EventType.TICKET_FINISHED, "finished_at = :now"),
    NO_SHOW("no-show", EnumSet.of(TicketStatus.CALLED), TicketStatus.NO_SHOW, EventType.TICKET_NO_SHOW, "finished_at = :now"),
    // back to waiting in the same place: issued_at is untouched, so call order puts it where it was
    RETURN("return", EnumSet.of(TicketStatus.CALLED), TicketStatus.WAITING, EventType.TICKET_RETURNED,
            "counter_id = NULL, called_at = NULL"),
    CANCEL("cancel", EnumSet.of(TicketStatus.WAITING), TicketStatus.CANCELLED, EventType.TICKET_CANCELLED, "finished_at = :now");

    final String path;
    final Set<TicketStatus> from;
    final TicketStatus to;
    final EventType event;
    final String setClause;

    TicketMove(String path, Set<TicketStatus> from, TicketStatus to, EventType event, String setClause) {
        this.path = path;
        this.from = from;
        this.to = to;
        this.event = event;
        this.setClause = setClause;
    }

    /** The one state the move starts from, or null when it starts from several (the one-statement paths need one). */
    TicketStatus onlyFrom() {
        return from.size() == 1 ? from.iterator().next() : null;
    }
}
