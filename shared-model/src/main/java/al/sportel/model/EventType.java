package al.sportel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The live event kinds of API.md "Live events", with their wire names. */
public enum EventType {
    TICKET_ISSUED("ticket.issued"),
    TICKET_CALLED("ticket.called"),
    TICKET_RECALLED("ticket.recalled"),
    TICKET_STARTED("ticket.started"),
    TICKET_FINISHED("ticket.finished"),
    TICKET_NO_SHOW("ticket.no_show"),
    TICKET_RETURNED("ticket.returned"),
    TICKET_TRANSFERRED("ticket.transferred"),
    TICKET_CANCELLED("ticket.cancelled"),
    TICKET_PRIORITIZED("ticket.prioritized"),
    /** A no-show back in the queue within its grace period. */
    TICKET_REACTIVATED("ticket.reactivated"),
    /** A remote ticket checked in at the kiosk: call-next may take it now (issue 19). */
    TICKET_CHECKED_IN("ticket.checked_in"),
    COUNTER_UPDATED("counter.updated"),
    SNAPSHOT_REQUIRED("snapshot.required");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static EventType fromWire(String name) {
        for (EventType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown event type " + name);
    }
}
