package al.sportel.server.queue;

import al.sportel.model.CounterStatus;

/** A counter as stored; locked with {@code FOR UPDATE} before any change to it. */
record CounterRow(long id, String branchCode, int number, CounterStatus status, Long clerkUserId) {
}
