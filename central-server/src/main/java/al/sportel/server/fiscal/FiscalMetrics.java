package al.sportel.server.fiscal;

import al.sportel.server.db.Database;
import al.sportel.server.ops.MetricsSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Receipts without NIVF on /metrics, per centre, so monitoring alerts before the law's 48 hours run out
 * (docs/fiscal.md "The 48 hours"):
 * {@code sportel_fiscal_receipts_unfiscalized{state=waiting|alert|overdue|refused|unfiscalized}}
 * and {@code sportel_fiscal_deadline_left_seconds}, the time left for the oldest waiting receipt (negative when late).
 * Read from the shared table at scrape, so every node reports the same numbers.
 */
public final class FiscalMetrics implements MetricsSource {

    private final Database db;
    private final Clock clock;
    private MultiGauge receipts;
    private MultiGauge deadline;

    public FiscalMetrics(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        receipts = MultiGauge.builder("sportel.fiscal.receipts.unfiscalized")
                .description("Fiscal receipts without NIVF: waiting, alert (36 h passed), overdue (48 h passed), refused, "
                        + "unfiscalized (not issued: TCR, operator code or keystore missing)")
                .register(registry);
        deadline = MultiGauge.builder("sportel.fiscal.deadline.left").baseUnit("seconds")
                .description("Time left before the oldest receipt without NIVF passes the 48-hour limit").register(registry);
    }

    @Override
    public void refresh() {
        Instant now = clock.instant();
        Map<Tags, Integer> counts = new LinkedHashMap<>();
        Map<String, Instant> oldest = new TreeMap<>();
        for (FiscalQueries.Waiting w : db.read(FiscalQueries::waitingByBranch)) {
            Tags tags = Tags.of("branch", w.branchCode());
            counts.merge(tags.and("state", state(w, now)), 1, Integer::sum);
            if (!"REFUSED".equals(w.status())) {
                oldest.merge(w.branchCode(), w.issuedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<Row<?>> countRows = new ArrayList<>();
        counts.forEach((tags, n) -> countRows.add(Row.of(tags, n)));
        List<Row<?>> leftRows = new ArrayList<>();
        oldest.forEach((branch, issued) -> leftRows.add(Row.of(Tags.of("branch", branch),
                Duration.between(now, issued.plus(FiscalService.DEADLINE)).toSeconds())));
        receipts.register(countRows, true);
        deadline.register(leftRows, true);
    }

    private static String state(FiscalQueries.Waiting w, Instant now) {
        if ("REFUSED".equals(w.status())) {
            return "refused";
        }
        if (FiscalQueries.UNFISCALIZED.equals(w.status())) {
            // a set-up problem on our side, not a slow authority: it needs someone now, whatever its age
            return "unfiscalized";
        }
        Duration age = Duration.between(w.issuedAt(), now);
        return age.compareTo(FiscalService.DEADLINE) >= 0 ? "overdue" : age.compareTo(FiscalService.ALERT_AFTER) >= 0 ? "alert" : "waiting";
    }
}
