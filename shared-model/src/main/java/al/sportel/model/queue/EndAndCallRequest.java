package al.sportel.model.queue;

import al.sportel.model.TicketStatus;

/**
 * {@code POST /api/v1/counters/{id}/end-and-call-next}: the counter's current ticket and how it ends,
 * {@link TicketStatus#DONE} (served; it must be SERVING) or {@link TicketStatus#NO_SHOW} (it must be CALLED).
 */
public record EndAndCallRequest(String ticketId, TicketStatus outcome) {
}
