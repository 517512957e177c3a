package al.sportel.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Per-clerk productivity over a range of days (Europe/Tirane), one row per clerk and day plus one per
 * clerk for the whole range ({@code date} null), and the satisfaction ratings per service.
 * {@code branchCode} null: every branch (administrators only).
 */
public record ClerkReport(String branchCode, LocalDate from, LocalDate to, List<ClerkRow> days, List<ClerkRow> totals,
                          List<ServiceRating> ratingsByService) {

    /**
     * {@code idleWhileWaitingSeconds}: time between the end of one customer and the call of the next
     * while that next customer was already waiting, paused time left out. {@code pausedSecondsByReason}:
     * keyed by PAUSE reason code ("NONE" for pauses without one).
     */
    public record ClerkRow(LocalDate date, String branchCode, long userId, String username, String displayName, int served,
                           Long averageServiceSeconds, Long p90ServiceSeconds, long idleWhileWaitingSeconds,
                           Map<String, Long> pausedSecondsByReason, int transfers, int outOfOrderCalls, int ratings,
                           Double averageRating) {
    }

    public record ServiceRating(String branchCode, long serviceId, String letter, String name, int ratings, Double averageRating,
                                List<Integer> countsByScore) {
    }
}
