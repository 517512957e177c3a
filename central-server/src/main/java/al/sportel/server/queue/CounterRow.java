package al.sportel.server.queue;

import al.sportel.model.CounterStatus;

/** A counter as stored; locked with {@code FOR UPDATE} before any change to it. */
record CounterRow(long id, String branchCode, int number, String name, CounterStatus status, al.sportel.model.UserInfo clerk) {

    Long clerkUserId() {
        return clerk == null ? null : clerk.id();
    }

    /** The API view, built from what the lock already read (saves the three queries of CounterViews). */
    al.sportel.model.Counter view(java.util.List<Long> serviceIds, al.sportel.model.Ticket current) {
        return new al.sportel.model.Counter(id, number, name, status, java.util.List.copyOf(serviceIds), clerk, current);
    }
}
