package al.sportel.server.reports;

import al.sportel.model.BranchReport;
import al.sportel.model.Formats;
import al.sportel.model.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report on A4 pages: one table per section, columns at fixed positions. In Albanian (the default) or English,
 * as the receipt chooses (billing/ReceiptPdf.java); money and dates as Albanians write them in both.
 */
final class ReportPdf {

    private static final A4Table TABLE = A4Table.portrait(40, 14, 9, 9, 0, 150, 196, 242, 288, 334, 380, 426, 472);
    /** The column heads fit their 42 points in bold 9 pt, so "Shër. p50" rather than "Shërb. p50". */
    private static final Map<String, String> SQ = Map.ofEntries(
            Map.entry("title", "Raporti i qendrës"), Map.entry("service", "Shërbimi"), Map.entry("issued", "Lëshuar"),
            Map.entry("served", "Shërbyer"), Map.entry("noShow", "Munguan"), Map.entry("cancelled", "Anuluar"),
            Map.entry("waitP50", "Pritja p50"), Map.entry("waitP90", "Pritja p90"), Map.entry("serviceP50", "Shër. p50"),
            Map.entry("serviceP90", "Shër. p90"), Map.entry("all", "Gjithsej"), Map.entry("clerk", "Punonjësi"),
            Map.entry("payments", "Pagesat"), Map.entry("count", "Numri"), Map.entry("amount", "Shuma"),
            Map.entry("total", "Gjithsej"), Map.entry("earlierVoided", "Më parë, anuluar tani"),
            Map.entry("fees", "Tarifat e shërbimit"), Map.entry("CASH", "Para në dorë"), Map.entry("CARD", "Kartë"));
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Centre report"), Map.entry("service", "Service"), Map.entry("issued", "Issued"),
            Map.entry("served", "Served"), Map.entry("noShow", "No-show"), Map.entry("cancelled", "Cancel"),
            Map.entry("waitP50", "Wait p50"), Map.entry("waitP90", "Wait p90"), Map.entry("serviceP50", "Serv. p50"),
            Map.entry("serviceP90", "Serv. p90"), Map.entry("all", "All"), Map.entry("clerk", "Clerk"),
            Map.entry("payments", "Payments"), Map.entry("count", "Count"), Map.entry("amount", "Amount"),
            Map.entry("total", "Total"), Map.entry("earlierVoided", "Earlier, voided"),
            Map.entry("fees", "Service fees"), Map.entry("CASH", "Cash"), Map.entry("CARD", "Card"));

    private ReportPdf() {
    }

    static byte[] of(BranchReport r, boolean english) {
        Map<String, String> t = english ? EN : SQ;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#Sportel — " + t.get("title") + " " + r.branchCode() + "  " + Formats.date(r.from()) + " … "
                + Formats.date(r.to())});
        rows.add(new String[] {""});
        rows.add(new String[] {"#" + t.get("service"), t.get("issued"), t.get("served"), t.get("noShow"), t.get("cancelled"),
            t.get("waitP50"), t.get("waitP90"), t.get("serviceP50"), t.get("serviceP90")});
        for (BranchReport.ServiceFigures s : r.services()) {
            rows.add(figures(s.letter() + " " + (english && s.nameEn() != null ? s.nameEn() : s.name()), s));
        }
        rows.add(figures(t.get("all"), r.totals()));
        rows.add(new String[] {""});
        rows.add(new String[] {"#" + t.get("clerk"), t.get("served")});
        r.clerks().forEach(c -> rows.add(new String[] {c.displayName(), String.valueOf(c.served())}));
        rows.add(new String[] {""});
        methods(rows, t, "payments", r.payments(), r.paymentsTotal());
        if (r.earlierVoidedCount() > 0) {
            rows.add(new String[] {t.get("earlierVoided"), String.valueOf(r.earlierVoidedCount()),
                Formats.amount(Money.parse(r.earlierVoidedAmount()))});
        }
        rows.add(new String[] {""});
        methods(rows, t, "fees", r.fees(), r.feesTotal());
        return TABLE.render(rows);
    }

    /** A section of money by method: CASH and CARD in words, a method the labels do not know as it came. */
    private static void methods(List<String[]> rows, Map<String, String> t, String heading, List<BranchReport.MethodFigures> figures,
                                String total) {
        rows.add(new String[] {"#" + t.get(heading), t.get("count"), t.get("amount") + " (" + Formats.LEK + ")"});
        figures.forEach(p -> rows.add(new String[] {t.getOrDefault(p.method(), p.method()), String.valueOf(p.count()),
            Formats.amount(Money.parse(p.amount()))}));
        rows.add(new String[] {t.get("total"), "", Formats.amount(Money.parse(total))});
    }

    private static String[] figures(String label, BranchReport.ServiceFigures s) {
        return new String[] {label, String.valueOf(s.issued()), String.valueOf(s.served()), String.valueOf(s.noShows()),
                String.valueOf(s.cancelled()), mmss(s.waitMedianSeconds()), mmss(s.waitP90Seconds()), mmss(s.serviceMedianSeconds()),
                mmss(s.serviceP90Seconds())};
    }

    private static String mmss(Long seconds) {
        return seconds == null ? "—" : "%d:%02d".formatted(seconds / 60, seconds % 60);
    }
}
