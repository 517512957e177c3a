package al.sportel.server.fairness;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How fair a centre's queue was over a range of days: who called out of order and why, the most places
 * one ticket lost to such calls, and the waits of regular tickets beside priority ones with the number
 * of calls the no-starvation rule decided. {@code branchCode} null: every centre.
 */
public record FairnessReport(String branchCode, LocalDate from, LocalDate to, int calls, int outOfOrderCalls,
                             Double outOfOrderShare, List<ClerkShare> byClerk, List<ReasonShare> byReason,
                             Integer maxPlacesSkippedInOneCall, PlacesLost mostPlacesLost, Waits regularWaits,
                             Waits priorityWaits, int starvationPromotions, Map<String, Integer> starvationPromotionsByRule) {

    /** A clerk's calls in the range and the share of them that were out of order. */
    public record ClerkShare(long clerkUserId, String username, String displayName, int calls, int outOfOrderCalls,
                             Double share) {
    }

    /** Out-of-order calls with one reason, and their share of all out-of-order calls. */
    public record ReasonShare(String reason, int calls, Double share) {
    }

    /** The ticket that out-of-order calls jumped most often. */
    public record PlacesLost(String branchCode, LocalDate businessDate, String ticketNumber, int places) {
    }

    /** Issue-to-call waits of the tickets called in the range; null figures when none was called. */
    public record Waits(int tickets, Long medianSeconds, Long p90Seconds, Long maxSeconds) {
    }
}
