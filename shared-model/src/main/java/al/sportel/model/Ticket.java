package al.sportel.model;

import java.time.Instant;

/**
 * A ticket as the API shows it. {@code position} (1 = next in its service) and
 * {@code estimatedWaitSeconds} are set only while it waits; {@code targetCounterId} when it was
 * transferred to one counter, which alone will call it. {@code priorityCategory} (ELDERLY, DISABILITY,
 * PREGNANCY or a configured other) implies {@code priority}; a priority ticket from a client that only
 * sends the flag has none.
 */
public record Ticket(
        String id,
        String number,
        long serviceId,
        String serviceLetter,
        String branchCode,
        TicketStatus status,
        boolean priority,
        Instant issuedAt,
        Instant calledAt,
        Instant startedAt,
        Instant finishedAt,
        Long counterId,
        Integer position,
        Integer estimatedWaitSeconds,
        Long targetCounterId,
        String priorityCategory) {

    public Ticket withWaitEstimate(Integer position, Integer estimatedWaitSeconds) {
        return new Ticket(id, number, serviceId, serviceLetter, branchCode, status, priority, issuedAt,
                calledAt, startedAt, finishedAt, counterId, position, estimatedWaitSeconds, targetCounterId,
                priorityCategory);
    }
}
