package al.sportel.server.queue;

import java.util.Comparator;
import java.util.List;

/**
 * The order call-next takes waiting tickets in, for one counter: by the tier of {@link StarvationGuard}
 * (a ticket the no-starvation rule or a reactivation sends first, then priority tickets, then the
 * others), then the earliest issued, ties broken by the counter's service order, then by ticket number.
 * Used in SQL by {@link QueueEngine} and in memory for the queue lists, and within one service by
 * {@link StarvationGuard#waitingAhead} for a ticket's place; keep them in step.
 */
final class CallOrder {

    private CallOrder() {
    }

    static Comparator<TicketRow> forServices(List<Long> serviceOrder, StarvationGuard guard) {
        return Comparator.comparingInt((TicketRow t) -> guard.tier(t.id(), t.priority()))
                .thenComparing(TicketRow::issuedAt)
                .thenComparingInt(t -> rank(serviceOrder, t.serviceId()))
                .thenComparingInt(TicketRow::seq);
    }

    private static int rank(List<Long> serviceOrder, long serviceId) {
        int i = serviceOrder.indexOf(serviceId);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
