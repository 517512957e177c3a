package al.sportel.server.supervision;

import al.sportel.model.Board;
import al.sportel.model.BusinessTime;
import al.sportel.model.QueueSnapshot;
import al.sportel.server.db.Database;
import al.sportel.server.forecast.ForecastService;
import al.sportel.server.queue.QueueEngine;
import al.sportel.server.queue.StarvationGuard;
import al.sportel.server.queue.WaitEstimator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Objects;

/**
 * Computes the board for today. A centre issues hundreds of tickets a day, so today's rows are read
 * once and counted here; the date-range reports are computed in SQL instead.
 */
public final class BoardService {

    private static final int[] BUCKETS = {0, 5, 10, 15, 20, 30, 45, 60};

    private record Row(long serviceId, String status, Instant issued, Instant called, Instant started, Instant finished) {
        Long waitSeconds() {
            return called == null ? null : Duration.between(issued, called).toSeconds();
        }

        Long serviceSeconds() {
            return "DONE".equals(status) && started != null && finished != null ? Duration.between(started, finished).toSeconds() : null;
        }
    }

    private record ServiceDef(long id, String letter, String name, String nameEn, int maxWaitMinutes) {
    }

    private final Database db;
    private final QueueEngine engine;
    private final Clock clock;

    public BoardService(Database db, QueueEngine engine, Clock clock) {
        this.db = db;
        this.engine = engine;
        this.clock = clock;
    }

    public boolean branchExists(String code) {
        return engine.branchExists(code);
    }

    public Board board(String branchCode) {
        QueueSnapshot snapshot = engine.snapshot(branchCode); // 404 for an unknown branch
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, BusinessTime.ZONE);
        return db.read(h -> {
            List<ServiceDef> services = h.createQuery("""
                            SELECT id, letter, name, name_en, max_wait_minutes FROM services WHERE branch_code = :b ORDER BY letter
                            """)
                    .bind("b", branchCode)
                    .map((rs, c) -> new ServiceDef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                    .list();
            List<Row> rows = h.createQuery("""
                            SELECT service_id, status, issued_at, called_at, started_at, finished_at FROM tickets
                            WHERE branch_code = :b AND business_date = :d
                            """)
                    .bind("b", branchCode).bind("d", day)
                    .map((rs, c) -> new Row(rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4), instant(rs, 5), instant(rs, 6)))
                    .list();
            WaitEstimator estimator = WaitEstimator.load(h, branchCode, day);
            StarvationGuard guard = StarvationGuard.load(h, branchCode, day, null, now);
            List<Board.ServiceLine> lines = new ArrayList<>();
            for (ServiceDef s : services) {
                List<Row> mine = rows.stream().filter(r -> r.serviceId() == s.id()).toList();
                List<Row> waiting = mine.stream().filter(r -> r.status().equals("WAITING")).toList();
                Long longest = waiting.stream().map(r -> Duration.between(r.issued(), now).toSeconds()).max(Long::compare).orElse(null);
                int served = count(mine, r -> r.status().equals("DONE"));
                int noShows = count(mine, r -> r.status().equals("NO_SHOW"));
                lines.add(new Board.ServiceLine(s.id(), s.letter(), s.name(), s.nameEn(), waiting.size(), longest,
                        estimator.estimate(s.id(), waiting.size() + 1), s.maxWaitMinutes(),
                        longest != null && longest > s.maxWaitMinutes() * 60L, served, noShows,
                        average(mine.stream().map(Row::waitSeconds).toList()), average(mine.stream().map(Row::serviceSeconds).toList()),
                        rate(noShows, served + noShows), guard.rule(s.id()).maxPriorityInRow(),
                        guard.rule(s.id()).maxRegularWaitMinutes(), guard.priorityInRow(s.id())));
            }
            int served = count(rows, r -> r.status().equals("DONE"));
            int noShows = count(rows, r -> r.status().equals("NO_SHOW"));
            Board.Totals totals = new Board.Totals(rows.size(), served, noShows, count(rows, r -> r.status().equals("CANCELLED")),
                    average(rows.stream().map(Row::waitSeconds).toList()), average(rows.stream().map(Row::serviceSeconds).toList()),
                    rate(noShows, served + noShows));
            Map<String, Integer> perHour = new TreeMap<>();
            for (Row r : rows) {
                int hour = r.issued().atZone(BusinessTime.ZONE).getHour();
                perHour.merge(hour + ":" + r.serviceId(), 1, Integer::sum);
            }
            List<Board.HourCount> hours = perHour.entrySet().stream().map(e -> {
                String[] k = e.getKey().split(":");
                return new Board.HourCount(Integer.parseInt(k[0]), Long.parseLong(k[1]), e.getValue());
            }).sorted(Comparator.comparingInt(Board.HourCount::hour)).toList();
            List<Board.Bucket> buckets = new ArrayList<>();
            for (int i = 0; i < BUCKETS.length; i++) {
                int from = BUCKETS[i];
                Integer to = i + 1 < BUCKETS.length ? BUCKETS[i + 1] : null;
                buckets.add(new Board.Bucket(from, to, count(rows, r -> r.waitSeconds() != null && r.waitSeconds() >= from * 60L
                        && (to == null || r.waitSeconds() < to * 60L))));
            }
            return new Board(branchCode, day, now, snapshot.lastEventId(), snapshot.counters(), lines, totals,
                    hours, buckets, snapshot.waiting(), ForecastService.forecast(h, branchCode, now));
        });
    }

    private static int count(List<Row> rows, Predicate<Row> p) {
        return (int) rows.stream().filter(p).count();
    }

    private static Long average(List<Long> values) {
        var present = values.stream().filter(Objects::nonNull).mapToLong(Long::longValue);
        var avg = present.average();
        return avg.isPresent() ? Math.round(avg.getAsDouble()) : null;
    }

    private static double rate(int part, int whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        var t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
