package al.sportel.server.reports;

import al.sportel.model.BranchReport;

/** The report as one CSV file with a section per table (spreadsheets open it as is). */
final class ReportCsv {

    private ReportCsv() {
    }

    static String of(BranchReport r) {
        CsvSheet csv = new CsvSheet().row("branch", r.branchCode(), "from", r.from(), "to", r.to());
        csv.blank().row("service", "issued", "served", "noShows", "cancelled", "noShowRate", "waitMedianSeconds", "waitP90Seconds",
                "serviceMedianSeconds", "serviceP90Seconds");
        for (BranchReport.ServiceFigures s : r.services()) {
            row(csv, s.letter() + " " + s.name(), s);
        }
        row(csv, "ALL", r.totals());
        csv.blank().row("clerk", "served");
        r.clerks().forEach(c -> csv.row(c.displayName() + " (" + c.username() + ")", c.served()));
        csv.blank().row("method", "count", "amount");
        r.payments().forEach(p -> csv.row(p.method(), p.count(), p.amount()));
        csv.row("TOTAL", "", r.paymentsTotal());
        csv.row("EARLIER_VOIDED", r.earlierVoidedCount(), r.earlierVoidedAmount());
        csv.blank().row("feeMethod", "count", "amount");
        r.fees().forEach(p -> csv.row(p.method(), p.count(), p.amount()));
        csv.row("TOTAL", "", r.feesTotal());
        return csv.toString();
    }

    private static void row(CsvSheet csv, String label, BranchReport.ServiceFigures s) {
        csv.row(label, s.issued(), s.served(), s.noShows(), s.cancelled(), s.noShowRate(), s.waitMedianSeconds(), s.waitP90Seconds(),
                s.serviceMedianSeconds(), s.serviceP90Seconds());
    }
}
