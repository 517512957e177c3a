package al.sportel.server.ops;

import al.sportel.server.db.Database;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The day's queue and till figures per centre, read from the database when scraped. They come from
 * the shared tables rather than in-process counters so that every node of a cluster reports the same
 * numbers and a restart loses nothing; a scrape costs two grouped queries over today's rows.
 */
final class BusinessMetrics {

    private final Database db;
    private final Clock clock;
    private final ZoneId zone;
    private final MultiGauge ticketsToday;
    private final MultiGauge waiting;
    private final MultiGauge longestWait;
    private final MultiGauge paymentsToday;
    private final MultiGauge amountToday;

    BusinessMetrics(Database db, MeterRegistry registry, Clock clock, ZoneId zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        ticketsToday = MultiGauge.builder("sportel.tickets.today")
                .description("Tickets of the business day by stage: issued, called, ended (done, no-show or cancelled)")
                .register(registry);
        waiting = MultiGauge.builder("sportel.tickets.waiting").description("Tickets waiting now").register(registry);
        longestWait = MultiGauge.builder("sportel.longest.wait").baseUnit("seconds")
                .description("How long the longest-waiting ticket has waited").register(registry);
        paymentsToday = MultiGauge.builder("sportel.payments.today").description("Payments taken today (not voided)")
                .register(registry);
        amountToday = MultiGauge.builder("sportel.payments.amount.today").baseUnit("lek")
                .description("Amount of the payments taken today (not voided)").register(registry);
    }

    private record TicketFigures(String branch, String service, long issued, long called, long ended, long waiting,
                                 Instant oldestWaiting) {
    }

    private record PaymentFigures(String branch, String method, long count, long amountQindarka) {
    }

    void refresh() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<TicketFigures> tickets = db.read(h -> h.createQuery("""
                        SELECT t.branch_code, s.letter, COUNT(*) AS issued,
                               SUM(CASE WHEN t.called_at IS NOT NULL OR t.status IN ('DONE', 'NO_SHOW') THEN 1 ELSE 0 END) AS called,
                               SUM(CASE WHEN t.status IN ('DONE', 'NO_SHOW', 'CANCELLED') THEN 1 ELSE 0 END) AS ended,
                               SUM(CASE WHEN t.status = 'WAITING' THEN 1 ELSE 0 END) AS waiting,
                               MIN(CASE WHEN t.status = 'WAITING' THEN t.issued_at END) AS oldest
                        FROM tickets t JOIN services s ON s.id = t.service_id
                        WHERE t.business_date = :d
                        GROUP BY t.branch_code, s.letter
                        """)
                .bind("d", today)
                .map((rs, ctx) -> new TicketFigures(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, 7, ctx)))
                .list());
        List<PaymentFigures> payments = db.read(h -> h.createQuery("""
                        SELECT p.branch_code, p.method, COUNT(*), SUM(p.amount) FROM payments p
                        WHERE p.taken_at >= :from AND p.taken_at < :to
                          AND NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id)
                        GROUP BY p.branch_code, p.method
                        """)
                .bind("from", today.atStartOfDay(zone).toInstant()).bind("to", today.plusDays(1).atStartOfDay(zone).toInstant())
                .map((rs, ctx) -> new PaymentFigures(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list());

        List<Row<?>> stages = new ArrayList<>();
        List<Row<?>> waitingRows = new ArrayList<>();
        List<Row<?>> longestRows = new ArrayList<>();
        for (TicketFigures t : tickets) {
            Tags tags = Tags.of("branch", t.branch(), "service", t.service());
            stages.add(Row.of(tags.and("stage", "issued"), t.issued()));
            stages.add(Row.of(tags.and("stage", "called"), t.called()));
            stages.add(Row.of(tags.and("stage", "ended"), t.ended()));
            waitingRows.add(Row.of(tags, t.waiting()));
            long seconds = t.oldestWaiting() == null ? 0 : Math.max(0, Duration.between(t.oldestWaiting(), now).toSeconds());
            longestRows.add(Row.of(tags, seconds));
        }
        List<Row<?>> countRows = new ArrayList<>();
        List<Row<?>> amountRows = new ArrayList<>();
        for (PaymentFigures p : payments) {
            Tags tags = Tags.of("branch", p.branch(), "method", p.method());
            countRows.add(Row.of(tags, p.count()));
            // A gauge is a float by nature; the exact sums stay in the reports.
            amountRows.add(Row.of(tags, p.amountQindarka() / 100.0));
        }
        ticketsToday.register(stages, true);
        waiting.register(waitingRows, true);
        longestWait.register(longestRows, true);
        paymentsToday.register(countRows, true);
        amountToday.register(amountRows, true);
    }
}
