package al.sportel.server.ops;

import al.sportel.server.db.Database;
import al.sportel.server.http.Idempotency;
import al.sportel.server.queue.DayEnd;
import al.sportel.server.queue.QueueEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link DayEnd} for every centre whose local day-end time has passed today and whose day has
 * not been ended yet, after any of the last week's days whose end was missed. It checks every half
 * minute rather than sleeping until a fixed time, so a server started (or restarted) after the hour
 * still ends the day, and a centre's own time ({@code branches.day_end_time}) applies without a restart.
 */
public final class DayEndJob implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DayEndJob.class);

    /** How many past days are looked at for a missed day end. */
    static final int MISSED_DAYS = 7;

    private final Database db;
    private final DayEnd dayEnd;
    private final Clock clock;
    private final ZoneId zone;
    private final LocalTime defaultTime;
    private final Duration keysKept;
    private Periodic timer;

    /** {@code offlineWindow}: how old an offline payment may be; its key is kept well beyond it (at least 90 days). */
    public DayEndJob(Database db, DayEnd dayEnd, Clock clock, ZoneId zone, LocalTime defaultTime, Duration offlineWindow) {
        this.db = db;
        this.dayEnd = dayEnd;
        this.clock = clock;
        this.zone = zone;
        this.defaultTime = defaultTime;
        Duration beyondWindow = offlineWindow.plus(Duration.ofDays(7));
        this.keysKept = beyondWindow.compareTo(Idempotency.KEPT) > 0 ? beyondWindow : Idempotency.KEPT;
    }

    public void start() {
        timer = Periodic.start("day-end check", Duration.ofSeconds(5), Duration.ofSeconds(30), this::runDue);
    }

    private record BranchTime(String code, String dayEndTime) {
    }

    /**
     * Ends the day of every centre that is due; returns what was done now. First the days of the last week
     * that were missed (the server was down at their hour), oldest first: a past day with tickets and no run
     * is ended by {@link DayEnd#runMissed}, which leaves today's tickets and the counters in use today alone.
     * A day without tickets (a closed day, a centre not yet open) has nothing to end and gets no run. Then
     * today's, once its hour has passed.
     */
    public List<DayEnd.Result> runDue() {
        ZonedDateTime now = clock.instant().atZone(zone);
        LocalDate today = now.toLocalDate();
        LocalDate from = today.minusDays(MISSED_DAYS);
        record Missed(String code, LocalDate day) {
        }
        List<BranchTime> branches = new ArrayList<>();
        List<Missed> missed = db.read(h -> {
            branches.addAll(h.createQuery("SELECT code, day_end_time FROM branches ORDER BY code")
                    .map((rs, ctx) -> new BranchTime(rs.getString(1), rs.getString(2))).list());
            Set<Missed> ran = new HashSet<>(h.createQuery(
                            "SELECT branch_code, business_date FROM day_end_runs WHERE business_date >= :from")
                    .bind("from", from)
                    .map((rs, ctx) -> new Missed(rs.getString(1), rs.getObject(2, LocalDate.class))).list());
            List<Missed> found = new ArrayList<>();
            for (LocalDate d = from; d.isBefore(today); d = d.plusDays(1)) {
                for (BranchTime b : branches) {
                    Missed m = new Missed(b.code(), d);
                    // one index probe per centre and day without a run: usually only its closed days
                    if (!ran.contains(m) && h.createQuery("SELECT 1 FROM tickets WHERE branch_code = :b AND business_date = :d LIMIT 1")
                            .bind("b", b.code()).bind("d", d).mapTo(Integer.class).findFirst().isPresent()) {
                        found.add(m);
                    }
                }
            }
            branches.removeIf(b -> ran.contains(new Missed(b.code(), today)));
            return found;
        });
        List<DayEnd.Result> done = new ArrayList<>();
        for (Missed m : missed) {
            Instant laterDayStart = m.day().plusDays(1).atStartOfDay(zone).toInstant();
            dayEnd.runMissed(m.code(), m.day(), clock.instant(), laterDayStart).ifPresent(r -> {
                log.warn("missed day end of {} at {} run now: {} tickets ended, {} counters not used since closed",
                        r.day(), r.branchCode(), r.ticketsCancelled(), r.countersClosed());
                done.add(r);
            });
        }
        for (BranchTime b : branches) {
            if (!now.toLocalTime().isBefore(timeOf(b))) {
                dayEnd.run(b.code(), today, clock.instant()).ifPresent(r -> {
                    log.info("day ended at {}: {} tickets ended (waiting ones cancelled, ones left at counters closed), {} counters closed",
                            r.branchCode(), r.ticketsCancelled(), r.countersClosed());
                    done.add(r);
                });
            }
        }
        if (!done.isEmpty()) {
            // after the centres' own transactions, in a short one of its own: the kiosks' taps of a day or more ago,
            // and every other key of a season ago
            db.tx(h -> {
                Idempotency.forgetTaps(h, clock.instant().minus(Duration.ofDays(1)));
                Idempotency.forgetOld(h, clock.instant().minus(keysKept));
                return null;
            });
        }
        return done;
    }

    private LocalTime timeOf(BranchTime b) {
        if (b.dayEndTime() == null || b.dayEndTime().isBlank()) {
            return defaultTime;
        }
        try {
            return LocalTime.parse(b.dayEndTime());
        } catch (DateTimeParseException e) {
            log.warn("centre {} has an unreadable day_end_time '{}'; using {}", b.code(), b.dayEndTime(), defaultTime);
            return defaultTime;
        }
    }

    /** A day ended by this job (on any node). */
    public record Run(String branchCode, LocalDate businessDate, Instant ranAt, int ticketsCancelled, int countersClosed) {
    }

    /** The centre's last two months of day-end runs, newest first. */
    public boolean branchExists(String code) {
        return QueueEngine.branchExists(db, code);
    }

    public List<Run> runs(String branchCode) {
        return db.read(h -> h.createQuery("""
                        SELECT branch_code, business_date, ran_at, tickets_cancelled, counters_closed
                        FROM day_end_runs WHERE branch_code = :b ORDER BY business_date DESC LIMIT 62
                        """)
                .bind("b", branchCode)
                .map((rs, c) -> new Run(rs.getString(1), rs.getObject(2, LocalDate.class),
                        c.findColumnMapperFor(Instant.class).orElseThrow().map(rs, 3, c), rs.getInt(4), rs.getInt(5)))
                .list());
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.close();
        }
    }
}
