package al.sportel.server.clerkday;

import al.sportel.model.ClerkReport;
import al.sportel.server.reports.ReportScope;
import al.sportel.server.http.ApiException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;

/**
 * {@code GET /api/v1/reports/clerks?branchCode=&from=&to=[&format=csv|pdf][&lang=en]}: a supervisor sees their
 * own centre (the default), an admin any centre or, without branchCode, all. At most 366 days at once.
 */
public final class ClerkReportRoutes {

    private final ClerkReportService reports;

    public ClerkReportRoutes(ClerkReportService reports) {
        this.reports = reports;
    }

    public void register(Javalin app) {
        app.get("/api/v1/reports/clerks", this::clerks);
    }

    private void clerks(Context ctx) {
        ReportScope scope = ReportScope.of(ctx);
        String branch = scope.branch();
        LocalDate from = scope.from();
        LocalDate to = scope.to();
        ClerkReport r = reports.report(branch, from, to);
        String name = "clerks-" + (branch == null ? "all" : branch) + "-" + from + "-" + to;
        switch (ctx.queryParamAsClass("format", String.class).getOrDefault("json")) {
            case "json" -> ctx.json(r);
            case "csv" -> ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").result(ClerkReportCsv.of(r));
            case "pdf" -> ctx.contentType("application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"")
                    .result(ClerkReportPdf.of(r, "en".equals(ctx.queryParam("lang"))));
            default -> throw ApiException.invalid("format", "json, csv or pdf");
        }
    }

}
