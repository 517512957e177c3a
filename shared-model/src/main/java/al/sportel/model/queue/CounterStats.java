package al.sportel.model.queue;

import java.time.LocalDate;

/** {@code GET /api/v1/counters/{id}/stats}: today's served and no-show counts and the average service time. */
public record CounterStats(long counterId, LocalDate date, int served, int noShows, Integer averageServiceSeconds) {
}
