package al.sportel.server.clerkday;

import al.sportel.model.ClerkReport;
import al.sportel.model.ClerkReport.ClerkRow;
import java.util.List;

/** The clerks' report as one CSV file: totals per clerk, then one row per clerk and day, then ratings per service. */
final class ClerkReportCsv {

    private static final String HEADER = "date,branch,clerk,served,avgServiceSeconds,p90ServiceSeconds,idleWhileWaitingSeconds,"
            + "pausedSeconds,pausedByReason,transfers,outOfOrderCalls,ratings,averageRating\n";

    private ClerkReportCsv() {
    }

    static String of(ClerkReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("branch,").append(r.branchCode() == null ? "ALL" : r.branchCode()).append(",from,").append(r.from())
                .append(",to,").append(r.to()).append('\n');
        sb.append('\n').append(HEADER);
        rows(sb, r.totals());
        sb.append('\n').append(HEADER);
        rows(sb, r.days());
        sb.append("\nbranch,service,ratings,averageRating,score1,score2,score3,score4,score5\n");
        r.ratingsByService().forEach(s -> {
            sb.append(s.branchCode()).append(',').append(quote(s.letter() + " " + s.name())).append(',').append(s.ratings())
                    .append(',').append(s.averageRating());
            s.countsByScore().forEach(c -> sb.append(',').append(c));
            sb.append('\n');
        });
        return sb.toString();
    }

    private static void rows(StringBuilder sb, List<ClerkRow> rows) {
        for (ClerkRow c : rows) {
            long paused = c.pausedSecondsByReason().values().stream().mapToLong(Long::longValue).sum();
            StringBuilder reasons = new StringBuilder();
            c.pausedSecondsByReason().forEach((k, v) -> reasons.append(reasons.length() == 0 ? "" : " ").append(k).append('=').append(v));
            sb.append(c.date() == null ? "ALL" : c.date().toString()).append(',').append(c.branchCode()).append(',')
                    .append(quote(c.displayName() + " (" + c.username() + ")")).append(',').append(c.served()).append(',')
                    .append(n(c.averageServiceSeconds())).append(',').append(n(c.p90ServiceSeconds())).append(',')
                    .append(c.idleWhileWaitingSeconds()).append(',').append(paused).append(',').append(quote(reasons.toString()))
                    .append(',').append(c.transfers()).append(',').append(c.outOfOrderCalls()).append(',').append(c.ratings())
                    .append(',').append(c.averageRating() == null ? "" : c.averageRating()).append('\n');
        }
    }

    private static String n(Long v) {
        return v == null ? "" : v.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
