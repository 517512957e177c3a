package al.sportel.model;

import java.time.Instant;

/** The {@code data:} of one server-sent event. */
public record LiveEvent(EventType type, Instant at, Ticket ticket, Counter counter) {
}
