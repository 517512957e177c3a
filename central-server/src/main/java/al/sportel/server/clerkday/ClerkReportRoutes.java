package al.sportel.server.clerkday;

import al.sportel.model.ClerkReport;
import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.http.ApiException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/v1/reports/clerks?branchCode=&from=&to=[&format=csv|pdf]}: a supervisor sees their
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
        UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
        String branch = ctx.queryParam("branchCode");
        if (branch != null && branch.isBlank()) {
            branch = null;
        }
        if (branch == null && user.role() == Role.SUPERVISOR) {
            branch = user.branchCode();
        }
        if (branch != null) {
            Access.requireBranch(user, branch);
        }
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "is before from");
        }
        if (from.plusDays(366).isBefore(to)) {
            throw ApiException.invalid("to", "at most 366 days at once");
        }
        ClerkReport r = reports.report(branch, from, to);
        String name = "clerks-" + (branch == null ? "all" : branch) + "-" + from + "-" + to;
        switch (ctx.queryParamAsClass("format", String.class).getOrDefault("json")) {
            case "json" -> ctx.json(r);
            case "csv" -> ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").result(ClerkReportCsv.of(r));
            case "pdf" -> ctx.contentType("application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"").result(ClerkReportPdf.of(r));
            default -> throw ApiException.invalid("format", "json, csv or pdf");
        }
    }

    private static LocalDate date(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null) {
            throw ApiException.invalid(name, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "must be a date such as 2026-11-25");
        }
    }
}
