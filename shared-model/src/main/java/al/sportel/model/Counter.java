package al.sportel.model;

import java.time.Instant;
import java.util.List;

/**
 * A counter (desk) with its work profile: {@code serviceIds} in its order of preference.
 * {@code currentTicket} is the ticket called to or served at it, if any. While PAUSED,
 * {@code pauseReason} (a PAUSE reason code, null when the client gave none) and {@code pausedSince}.
 */
public record Counter(
        long id,
        int number,
        String name,
        CounterStatus status,
        List<Long> serviceIds,
        UserInfo clerk,
        Ticket currentTicket,
        String pauseReason,
        Instant pausedSince) {
}
