package al.sportel.model.queue;

import al.sportel.model.Ticket;

/**
 * {@code POST /api/v1/counters/{id}/end-and-call-next}: the ticket the counter ended and the one it
 * called next ({@code called} null when nothing waits for the counter).
 */
public record EndAndCall(Ticket ended, Ticket called) {
}
