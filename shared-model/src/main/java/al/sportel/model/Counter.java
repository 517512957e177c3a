package al.sportel.model;

import java.util.List;

/**
 * A counter (desk) with its work profile: {@code serviceIds} in its order of preference.
 * {@code currentTicket} is the ticket called to or served at it, if any.
 */
public record Counter(
        long id,
        int number,
        String name,
        CounterStatus status,
        List<Long> serviceIds,
        UserInfo clerk,
        Ticket currentTicket) {
}
