package al.sportel.server.clerkday;

import al.sportel.model.ClerkReport;
import al.sportel.model.ClerkReport.ClerkRow;
import al.sportel.server.reports.CsvSheet;
import java.util.ArrayList;
import java.util.List;

/** The clerks' report as one CSV file: totals per clerk, then one row per clerk and day, then ratings per service. */
final class ClerkReportCsv {

    private static final Object[] HEADER = {"date", "branch", "clerk", "served", "avgServiceSeconds", "p90ServiceSeconds",
        "idleWhileWaitingSeconds", "pausedSeconds", "pausedByReason", "transfers", "outOfOrderCalls", "ratings", "averageRating"};

    private ClerkReportCsv() {
    }

    static String of(ClerkReport r) {
        CsvSheet csv = new CsvSheet().row("branch", r.branchCode() == null ? "ALL" : r.branchCode(), "from", r.from(), "to", r.to());
        csv.blank().row(HEADER);
        rows(csv, r.totals());
        csv.blank().row(HEADER);
        rows(csv, r.days());
        csv.blank().row("branch", "service", "ratings", "averageRating", "score1", "score2", "score3", "score4", "score5");
        r.ratingsByService().forEach(s -> {
            List<Object> cells = new ArrayList<>(List.of(s.branchCode(), s.letter() + " " + s.name(), s.ratings(), s.averageRating()));
            cells.addAll(s.countsByScore());
            csv.row(cells.toArray());
        });
        return csv.toString();
    }

    private static void rows(CsvSheet csv, List<ClerkRow> rows) {
        for (ClerkRow c : rows) {
            long paused = c.pausedSecondsByReason().values().stream().mapToLong(Long::longValue).sum();
            StringBuilder reasons = new StringBuilder();
            c.pausedSecondsByReason().forEach((k, v) -> reasons.append(reasons.length() == 0 ? "" : " ").append(k).append('=').append(v));
            csv.row(c.date() == null ? "ALL" : c.date(), c.branchCode(), c.displayName() + " (" + c.username() + ")", c.served(),
                    c.averageServiceSeconds(), c.p90ServiceSeconds(), c.idleWhileWaitingSeconds(), paused, reasons, c.transfers(),
                    c.outOfOrderCalls(), c.ratings(), c.averageRating());
        }
    }
}
