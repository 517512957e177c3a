package al.sportel.model;

import java.time.LocalDate;
import java.util.List;

/** A branch over a date range: tickets by service, waits and service times, no-shows, clerks, payments. */
public record BranchReport(
        String branchCode,
        LocalDate from,
        LocalDate to,
        List<ServiceFigures> services,
        ServiceFigures totals,
        List<ClerkFigures> clerks,
        List<MethodFigures> payments,
        String paymentsTotal) {

    /** Times in seconds: median and 90th percentile (continuous, as PERCENTILE_CONT); null when nothing was measured. */
    public record ServiceFigures(Long serviceId, String letter, String name, int issued, int served, int noShows, int cancelled,
                                 double noShowRate, Long waitMedianSeconds, Long waitP90Seconds, Long serviceMedianSeconds,
                                 Long serviceP90Seconds) {
    }

    public record ClerkFigures(long userId, String username, String displayName, int served) {
    }

    public record MethodFigures(String method, int count, String amount) {
    }
}
