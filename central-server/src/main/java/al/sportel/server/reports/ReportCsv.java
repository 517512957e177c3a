package al.sportel.server.reports;

import al.sportel.model.BranchReport;

/** The report as one CSV file with a section per table (spreadsheets open it as is). */
final class ReportCsv {

    private ReportCsv() {
    }

    static String of(BranchReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("branch,").append(r.branchCode()).append(",from,").append(r.from()).append(",to,").append(r.to()).append('\n');
        sb.append("\nservice,issued,served,noShows,cancelled,noShowRate,waitMedianSeconds,waitP90Seconds,serviceMedianSeconds,serviceP90Seconds\n");
        for (BranchReport.ServiceFigures s : r.services()) {
            row(sb, s.letter() + " " + s.name(), s);
        }
        row(sb, "ALL", r.totals());
        sb.append("\nclerk,served\n");
        r.clerks().forEach(c -> sb.append(quote(c.displayName() + " (" + c.username() + ")")).append(',').append(c.served()).append('\n'));
        sb.append("\nmethod,count,amount\n");
        r.payments().forEach(p -> sb.append(p.method()).append(',').append(p.count()).append(',').append(p.amount()).append('\n'));
        sb.append("TOTAL,,").append(r.paymentsTotal()).append('\n');
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, BranchReport.ServiceFigures s) {
        sb.append(quote(label)).append(',').append(s.issued()).append(',').append(s.served()).append(',').append(s.noShows()).append(',')
                .append(s.cancelled()).append(',').append(s.noShowRate()).append(',').append(n(s.waitMedianSeconds())).append(',')
                .append(n(s.waitP90Seconds())).append(',').append(n(s.serviceMedianSeconds())).append(',')
                .append(n(s.serviceP90Seconds())).append('\n');
    }

    private static String n(Long v) {
        return v == null ? "" : v.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
