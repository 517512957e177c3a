package al.sportel.server.queue;

import al.sportel.model.Ticket;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer to issuing a ticket: the ticket's own fields, as everywhere else, and {@code viewUrl}, its phone
 * view at the public URL (the address its QR code holds), which the kiosk prints under the QR code. The page
 * must not build that link from its own address: the kiosk may reach the server by an address citizens cannot.
 * Only the kiosk page reads {@code viewUrl}; the desktop reads the same answer as a {@link Ticket}.
 */
public record IssuedTicket(@JsonUnwrapped Ticket ticket, String viewUrl) {
}
