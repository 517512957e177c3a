package al.sportel.server.fairness;

import al.sportel.server.fairness.FairnessReport.Waits;

/** The fairness report as one CSV file of labelled sections. */
final class FairnessReportCsv {

    private FairnessReportCsv() {
    }

    static String of(FairnessReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("branch,").append(r.branchCode() == null ? "ALL" : r.branchCode()).append(",from,").append(r.from())
                .append(",to,").append(r.to()).append('\n');
        sb.append("calls,").append(r.calls()).append("\noutOfOrderCalls,").append(r.outOfOrderCalls())
                .append("\noutOfOrderShare,").append(n(r.outOfOrderShare()))
                .append("\nmaxPlacesSkippedInOneCall,").append(n(r.maxPlacesSkippedInOneCall())).append('\n');
        if (r.mostPlacesLost() != null) {
            sb.append("mostPlacesLost,").append(r.mostPlacesLost().places()).append(",ticket,").append(r.mostPlacesLost().ticketNumber())
                    .append(",date,").append(r.mostPlacesLost().businessDate()).append('\n');
        }
        sb.append("starvationPromotions,").append(r.starvationPromotions()).append('\n');
        r.starvationPromotionsByRule().forEach((rule, n) -> sb.append("starvationPromotions.").append(rule).append(',').append(n).append('\n'));
        sb.append("\nclerk,calls,outOfOrderCalls,share\n");
        r.byClerk().forEach(c -> sb.append(quote(c.displayName() + " (" + c.username() + ")")).append(',').append(c.calls()).append(',')
                .append(c.outOfOrderCalls()).append(',').append(n(c.share())).append('\n'));
        sb.append("\nreason,outOfOrderCalls,share\n");
        r.byReason().forEach(x -> sb.append(x.reason()).append(',').append(x.calls()).append(',').append(n(x.share())).append('\n'));
        sb.append("\ntickets,called,medianWaitSeconds,p90WaitSeconds,maxWaitSeconds\n");
        waits(sb, "regular", r.regularWaits());
        waits(sb, "priority", r.priorityWaits());
        return sb.toString();
    }

    private static void waits(StringBuilder sb, String label, Waits w) {
        sb.append(label).append(',').append(w.tickets()).append(',').append(n(w.medianSeconds())).append(',').append(n(w.p90Seconds()))
                .append(',').append(n(w.maxSeconds())).append('\n');
    }

    private static String n(Object v) {
        return v == null ? "" : v.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
