package al.sportel.server.fairness;

import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.TextRules;
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

    private static LocalDate date(Context ctx, String name) {
        return TextRules.requiredQueryDate(ctx, name);
    }
}
