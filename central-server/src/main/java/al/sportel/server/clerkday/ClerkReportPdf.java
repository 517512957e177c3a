package al.sportel.server.clerkday;

import al.sportel.model.ClerkReport;
import al.sportel.model.ClerkReport.ClerkRow;
import al.sportel.model.Formats;
import al.sportel.server.reports.A4Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The clerks' report on landscape A4 pages: totals per clerk, then per day, then ratings per service. In Albanian
 * (the default) or English, as the receipt chooses (billing/ReceiptPdf.java); dates as Albanians write them in both.
 */
final class ClerkReportPdf {

    /** Columns 56 points apart, room for "Jashtë radhe" in bold 9 pt. */
    private static final A4Table TABLE = A4Table.landscape(36, 13, 9, 9, 0, 160, 220, 280, 340, 400, 460, 520, 580, 640, 700);
    private static final Map<String, String> SQ = Map.ofEntries(
            Map.entry("title", "Raporti i punonjësve"), Map.entry("allCentres", "të gjitha qendrat"), Map.entry("clerk", "Punonjësi"),
            Map.entry("date", "Data"), Map.entry("served", "Shërbyer"), Map.entry("avg", "Mes."), Map.entry("p90", "p90"),
            Map.entry("idle", "Joaktiv"), Map.entry("paused", "Pushim"), Map.entry("transfers", "Transf."),
            Map.entry("outOfOrder", "Jashtë radhe"), Map.entry("ratings", "Vlerësime"), Map.entry("avgRating", "Vlerës. mes."),
            Map.entry("all", "gjithsej"), Map.entry("service", "Shërbimi"), Map.entry("centre", "Qendra"),
            Map.entry("average", "Mesatarja"));
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Clerks report"), Map.entry("allCentres", "all centres"), Map.entry("clerk", "Clerk"),
            Map.entry("date", "Date"), Map.entry("served", "Served"), Map.entry("avg", "Avg"), Map.entry("p90", "p90"),
            Map.entry("idle", "Idle"), Map.entry("paused", "Paused"), Map.entry("transfers", "Transf."),
            Map.entry("outOfOrder", "Out of ord."), Map.entry("ratings", "Ratings"), Map.entry("avgRating", "Avg rating"),
            Map.entry("all", "all"), Map.entry("service", "Service"), Map.entry("centre", "Centre"),
            Map.entry("average", "Average"));

    private ClerkReportPdf() {
    }

    static byte[] of(ClerkReport r, boolean english) {
        Map<String, String> t = english ? EN : SQ;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#Sportel — " + t.get("title") + " " + (r.branchCode() == null ? t.get("allCentres") : r.branchCode())
            + "  " + Formats.date(r.from()) + " … " + Formats.date(r.to())});
        rows.add(new String[] {""});
        rows.add(heading(t));
        r.totals().forEach(c -> rows.add(line(c, t, english)));
        rows.add(new String[] {""});
        rows.add(heading(t));
        r.days().forEach(c -> rows.add(line(c, t, english)));
        rows.add(new String[] {""});
        rows.add(new String[] {"#" + t.get("service"), t.get("centre"), t.get("ratings"), t.get("average")});
        r.ratingsByService().forEach(s -> rows.add(new String[] {s.letter() + " " + s.name(), s.branchCode(),
            String.valueOf(s.ratings()), rating(s.averageRating(), english)}));
        return TABLE.render(rows);
    }

    private static String[] heading(Map<String, String> t) {
        return new String[] {"#" + t.get("clerk"), t.get("date"), t.get("served"), t.get("avg"), t.get("p90"), t.get("idle"),
            t.get("paused"), t.get("transfers"), t.get("outOfOrder"), t.get("ratings"), t.get("avgRating")};
    }

    private static String[] line(ClerkRow c, Map<String, String> t, boolean english) {
        long paused = c.pausedSecondsByReason().values().stream().mapToLong(Long::longValue).sum();
        return new String[] {c.displayName(), c.date() == null ? t.get("all") : Formats.date(c.date()), String.valueOf(c.served()),
            mmss(c.averageServiceSeconds()), mmss(c.p90ServiceSeconds()), mmss(c.idleWhileWaitingSeconds()), mmss(paused),
            String.valueOf(c.transfers()), String.valueOf(c.outOfOrderCalls()), String.valueOf(c.ratings()),
            rating(c.averageRating(), english)};
    }

    /** "4,50" in Albanian, "4.50" in English. */
    private static String rating(Double average, boolean english) {
        if (average == null) {
            return "—";
        }
        String plain = String.format(Locale.ROOT, "%.2f", average);
        return english ? plain : plain.replace('.', ',');
    }

    private static String mmss(Long seconds) {
        return seconds == null ? "—" : "%d:%02d".formatted(seconds / 60, seconds % 60);
    }
}
