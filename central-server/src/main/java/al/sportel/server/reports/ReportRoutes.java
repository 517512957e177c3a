package al.sportel.server.reports;

import al.sportel.model.BranchReport;
import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.TextRules;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;

/**
 * {@code GET /api/v1/reports/branch?branchCode=&from=&to=[&format=csv|pdf][&lang=en]}: SUPERVISOR of the branch or ADMIN.
 * Dates are local (Europe/Tirane) and inclusive; at most five years at once.
 */
public final class ReportRoutes {

    private final ReportService reports;

    public ReportRoutes(ReportService reports) {
        this.reports = reports;
    }

    public void register(Javalin app) {
        app.get("/api/v1/reports/branch", this::branch);
    }

    private void branch(Context ctx) {
        UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
        String branch = ctx.queryParam("branchCode");
        if (branch == null || branch.isBlank()) {
            throw ApiException.invalid("branchCode", "is required");
        }
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "is before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw ApiException.invalid("to", "at most five years at once");
        }
        Access.requireBranch(user, branch);
        BranchReport r = reports.report(branch, from, to);
        String format = ctx.queryParamAsClass("format", String.class).getOrDefault("json");
        String name = "report-" + branch + "-" + from + "-" + to;
        switch (format) {
            case "json" -> ctx.json(r);
            case "csv" -> ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").result(ReportCsv.of(r));
            case "pdf" -> ctx.contentType("application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"")
                    .result(ReportPdf.of(r, "en".equals(ctx.queryParam("lang"))));
            default -> throw ApiException.invalid("format", "json, csv or pdf");
        }
    }

    private static LocalDate date(Context ctx, String name) {
        LocalDate d = TextRules.queryDate(ctx, name);
        if (d == null) {
            throw ApiException.invalid(name, "is required (YYYY-MM-DD)");
        }
        return d;
    }
}
