package al.sportel.model;

/** What a user may do; see API.md "Conventions". */
public enum Role {
    CLERK, SUPERVISOR, ADMIN, KIOSK;

    /** Clerks, supervisors and admins work at counters; kiosks only issue tickets. */
    public boolean worksAtCounters() {
        return this != KIOSK;
    }

    public boolean supervises() {
        return this == SUPERVISOR || this == ADMIN;
    }
}
