package al.sportel.server.fairness;

import al.sportel.server.fairness.FairnessReport.Waits;
import al.sportel.server.reports.CsvSheet;

/** The fairness report as one CSV file of labelled sections. */
final class FairnessReportCsv {

    private FairnessReportCsv() {
    }

    static String of(FairnessReport r) {
        CsvSheet csv = new CsvSheet().row("branch", r.branchCode() == null ? "ALL" : r.branchCode(), "from", r.from(), "to", r.to())
                .row("calls", r.calls()).row("outOfOrderCalls", r.outOfOrderCalls()).row("outOfOrderShare", r.outOfOrderShare())
                .row("maxPlacesSkippedInOneCall", r.maxPlacesSkippedInOneCall());
        if (r.mostPlacesLost() != null) {
            csv.row("mostPlacesLost", r.mostPlacesLost().places(), "ticket", r.mostPlacesLost().ticketNumber(),
                    "date", r.mostPlacesLost().businessDate());
        }
        csv.row("starvationPromotions", r.starvationPromotions());
        r.starvationPromotionsByRule().forEach((rule, n) -> csv.row("starvationPromotions." + rule, n));
        csv.blank().row("clerk", "calls", "outOfOrderCalls", "share");
        r.byClerk().forEach(c -> csv.row(c.displayName() + " (" + c.username() + ")", c.calls(), c.outOfOrderCalls(), c.share()));
        csv.blank().row("reason", "outOfOrderCalls", "share");
        r.byReason().forEach(x -> csv.row(x.reason(), x.calls(), x.share()));
        csv.blank().row("tickets", "called", "medianWaitSeconds", "p90WaitSeconds", "maxWaitSeconds");
        waits(csv, "regular", r.regularWaits());
        waits(csv, "priority", r.priorityWaits());
        return csv.toString();
    }

    private static void waits(CsvSheet csv, String label, Waits w) {
        csv.row(label, w.tickets(), w.medianSeconds(), w.p90Seconds(), w.maxSeconds());
    }
}
