package al.sportel.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A branch over a date range: tickets by service, waits and service times, no-shows, clerks, payments. Bill
 * payments ({@code payments}, {@code paymentsTotal}) count what was taken in the range and not voided by its end;
 * a void made in the range of a payment taken before it is {@code earlierVoided}, so a closed range's figures never
 * change and each reversal shows in the range it was made. {@code fees}: the service fees sold at the counters.
 */
public record BranchReport(
        String branchCode,
        LocalDate from,
        LocalDate to,
        List<ServiceFigures> services,
        ServiceFigures totals,
        List<ClerkFigures> clerks,
        List<MethodFigures> payments,
        String paymentsTotal,
        int earlierVoidedCount,
        String earlierVoidedAmount,
        List<MethodFigures> fees,
        String feesTotal) {

    /** Times in seconds: median and 90th percentile (continuous, as PERCENTILE_CONT); null when nothing was measured. */
    public record ServiceFigures(Long serviceId, String letter, String name, String nameEn, int issued, int served, int noShows, int cancelled,
                                 double noShowRate, Long waitMedianSeconds, Long waitP90Seconds, Long serviceMedianSeconds,
                                 Long serviceP90Seconds) {
    }

    public record ClerkFigures(long userId, String username, String displayName, int served) {
    }

    public record MethodFigures(String method, int count, String amount) {
    }
}
