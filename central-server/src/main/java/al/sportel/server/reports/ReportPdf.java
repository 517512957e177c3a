package al.sportel.server.reports;

import al.sportel.model.BranchReport;
import al.sportel.model.Formats;
import al.sportel.model.Money;
import java.util.ArrayList;
import java.util.List;

/** The report on A4 pages: one table per section, columns at fixed positions. */
final class ReportPdf {

    private static final A4Table TABLE = A4Table.portrait(40, 14, 9, 9, 0, 150, 196, 242, 288, 334, 380, 426, 472);

    private ReportPdf() {
    }

    static byte[] of(BranchReport r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#Sportel — " + r.branchCode() + "  " + Formats.date(r.from()) + " … " + Formats.date(r.to())});
        rows.add(new String[] {""});
        rows.add(new String[] {"#Service", "Issued", "Served", "No-show", "Cancel", "Wait p50", "Wait p90", "Serv. p50", "Serv. p90"});
        for (BranchReport.ServiceFigures s : r.services()) {
            rows.add(figures(s.letter() + " " + s.name(), s));
        }
        rows.add(figures("All", r.totals()));
        rows.add(new String[] {""});
        rows.add(new String[] {"#Clerk", "Served"});
        r.clerks().forEach(c -> rows.add(new String[] {c.displayName(), String.valueOf(c.served())}));
        rows.add(new String[] {""});
        rows.add(new String[] {"#Payments", "Count", "Amount (" + Formats.LEK + ")"});
        r.payments().forEach(p -> rows.add(new String[] {p.method(), String.valueOf(p.count()), Formats.amount(Money.parse(p.amount()))}));
        rows.add(new String[] {"Total", "", Formats.amount(Money.parse(r.paymentsTotal()))});
        if (r.earlierVoidedCount() > 0) {
            rows.add(new String[] {"Earlier, voided", String.valueOf(r.earlierVoidedCount()),
                    Formats.amount(Money.parse(r.earlierVoidedAmount()))});
        }
        rows.add(new String[] {""});
        rows.add(new String[] {"#Service fees", "Count", "Amount (" + Formats.LEK + ")"});
        r.fees().forEach(p -> rows.add(new String[] {p.method(), String.valueOf(p.count()), Formats.amount(Money.parse(p.amount()))}));
        rows.add(new String[] {"Total", "", Formats.amount(Money.parse(r.feesTotal()))});
        return TABLE.render(rows);
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
