package al.sportel.server.queue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Estimated wait of a waiting ticket, in seconds:
 *
 * <pre>
 *   avg(S) = mean service time (finished − started) of the last 20 tickets of service S finished in
 *            this branch over the last 7 days; the service's configured average while fewer than 5
 *   n(S)   = OPEN counters of the branch whose work profile includes S, at least 1
 *   p      = the ticket's position in its service's queue (1 = next)
 *
 *   estimatedWaitSeconds = round((p − 0.5) × avg(S) / n(S))
 * </pre>
 *
 * The p − 1 customers ahead each take avg(S) at one of n(S) counters, and the counters are on average
 * half way through the customer in front of them (the + 0.5).
 */
public final class WaitEstimator {

    static final int SAMPLE = 20;
    static final int MIN_SAMPLE = 5;

    private final Map<Long, Double> averageSeconds = new HashMap<>();
    private final Map<Long, Integer> openCounters = new HashMap<>();

    /** Loads the figures for every service of a branch. */
    public static WaitEstimator load(Handle h, String branchCode, LocalDate today) {
        return load(h, branchCode, today, null);
    }

    /**
     * Loads the figures of one service only: a ticket's own estimate needs no other, and each service's
     * average is a query of its own (a kiosk's ticket used to read all of the centre's).
     */
    public static WaitEstimator forService(Handle h, String branchCode, LocalDate today, long serviceId) {
        return load(h, branchCode, today, serviceId);
    }

    /**
     * One service whose configured average and open counters the caller has read already (a ticket being issued
     * reads them with its service, {@link ServiceFigures}); only the recent average is read here.
     */
    static WaitEstimator forService(Handle h, LocalDate today, ServiceFigures service) {
        WaitEstimator e = new WaitEstimator();
        long id = service.rule().serviceId();
        e.averageSeconds.put(id, recentAverage(h, id, today, service.configuredAverageSeconds()));
        e.openCounters.put(id, service.openCounters());
        return e;
    }

    private static WaitEstimator load(Handle h, String branchCode, LocalDate today, Long onlyService) {
        var query = h.createQuery("""
                        SELECT s.id, s.average_service_seconds,
                               (SELECT COUNT(*) FROM counter_services cs JOIN counters c ON c.id = cs.counter_id
                                WHERE cs.service_id = s.id AND c.branch_code = s.branch_code AND c.status = 'OPEN')
                        FROM services s WHERE s.branch_code = :b""" + (onlyService == null ? "" : " AND s.id = :s"))
                .bind("b", branchCode);
        if (onlyService != null) {
            query.bind("s", onlyService.longValue());
        }
        List<long[]> services = query.map((rs, ctx) -> new long[] {rs.getLong(1), rs.getInt(2), rs.getInt(3)}).list();
        WaitEstimator e = new WaitEstimator();
        for (long[] s : services) {
            e.averageSeconds.put(s[0], recentAverage(h, s[0], today, (int) s[1]));
            e.openCounters.put(s[0], (int) s[2]);
        }
        return e;
    }

    private static double recentAverage(Handle h, long serviceId, LocalDate today, int configured) {
        var durations = h.createQuery("""
                        SELECT started_at, finished_at FROM tickets
                        WHERE service_id = :s AND status = 'DONE' AND started_at IS NOT NULL AND business_date >= :since
                        ORDER BY finished_at DESC LIMIT :n
                        """)
                .bind("s", serviceId).bind("since", today.minusDays(7)).bind("n", SAMPLE)
                .map((rs, ctx) -> TicketRow.instant(rs, "finished_at").toEpochMilli()
                        - TicketRow.instant(rs, "started_at").toEpochMilli())
                .list();
        if (durations.size() < MIN_SAMPLE) {
            return configured;
        }
        return durations.stream().mapToLong(Long::longValue).average().orElse(configured * 1000.0) / 1000.0;
    }

    /** Mean service time of the service in seconds (recent history, else the configured average). */
    public double averageSeconds(long serviceId) {
        return averageSeconds.getOrDefault(serviceId, 300.0);
    }

    public int estimate(long serviceId, int position) {
        double avg = averageSeconds.getOrDefault(serviceId, 300.0);
        int n = Math.max(1, openCounters.getOrDefault(serviceId, 0));
        return (int) Math.round((position - 0.5) * avg / n);
    }
}
