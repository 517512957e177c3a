package al.sportel.server.channels;

import al.sportel.model.channels.Reconciliation;
import al.sportel.server.reports.A4Table;
import al.sportel.server.reports.CsvSheet;
import java.util.ArrayList;
import java.util.List;

/** A reconciliation report as CSV (one row per line, totals at the end) and as an A4 PDF for the finance office. */
final class ReconciliationExport {

    private static final String[] COLUMNS = {"status", "reference", "customer", "fileAmount", "receivedAmount", "paidAt", "receipt"};
    /** The receipt column ends inside the page (it began 556 pt in and ran off A4's 595). */
    private static final A4Table TABLE = A4Table.portrait(36, 13, 7.5f, 9, 0, 84, 180, 238, 296, 354, 446);

    private ReconciliationExport() {
    }

    static String csv(Reconciliation r) {
        CsvSheet csv = new CsvSheet().row((Object[]) COLUMNS);
        for (String[] row : rows(r)) {
            csv.row((Object[]) row);
        }
        Reconciliation.Totals t = r.totals();
        return csv.row("TOTAL_FILE", "", "", t.fileTotal(), "", "", "").row("TOTAL_RECEIVED", "", "", "", t.receivedTotal(), "", "")
                .row("DIFFERENCE", "", "", t.difference(), "", "", "").toString();
    }

    private static List<String[]> rows(Reconciliation r) {
        List<String[]> rows = new ArrayList<>();
        for (Reconciliation.Line l : r.lines()) {
            rows.add(new String[] {l.status().name(), l.partnerReference(), l.customerCode(), blank(l.fileAmount()),
                blank(l.receivedAmount()), CsvSheet.time(l.paidAt()), blank(l.receiptNumber())});
        }
        return rows;
    }

    static byte[] pdf(Reconciliation r) {
        Reconciliation.Totals t = r.totals();
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"#Sportel - reconciliation " + r.partnerName() + " (" + r.partnerCode() + ") " + r.date()});
        lines.add(new String[] {"File: " + t.fileLines() + " lines, " + t.fileTotal() + " lek; received: " + t.receivedPayments()
            + " payments, " + t.receivedTotal() + " lek; difference " + t.difference() + " lek"});
        lines.add(new String[] {"Matched " + t.matched() + ", missing " + t.missing() + ", unreported " + t.unreported()
            + ", amount mismatches " + t.amountMismatches() + ", duplicates " + t.duplicates() + ", reversed " + t.reversed()});
        lines.add(new String[] {""});
        lines.add(new String[] {"#Status", "Reference", "Customer", "File", "Received", "Paid at", "Receipt"});
        // matched lines are the bulk of a normal day and need no action: the PDF lists what does
        rows(r).stream().filter(row -> !row[0].equals("MATCHED")).forEach(lines::add);
        return TABLE.render(lines);
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
