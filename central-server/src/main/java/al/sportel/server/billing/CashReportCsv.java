package al.sportel.server.billing;

import al.sportel.model.billing.CashLine;
import al.sportel.model.billing.CashReport;
import al.sportel.model.billing.CashTotal;
import al.sportel.server.reports.CsvSheet;

/**
 * A counter's cash report as one CSV file with a section per table, as the centre report's (reports/ReportCsv): which
 * counter and day, every payment, the fees by method, then the totals the clerk counts the drawer against. The same
 * figures as the JSON; times in Tirana's time with the offset.
 */
final class CashReportCsv {

    private CashReportCsv() {
    }

    static String of(CashReport r) {
        CsvSheet csv = new CsvSheet().row("counter", r.counterNumber(), "branch", r.branchCode(), "date", r.date());
        csv.blank().row("receiptNumber", "customerCode", "amount", "method", "createdAt", "clerk", "voided", "lateEntry", "voidedLater");
        for (CashLine l : r.payments()) {
            csv.row(l.receiptNumber(), l.customerCode(), l.amount(), l.method(), CsvSheet.time(l.createdAt()), l.clerk(), l.voided(),
                    l.lateEntry(), l.voidedLater());
        }
        csv.blank().row("feeMethod", "count", "amount");
        r.fees().forEach(f -> csv.row(f.method(), f.count(), f.amount()));
        csv.row("TOTAL", "", r.feesTotal());
        csv.blank().row("method", "count", "amount");
        for (CashTotal t : r.totals()) {
            csv.row(t.method(), t.count(), t.amount());
        }
        // the payments' total; voids, earlier voids and late entries are shown as the JSON shows them, in no total
        csv.row("TOTAL", "", r.total());
        csv.row("VOIDED", r.voidedCount(), r.voidedAmount());
        csv.row("EARLIER_VOIDED", r.earlierVoidedCount(), r.earlierVoidedAmount());
        csv.row("LATE_ENTRIES", r.lateEntryCount(), "");
        return csv.row("CASH_TAKEN", "", r.cashTaken()).toString();
    }
}
