package al.sportel.server.queue;

import al.sportel.model.Counter;
import al.sportel.model.CounterStatus;
import al.sportel.model.Ticket;
import al.sportel.model.UserInfo;
import java.util.List;

/** A counter as stored; locked with {@code FOR UPDATE} before any change to it. */
record CounterRow(long id, String branchCode, int number, String name, CounterStatus status, UserInfo clerk) {

    Long clerkUserId() {
        return clerk == null ? null : clerk.id();
    }

    /** The API view of an OPEN counter, built from what the lock already read (saves the queries of CounterViews). */
    Counter view(List<Long> serviceIds, Ticket current) {
        return new Counter(id, number, name, status, List.copyOf(serviceIds), clerk, current, null, null);
    }
}
