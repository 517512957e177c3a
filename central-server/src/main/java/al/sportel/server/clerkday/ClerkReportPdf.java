package al.sportel.server.clerkday;

import al.sportel.model.ClerkReport;
import al.sportel.model.ClerkReport.ClerkRow;
import al.sportel.server.reports.A4Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The clerks' report on landscape A4 pages: totals per clerk, then per day, then ratings per service. */
final class ClerkReportPdf {

    private static final A4Table TABLE = A4Table.landscape(36, 13, 9, 9, 0, 170, 228, 286, 344, 402, 460, 518, 576, 634, 692);
    private static final String[] HEAD = {"Clerk", "Date", "Served", "Avg", "p90", "Idle", "Paused", "Transf.", "Out of ord.",
        "Ratings", "Avg rating"};

    private ClerkReportPdf() {
    }

    static byte[] of(ClerkReport r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#Sportel — " + (r.branchCode() == null ? "all centres" : r.branchCode()) + "  " + r.from() + " … " + r.to()});
        rows.add(new String[] {""});
        rows.add(heading());
        r.totals().forEach(c -> rows.add(line(c)));
        rows.add(new String[] {""});
        rows.add(heading());
        r.days().forEach(c -> rows.add(line(c)));
        rows.add(new String[] {""});
        rows.add(new String[] {"#Service", "Centre", "Ratings", "Average"});
        r.ratingsByService().forEach(s -> rows.add(new String[] {s.letter() + " " + s.name(), s.branchCode(),
            String.valueOf(s.ratings()), rating(s.averageRating())}));
        return TABLE.render(rows);
    }

    private static String[] heading() {
        String[] h = HEAD.clone();
        h[0] = "#" + h[0];
        return h;
    }

    private static String[] line(ClerkRow c) {
        long paused = c.pausedSecondsByReason().values().stream().mapToLong(Long::longValue).sum();
        return new String[] {c.displayName(), c.date() == null ? "all" : c.date().toString(), String.valueOf(c.served()),
            mmss(c.averageServiceSeconds()), mmss(c.p90ServiceSeconds()), mmss(c.idleWhileWaitingSeconds()), mmss(paused),
            String.valueOf(c.transfers()), String.valueOf(c.outOfOrderCalls()), String.valueOf(c.ratings()),
            rating(c.averageRating())};
    }

    private static String rating(Double average) {
        return average == null ? "—" : String.format(Locale.ROOT, "%.2f", average);
    }

    private static String mmss(Long seconds) {
        return seconds == null ? "—" : "%d:%02d".formatted(seconds / 60, seconds % 60);
    }
}
