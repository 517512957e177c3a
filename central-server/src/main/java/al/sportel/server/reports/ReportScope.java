package al.sportel.server.reports;

import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.TextRules;
import io.javalin.http.Context;
import java.time.LocalDate;

/**
 * Which centre and days a range report covers: a supervisor their own centre (the default), an admin
 * any centre or, without {@code branchCode}, all ({@code branch == null}); at most 366 days at once.
 */
public record ReportScope(String branch, LocalDate from, LocalDate to) {

    public static ReportScope of(Context ctx) {
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
        LocalDate from = TextRules.requiredQueryDate(ctx, "from");
        LocalDate to = TextRules.requiredQueryDate(ctx, "to");
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "is before from");
        }
        if (from.plusDays(366).isBefore(to)) {
            throw ApiException.invalid("to", "at most 366 days at once");
        }
        return new ReportScope(branch, from, to);
    }

    /** {@code prefix-TR01-2026-11-01-2026-11-25}, or {@code -all-} for every centre. */
    public String fileName(String prefix) {
        return prefix + "-" + (branch == null ? "all" : branch) + "-" + from + "-" + to;
    }
}
