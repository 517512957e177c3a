package al.sportel.server.clerkday;

import al.sportel.model.BusinessTime;
import al.sportel.model.ClerkReport;
import al.sportel.model.ClerkReport.ClerkRow;
import al.sportel.model.ClerkReport.ServiceRating;
import al.sportel.server.db.Database;
import al.sportel.server.queue.QueueEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Computes the clerks' report. A centre's clerks handle a few thousand tickets a month, so the rows of
 * the range are read once per source (tickets, pauses, transfers, out-of-order calls, ratings) and
 * tallied here, where the idle time needs each clerk's tickets in call order anyway.
 */
public final class ClerkReportService {

    /** One stretch a clerk spent with a customer: a served ticket or a no-show they waited for. */
    private record Busy(long clerk, String branch, LocalDate day, Instant issued, Instant called, Instant started, Instant finished,
                        boolean served) {
    }

    private record Pause(long clerk, String branch, String reason, Instant start, Instant end) {
    }

    private record Mark(long clerk, String branch, Instant at) {
    }

    private record Score(long clerk, String branch, LocalDate day, int score) {
    }

    private record Key(long clerk, LocalDate day) {
    }

    private final Database db;
    private final Clock clock;

    public ClerkReportService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** {@code branchCode} null: every branch. Access is checked by the caller. */
    public ClerkReport report(String branchCode, LocalDate from, LocalDate to) {
        return db.read(h -> {
            if (branchCode != null) {
                QueueEngine.requireBranchExists(h, branchCode);
            }
            Instant start = BusinessTime.startOf(from);
            Instant end = BusinessTime.startOf(to.plusDays(1));
            String branchFilter = branchCode == null ? "" : " AND t.branch_code = :b";
            List<Busy> busy = new ArrayList<>(bind(h.createQuery("""
                            SELECT t.served_by, t.branch_code, t.business_date, t.issued_at, t.called_at, t.started_at, t.finished_at
                            FROM tickets t
                            WHERE t.status = 'DONE' AND t.served_by IS NOT NULL AND t.called_at IS NOT NULL
                              AND t.business_date BETWEEN :from AND :to""" + branchFilter), branchCode, from, to, start, end)
                    .map((rs, c) -> new Busy(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                            RatingService.instant(rs, "issued_at"), RatingService.instant(rs, "called_at"),
                            RatingService.instant(rs, "started_at"), RatingService.instant(rs, "finished_at"), true))
                    .list());
            busy.addAll(bind(h.createQuery("""
                            SELECT e.actor_user_id, t.branch_code, t.business_date, t.issued_at, t.called_at, t.finished_at
                            FROM tickets t JOIN events e ON e.ticket_id = t.id AND e.event_type = 'ticket.no_show'
                            WHERE t.status = 'NO_SHOW' AND e.actor_user_id IS NOT NULL AND t.called_at IS NOT NULL
                              AND t.business_date BETWEEN :from AND :to""" + branchFilter), branchCode, from, to, start, end)
                    .map((rs, c) -> new Busy(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                            RatingService.instant(rs, "issued_at"), RatingService.instant(rs, "called_at"), null,
                            RatingService.instant(rs, "finished_at"), false))
                    .list());
            Instant now = clock.instant();
            List<Pause> pauses = bind(h.createQuery("""
                            SELECT t.clerk_user_id, t.branch_code, t.reason_code, t.started_at, t.ended_at FROM counter_pauses t
                            WHERE t.clerk_user_id IS NOT NULL AND t.started_at >= :start AND t.started_at < :end""" + branchFilter),
                    branchCode, from, to, start, end)
                    .map((rs, c) -> {
                        Instant ended = RatingService.instant(rs, "ended_at");
                        return new Pause(rs.getLong(1), rs.getString(2), rs.getString(3), RatingService.instant(rs, "started_at"),
                                ended == null ? now : ended);
                    })
                    .list();
            List<Mark> transfers = marks(h, """
                    SELECT t.actor_user_id, t.branch_code, t.occurred_at FROM events t
                    WHERE t.event_type = 'ticket.transferred' AND t.actor_user_id IS NOT NULL
                      AND t.occurred_at >= :start AND t.occurred_at < :end""" + branchFilter, branchCode, from, to, start, end);
            List<Mark> outOfOrder = marks(h, """
                    SELECT t.clerk_user_id, t.branch_code, t.called_at FROM out_of_order_calls t
                    WHERE t.called_at >= :start AND t.called_at < :end""" + branchFilter, branchCode, from, to, start, end);
            List<Score> scores = bind(h.createQuery("""
                            SELECT r.clerk_user_id, t.branch_code, t.business_date, r.score FROM ticket_ratings r
                            JOIN tickets t ON t.id = r.ticket_id
                            WHERE r.clerk_user_id IS NOT NULL AND t.business_date BETWEEN :from AND :to""" + branchFilter),
                    branchCode, from, to, start, end)
                    .map((rs, c) -> new Score(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getInt(4)))
                    .list();

            Map<Key, Tally> days = new TreeMap<>(Comparator.comparing(Key::day).thenComparingLong(Key::clerk));
            busy.forEach(b -> days.computeIfAbsent(new Key(b.clerk(), b.day()), k -> new Tally(b.branch())).busy.add(b));
            pauses.forEach(p -> days.computeIfAbsent(new Key(p.clerk(), day(p.start())), k -> new Tally(p.branch())).pauses.add(p));
            transfers.forEach(m -> days.computeIfAbsent(new Key(m.clerk(), day(m.at())), k -> new Tally(m.branch())).transfers++);
            outOfOrder.forEach(m -> days.computeIfAbsent(new Key(m.clerk(), day(m.at())), k -> new Tally(m.branch())).outOfOrder++);
            scores.forEach(s -> days.computeIfAbsent(new Key(s.clerk(), s.day()), k -> new Tally(s.branch())).scores.add(s.score()));

            Map<Long, String[]> users = new HashMap<>();
            h.createQuery("SELECT id, username, display_name FROM users")
                    .map((rs, c) -> Map.entry(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)}))
                    .forEach(e -> users.put(e.getKey(), e.getValue()));
            List<ClerkRow> dayRows = new ArrayList<>();
            Map<Long, Tally> perClerk = new TreeMap<>();
            days.forEach((key, tally) -> {
                dayRows.add(tally.row(key.day(), key.clerk(), users.get(key.clerk())));
                perClerk.computeIfAbsent(key.clerk(), k -> new Tally(tally.branch)).add(tally);
            });
            List<ClerkRow> totals = new ArrayList<>();
            perClerk.forEach((clerk, tally) -> totals.add(tally.row(null, clerk, users.get(clerk))));
            return new ClerkReport(branchCode, from, to, dayRows, totals, ratingsByService(h, branchCode, from, to));
        });
    }

    private static List<ServiceRating> ratingsByService(Handle h, String branchCode, LocalDate from, LocalDate to) {
        record Raw(String branch, long serviceId, String letter, String name, int score, int count) {
        }
        List<Raw> raw = bind(h.createQuery("""
                        SELECT s.branch_code, s.id, s.letter, s.name, r.score, COUNT(*) FROM ticket_ratings r
                        JOIN tickets t ON t.id = r.ticket_id JOIN services s ON s.id = r.service_id
                        WHERE t.business_date BETWEEN :from AND :to""" + (branchCode == null ? "" : " AND t.branch_code = :b") + """
                         GROUP BY s.branch_code, s.id, s.letter, s.name, r.score
                        """), branchCode, from, to, null, null)
                .map((rs, c) -> new Raw(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6)))
                .list();
        Map<Long, List<Raw>> byService = new TreeMap<>();
        raw.forEach(r -> byService.computeIfAbsent(r.serviceId(), k -> new ArrayList<>()).add(r));
        List<ServiceRating> out = new ArrayList<>();
        byService.forEach((id, rows) -> {
            Integer[] counts = {0, 0, 0, 0, 0};
            rows.forEach(r -> counts[r.score() - 1] += r.count());
            int n = rows.stream().mapToInt(Raw::count).sum();
            double sum = rows.stream().mapToDouble(r -> (double) r.score() * r.count()).sum();
            Raw first = rows.get(0);
            out.add(new ServiceRating(first.branch(), id, first.letter(), first.name(), n, round2(sum / n), List.of(counts)));
        });
        return out;
    }

    private static List<Mark> marks(Handle h, String sql, String branchCode, LocalDate from, LocalDate to, Instant start, Instant end) {
        return bind(h.createQuery(sql), branchCode, from, to, start, end)
                .map((rs, c) -> new Mark(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    private static Query bind(Query q, String branchCode, LocalDate from, LocalDate to, Instant start, Instant end) {
        q.bind("from", from).bind("to", to);
        if (start != null) {
            q.bind("start", start).bind("end", end);
        }
        if (branchCode != null) {
            q.bind("b", branchCode);
        }
        return q;
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, BusinessTime.ZONE);
    }

    static Double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** What one clerk did on one day, or over the range when tallies are added up. */
    private static final class Tally {
        final String branch;
        final List<Busy> busy = new ArrayList<>();
        final List<Pause> pauses = new ArrayList<>();
        final List<Integer> scores = new ArrayList<>();
        int transfers;
        int outOfOrder;
        long idleSeconds;

        Tally(String branch) {
            this.branch = branch;
        }

        void add(Tally day) {
            busy.addAll(day.busy);
            pauses.addAll(day.pauses);
            scores.addAll(day.scores);
            transfers += day.transfers;
            outOfOrder += day.outOfOrder;
            idleSeconds += day.idleWhileWaiting();
        }

        ClerkRow row(LocalDate date, long clerk, String[] user) {
            long[] service = busy.stream().filter(b -> b.served() && b.started() != null)
                    .mapToLong(b -> Duration.between(b.started(), b.finished()).toSeconds()).sorted().toArray();
            Long avg = service.length == 0 ? null : Math.round(Arrays.stream(service).average().orElse(0));
            Long p90 = service.length == 0 ? null : service[Math.max(0, (int) Math.ceil(0.9 * service.length) - 1)];
            Map<String, Long> paused = new TreeMap<>();
            pauses.forEach(p -> paused.merge(p.reason() == null ? "NONE" : p.reason(),
                    Duration.between(p.start(), p.end()).toSeconds(), Long::sum));
            long idle = date == null ? idleSeconds : idleWhileWaiting();
            Double rating = scores.isEmpty() ? null : round2(scores.stream().mapToInt(Integer::intValue).average().orElse(0));
            int served = (int) busy.stream().filter(Busy::served).count();
            return new ClerkRow(date, branch, clerk, user == null ? "?" : user[0], user == null ? "?" : user[1], served, avg, p90,
                    idle, paused, transfers, outOfOrder, scores.size(), rating);
        }

        /**
         * Between the end of one customer and the call of the next, the part after the next customer
         * had arrived (so someone was waiting), less any pause in it. A lower bound: other customers
         * of the counter's services may have waited too.
         */
        long idleWhileWaiting() {
            List<Busy> byCall = busy.stream().sorted(Comparator.comparing(Busy::called)).toList();
            long total = 0;
            for (int i = 1; i < byCall.size(); i++) {
                Instant free = byCall.get(i - 1).finished();
                Busy next = byCall.get(i);
                if (free == null) {
                    continue;
                }
                Instant from = free.isAfter(next.issued()) ? free : next.issued();
                if (!next.called().isAfter(from)) {
                    continue;
                }
                long gap = Duration.between(from, next.called()).toSeconds();
                for (Pause p : pauses) {
                    Instant a = p.start().isAfter(from) ? p.start() : from;
                    Instant b = p.end().isBefore(next.called()) ? p.end() : next.called();
                    if (b.isAfter(a)) {
                        gap -= Duration.between(a, b).toSeconds();
                    }
                }
                total += Math.max(0, gap);
            }
            return total;
        }
    }
}
