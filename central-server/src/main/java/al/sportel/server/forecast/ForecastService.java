package al.sportel.server.forecast;

import al.sportel.model.BusinessTime;
import al.sportel.model.Board.ServiceForecast;
import al.sportel.model.Board.StaffingHint;
import al.sportel.server.queue.WaitEstimator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Forecasts the next hour of every service of a branch with {@link WaitForecaster} and, for a service
 * whose forecast passes its threshold, finds the one staffing change that cuts it most: opening a
 * closed or paused counter for it, or adding it to an open counter's work profile.
 *
 * <p>Arrivals expected = tickets issued for the service in the last hour. A counter serving several
 * services lends each a share of itself in proportion to that service's work (queue + expected
 * arrivals, times service time).
 */
public final class ForecastService {

    private record ServiceRow(long id, String letter, int maxWaitMinutes) {
    }

    private record CounterRow(long id, int number, String status, List<Long> services) {
    }

    private ForecastService() {
    }

    public static List<ServiceForecast> forecast(Handle h, String branchCode, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, BusinessTime.ZONE);
        List<ServiceRow> services = h.createQuery("SELECT id, letter, max_wait_minutes FROM services WHERE branch_code = :b AND active ORDER BY letter")
                .bind("b", branchCode).map((rs, c) -> new ServiceRow(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
        Map<Long, Integer> arrivals = counts(h, """
                SELECT service_id, COUNT(*) FROM tickets WHERE branch_code = :b AND business_date = :d AND issued_at > :since
                GROUP BY service_id""", branchCode, day, now.minus(Duration.ofHours(1)));
        Map<Long, Integer> waiting = counts(h, """
                SELECT service_id, COUNT(*) FROM tickets WHERE branch_code = :b AND business_date = :d AND status = 'WAITING'
                  AND issued_at > :since GROUP BY service_id""", branchCode, day, Instant.EPOCH);
        Map<Long, List<Long>> profiles = new HashMap<>();
        h.createQuery("""
                        SELECT cs.counter_id, cs.service_id FROM counter_services cs JOIN counters c ON c.id = cs.counter_id
                        WHERE c.branch_code = :b ORDER BY cs.counter_id, cs.sort_order
                        """)
                .bind("b", branchCode).map((rs, c) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> profiles.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<CounterRow> counters = h.createQuery("SELECT id, counter_number, status FROM counters WHERE branch_code = :b ORDER BY counter_number")
                .bind("b", branchCode)
                .map((rs, c) -> new CounterRow(rs.getLong(1), rs.getInt(2), rs.getString(3), profiles.getOrDefault(rs.getLong(1), List.of())))
                .list();
        WaitEstimator estimator = WaitEstimator.load(h, branchCode, day);
        Map<Long, Double> work = new HashMap<>();
        for (ServiceRow s : services) {
            work.put(s.id(), (arrivals.getOrDefault(s.id(), 0) + waiting.getOrDefault(s.id(), 0) + 0.1) * estimator.averageSeconds(s.id()));
        }
        List<ServiceForecast> out = new ArrayList<>();
        for (ServiceRow s : services) {
            double lambda = arrivals.getOrDefault(s.id(), 0);
            double mu = estimator.averageSeconds(s.id());
            int q = waiting.getOrDefault(s.id(), 0);
            double c = share(counters, work, s.id(), null, false);
            long wait = Math.round(WaitForecaster.forecastSeconds(lambda, mu, c, q));
            boolean over = wait > s.maxWaitMinutes() * 60L;
            StaffingHint hint = null;
            if (over) {
                for (CounterRow candidate : counters) {
                    boolean open = candidate.status().equals("OPEN");
                    if (open && candidate.services().contains(s.id())) {
                        continue;
                    }
                    double after = share(counters, work, s.id(), candidate, true);
                    long better = Math.round(WaitForecaster.forecastSeconds(lambda, mu, after, q));
                    if (better < wait && (hint == null || better < hint.forecastWaitSecondsAfter())) {
                        hint = new StaffingHint(open ? "ADD_SERVICE" : "OPEN_COUNTER", candidate.id(), candidate.number(), better,
                                wait - better);
                    }
                }
            }
            out.add(new ServiceForecast(s.id(), s.letter(), lambda, wait, s.maxWaitMinutes(), over, hint));
        }
        return out;
    }

    /** The counters' share for a service; with {@code changed}, as if that counter were open and served it too. */
    private static double share(List<CounterRow> counters, Map<Long, Double> work, long service, CounterRow changed, boolean withChange) {
        double total = 0;
        for (CounterRow counter : counters) {
            boolean isChanged = withChange && counter == changed;
            if (!isChanged && !counter.status().equals("OPEN")) {
                continue;
            }
            List<Long> profile = new ArrayList<>(counter.services());
            if (isChanged && !profile.contains(service)) {
                profile.add(service);
            }
            if (!profile.contains(service)) {
                continue;
            }
            double all = profile.stream().mapToDouble(id -> work.getOrDefault(id, 0.0)).sum();
            total += all <= 0 ? 1.0 / profile.size() : work.getOrDefault(service, 0.0) / all;
        }
        return total;
    }

    private static Map<Long, Integer> counts(Handle h, String sql, String branchCode, LocalDate day, Instant since) {
        Map<Long, Integer> out = new HashMap<>();
        h.createQuery(sql).bind("b", branchCode).bind("d", day).bind("since", since)
                .map((rs, c) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
