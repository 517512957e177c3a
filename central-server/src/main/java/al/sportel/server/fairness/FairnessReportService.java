package al.sportel.server.fairness;

import al.sportel.server.db.Database;
import al.sportel.server.fairness.FairnessQueries.ClerkCalls;
import al.sportel.server.fairness.FairnessQueries.Wait;
import al.sportel.server.fairness.FairnessReport.ClerkShare;
import al.sportel.server.fairness.FairnessReport.ReasonShare;
import al.sportel.server.fairness.FairnessReport.Waits;
import al.sportel.server.queue.QueueEngine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the fairness report from {@link FairnessQueries}. Access is checked by the caller. */
public final class FairnessReportService {

    private final Database db;

    public FairnessReportService(Database db) {
        this.db = db;
    }

    public FairnessReport report(String branchCode, LocalDate from, LocalDate to) {
        return db.read(h -> {
            if (branchCode != null) {
                QueueEngine.requireBranchExists(h, branchCode);
            }
            FairnessQueries q = new FairnessQueries(h, branchCode, from, to);
            Map<Long, Integer> outOfOrder = q.outOfOrderByClerk();
            List<ClerkShare> byClerk = new ArrayList<>();
            int calls = 0;
            for (ClerkCalls c : q.callsByClerk()) {
                int ooo = outOfOrder.getOrDefault(c.clerkUserId(), 0);
                byClerk.add(new ClerkShare(c.clerkUserId(), c.username(), c.displayName(), c.calls(), ooo, share(ooo, c.calls())));
                calls += c.calls();
            }
            int outOfOrderCalls = outOfOrder.values().stream().mapToInt(Integer::intValue).sum();
            List<ReasonShare> byReason = new ArrayList<>();
            q.outOfOrderByReason().forEach((reason, n) -> byReason.add(new ReasonShare(reason, n, share(n, outOfOrderCalls))));
            List<Wait> waits = q.waits();
            Map<String, Integer> promotions = q.starvationPromotionsByRule();
            return new FairnessReport(branchCode, from, to, calls, outOfOrderCalls, share(outOfOrderCalls, calls), byClerk, byReason,
                    q.maxPlacesSkippedInOneCall().orElse(null), q.mostPlacesLost().orElse(null),
                    waits(waits, false), waits(waits, true),
                    promotions.values().stream().mapToInt(Integer::intValue).sum(), promotions);
        });
    }

    static Waits waits(List<Wait> all, boolean priority) {
        long[] s = all.stream().filter(w -> w.priority() == priority).mapToLong(Wait::seconds).sorted().toArray();
        if (s.length == 0) {
            return new Waits(0, null, null, null);
        }
        return new Waits(s.length, percentile(s, 0.5), percentile(s, 0.9), s[s.length - 1]);
    }

    /** Nearest-rank percentile of sorted values (the same rule as the clerks' report's p90). */
    static long percentile(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static Double share(int part, int whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
