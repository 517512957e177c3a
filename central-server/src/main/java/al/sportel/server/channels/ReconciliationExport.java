package al.sportel.server.channels;

import al.sportel.model.Formats;
import al.sportel.model.channels.Reconciliation;
import al.sportel.server.reports.A4Table;
import al.sportel.server.reports.CsvSheet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A reconciliation report as CSV (one row per line, totals at the end; machine forms) and as an A4 PDF for the
 * finance office, in Albanian (the default) or English as the receipt chooses (billing/ReceiptPdf.java), with
 * money, dates and times as Albanians write them.
 */
final class ReconciliationExport {

    private static final String[] COLUMNS = {"status", "reference", "customer", "fileAmount", "receivedAmount", "paidAt", "receipt"};
    /**
     * The receipt column ends inside the page (it began 556 pt in and ran off A4's 595); the amount columns hold the
     * largest line, "1 000 000 000,00" (SettlementFile.MAX_LINE_AMOUNT), and the status column "Shumë e ndryshme".
     */
    private static final A4Table TABLE = A4Table.portrait(36, 13, 7.5f, 9, 0, 84, 176, 226, 292, 358, 424);
    private static final Map<String, String> SQ = Map.ofEntries(
            Map.entry("title", "rakordimi"), Map.entry("file", "Skedari"), Map.entry("line", "rresht"),
            Map.entry("lines", "rreshta"), Map.entry("received", "të marra"), Map.entry("payment", "pagesë"),
            Map.entry("payments", "pagesa"), Map.entry("difference", "diferenca"), Map.entry("matched", "Përputhen"),
            Map.entry("missing", "mungojnë"), Map.entry("unreported", "të paraportuara"),
            Map.entry("mismatches", "shuma të ndryshme"), Map.entry("duplicates", "dublikata"), Map.entry("reversed", "të anuluara"),
            Map.entry("status", "Gjendja"), Map.entry("reference", "Referenca"), Map.entry("customer", "Klienti"),
            Map.entry("fileAmount", "Në skedar"), Map.entry("receivedAmount", "E marrë"), Map.entry("paidAt", "Paguar më"),
            Map.entry("receipt", "Mandati"), Map.entry("MATCHED", "Përputhet"), Map.entry("MISSING", "Mungon"),
            Map.entry("UNREPORTED", "E paraportuar"), Map.entry("AMOUNT_MISMATCH", "Shumë e ndryshme"),
            Map.entry("DUPLICATE", "Dublikatë"), Map.entry("REVERSED", "E anuluar"));
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "reconciliation"), Map.entry("file", "File"), Map.entry("line", "line"),
            Map.entry("lines", "lines"), Map.entry("received", "received"), Map.entry("payment", "payment"),
            Map.entry("payments", "payments"), Map.entry("difference", "difference"), Map.entry("matched", "Matched"),
            Map.entry("missing", "missing"), Map.entry("unreported", "unreported"),
            Map.entry("mismatches", "amount mismatches"), Map.entry("duplicates", "duplicates"), Map.entry("reversed", "reversed"),
            Map.entry("status", "Status"), Map.entry("reference", "Reference"), Map.entry("customer", "Customer"),
            Map.entry("fileAmount", "File"), Map.entry("receivedAmount", "Received"), Map.entry("paidAt", "Paid at"),
            Map.entry("receipt", "Receipt"), Map.entry("MATCHED", "Matched"), Map.entry("MISSING", "Missing"),
            Map.entry("UNREPORTED", "Unreported"), Map.entry("AMOUNT_MISMATCH", "Amount mismatch"),
            Map.entry("DUPLICATE", "Duplicate"), Map.entry("REVERSED", "Reversed"));

    private ReconciliationExport() {
    }

    static String csv(Reconciliation r) {
        CsvSheet csv = new CsvSheet().row((Object[]) COLUMNS);
        for (Reconciliation.Line l : r.lines()) {
            csv.row(l.status().name(), l.partnerReference(), l.customerCode(), blank(l.fileAmount()), blank(l.receivedAmount()),
                CsvSheet.time(l.paidAt()), blank(l.receiptNumber()));
        }
        Reconciliation.Totals t = r.totals();
        return csv.row("TOTAL_FILE", "", "", t.fileTotal(), "", "", "").row("TOTAL_RECEIVED", "", "", "", t.receivedTotal(), "", "")
                .row("DIFFERENCE", "", "", t.difference(), "", "", "").toString();
    }

    static byte[] pdf(Reconciliation r, boolean english) {
        Map<String, String> w = english ? EN : SQ;
        Reconciliation.Totals t = r.totals();
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"#Sportel — " + w.get("title") + " " + r.partnerName() + " (" + r.partnerCode() + ") "
            + Formats.date(r.date())});
        lines.add(new String[] {w.get("file") + ": " + t.fileLines() + " " + w.get(t.fileLines() == 1 ? "line" : "lines") + ", "
            + Formats.money(t.fileTotal()) + "; " + w.get("received") + ": " + t.receivedPayments() + " "
            + w.get(t.receivedPayments() == 1 ? "payment" : "payments") + ", " + Formats.money(t.receivedTotal()) + "; "
            + w.get("difference") + " " + Formats.amount(t.difference()) + " " + Formats.LEK});
        lines.add(new String[] {w.get("matched") + " " + t.matched() + ", " + w.get("missing") + " " + t.missing() + ", "
            + w.get("unreported") + " " + t.unreported() + ", " + w.get("mismatches") + " " + t.amountMismatches() + ", "
            + w.get("duplicates") + " " + t.duplicates() + ", " + w.get("reversed") + " " + t.reversed()});
        lines.add(new String[] {""});
        lines.add(new String[] {"#" + w.get("status"), w.get("reference"), w.get("customer"), w.get("fileAmount"),
            w.get("receivedAmount"), w.get("paidAt"), w.get("receipt")});
        // matched lines are the bulk of a normal day and need no action: the PDF lists what does
        for (Reconciliation.Line l : r.lines()) {
            if (l.status() != Reconciliation.Status.MATCHED) {
                lines.add(new String[] {w.get(l.status().name()), l.partnerReference(), l.customerCode(), Formats.amount(l.fileAmount()),
                    Formats.amount(l.receivedAmount()), l.paidAt() == null ? "" : Formats.dateTime(l.paidAt()), blank(l.receiptNumber())});
            }
        }
        return TABLE.render(lines);
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
