package al.sportel.server.queue;

import al.sportel.server.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
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

    /** n(S) for the service {@code s} of the enclosing query: its centre's OPEN counters whose profile includes it. */
    static final String OPEN_COUNTERS = """
            (SELECT COUNT(*) FROM counter_services cs JOIN counters c ON c.id = cs.counter_id
             WHERE cs.service_id = s.id AND c.branch_code = s.branch_code AND c.status = 'OPEN')""";

    /**
     * avg(S) from the last {@value #SAMPLE} tickets, for the service {@code s} of the enclosing query: null while
     * fewer than {@value #MIN_SAMPLE}. {@code :since} is the first day of the seven. Read with the service's own
     * row rather than as a query of its own per service.
     */
    static String recentSeconds(Handle h) {
        return Database.isPostgres(h) ? RECENT_SECONDS_PG : RECENT_SECONDS_H2;
    }

    private static final String AVERAGE = """
            (SELECT CASE WHEN COUNT(*) >= %d THEN AVG(EXTRACT(EPOCH FROM r.finished_at) - EXTRACT(EPOCH FROM r.started_at)) END
             FROM """.formatted(MIN_SAMPLE);

    private static final String SAMPLE_OF_S = """
            SELECT %s FROM tickets t
            WHERE t.service_id = s.id AND t.status = 'DONE' AND t.started_at IS NOT NULL AND t.business_date >= :since
            ORDER BY t.finished_at DESC LIMIT %d""";

    /** PostgreSQL: the sample's rows straight from the service's index of finished tickets. */
    private static final String RECENT_SECONDS_PG = AVERAGE + " (" + SAMPLE_OF_S.formatted("t.started_at, t.finished_at", SAMPLE) + ") r)";

    /** H2 does not let a derived table refer to the enclosing query's service: the sample is chosen by id. */
    private static final String RECENT_SECONDS_H2 = AVERAGE + " tickets r WHERE r.id IN ("
            + SAMPLE_OF_S.formatted("t.id", SAMPLE) + "))";

    private final Map<Long, Double> averageSeconds = new HashMap<>();
    private final Map<Long, Integer> openCounters = new HashMap<>();

    /** Loads the figures for every service of a branch, in one query. */
    public static WaitEstimator load(Handle h, String branchCode, LocalDate today) {
        return load(h, branchCode, today, null);
    }

    /** Loads the figures of one service only: a ticket's own estimate needs no other. */
    public static WaitEstimator forService(Handle h, String branchCode, LocalDate today, long serviceId) {
        return load(h, branchCode, today, serviceId);
    }

    /** One service whose figures the caller has read with the service itself (a ticket being issued, {@link ServiceFigures}). */
    static WaitEstimator forService(ServiceFigures service) {
        WaitEstimator e = new WaitEstimator();
        long id = service.rule().serviceId();
        e.averageSeconds.put(id, service.averageSeconds());
        e.openCounters.put(id, service.openCounters());
        return e;
    }

    private static WaitEstimator load(Handle h, String branchCode, LocalDate today, Long onlyService) {
        var query = h.createQuery("""
                        SELECT s.id, s.average_service_seconds, """ + OPEN_COUNTERS + ", " + recentSeconds(h) + """

                        FROM services s WHERE s.branch_code = :b""" + (onlyService == null ? "" : " AND s.id = :s"))
                .bind("b", branchCode).bind("since", today.minusDays(7));
        if (onlyService != null) {
            query.bind("s", onlyService.longValue());
        }
        record Figures(long serviceId, double averageSeconds, int openCounters) {
        }
        WaitEstimator e = new WaitEstimator();
        for (Figures f : query.map((rs, ctx) -> new Figures(rs.getLong(1), averageSeconds(rs, 2, 4), rs.getInt(3))).list()) {
            e.averageSeconds.put(f.serviceId(), f.averageSeconds());
            e.openCounters.put(f.serviceId(), f.openCounters());
        }
        return e;
    }

    /**
     * avg(S) from a row holding the service's configured average and {@link #recentSeconds} in these columns:
     * the recent one, or the configured one while the sample is short.
     */
    static double averageSeconds(ResultSet rs, int configuredColumn, int recentColumn) throws SQLException {
        double recent = rs.getDouble(recentColumn);
        return rs.wasNull() ? rs.getInt(configuredColumn) : recent;
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
