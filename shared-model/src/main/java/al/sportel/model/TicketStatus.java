package al.sportel.model;

/** The life of a ticket (DESIGN.md "Ticket life"). */
public enum TicketStatus {
    WAITING, CALLED, SERVING, DONE, NO_SHOW, CANCELLED;

    /** A ticket in one of these states occupies its counter. */
    public boolean atCounter() {
        return this == CALLED || this == SERVING;
    }

    public boolean ended() {
        return this == DONE || this == NO_SHOW || this == CANCELLED;
    }
}
