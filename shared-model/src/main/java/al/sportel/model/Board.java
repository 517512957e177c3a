package al.sportel.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The centre live, as the supervisor's board shows it: counters, services against their thresholds, today's figures. */
public record Board(
        String branchCode,
        LocalDate date,
        Instant at,
        long lastEventId,
        List<Counter> counters,
        List<ServiceLine> services,
        Totals today,
        List<HourCount> ticketsPerHour,
        List<Bucket> waitDistribution,
        List<Ticket> waiting,
        List<ServiceForecast> forecast) {

    /**
     * The next hour of one service: arrivals expected, the mean wait forecast for them, and when that
     * passes the service's threshold the staffing change that would cut it most (null when none helps).
     */
    public record ServiceForecast(long serviceId, String letter, double expectedArrivals, long forecastWaitSeconds,
                                  int maxWaitMinutes, boolean overThreshold, StaffingHint hint) {
    }

    /** {@code action}: OPEN_COUNTER (open a closed or paused counter for the service) or ADD_SERVICE (to an open one). */
    public record StaffingHint(String action, long counterId, int counterNumber, long forecastWaitSecondsAfter, long cutSeconds) {
    }

    /**
     * {@code overThreshold}: the longest wait is beyond {@code maxWaitMinutes}. The no-starvation rule:
     * at most {@code maxPriorityInRow} priority calls in a row while regular tickets wait, and a regular
     * ticket waiting longer than {@code maxRegularWaitMinutes} goes next (null = that half is off);
     * {@code priorityInRow} is the current run of priority calls.
     */
    public record ServiceLine(long id, String letter, String name, String nameEn, int waiting, Long longestWaitSeconds,
                              int estimatedWaitSeconds, int maxWaitMinutes, boolean overThreshold, int served, int noShows,
                              Long averageWaitSeconds, Long averageServiceSeconds, double noShowRate,
                              Integer maxPriorityInRow, Integer maxRegularWaitMinutes, int priorityInRow) {
    }

    public record Totals(int issued, int served, int noShows, int cancelled, Long averageWaitSeconds, Long averageServiceSeconds,
                         double noShowRate) {
    }

    /** Tickets issued in one hour of the day (local time) for one service. */
    public record HourCount(int hour, long serviceId, int count) {
    }

    /** Called tickets whose wait was in [fromMinutes, toMinutes); toMinutes null = and longer. */
    public record Bucket(int fromMinutes, Integer toMinutes, int count) {
    }
}
