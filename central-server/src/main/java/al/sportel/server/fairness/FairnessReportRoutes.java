package al.sportel.server.fairness;

import al.sportel.server.http.ApiException;
import al.sportel.server.reports.ReportScope;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;

/**
 * {@code GET /api/v1/reports/fairness?branchCode=&from=&to=[&format=csv]}: a supervisor sees their own
 * centre (the default), an admin any centre or, without branchCode, all. At most 366 days at once.
 */
public final class FairnessReportRoutes {

    private final FairnessReportService reports;

    public FairnessReportRoutes(FairnessReportService reports) {
        this.reports = reports;
    }

    public void register(Javalin app) {
        app.get("/api/v1/reports/fairness", this::fairness);
    }

    private void fairness(Context ctx) {
        ReportScope scope = ReportScope.of(ctx);
        String branch = scope.branch();
        LocalDate from = scope.from();
        LocalDate to = scope.to();
        String format = ctx.queryParamAsClass("format", String.class).getOrDefault("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiException.invalid("format", "json or csv");
        }
        FairnessReport r = reports.report(branch, from, to);
        if (format.equals("json")) {
            ctx.json(r);
            return;
        }
        String name = "fairness-" + (branch == null ? "all" : branch) + "-" + from + "-" + to;
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .result(FairnessReportCsv.of(r));
    }

}
