package al.sportel.server.channels;

import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.model.channels.Partner;
import al.sportel.model.channels.PartnerKind;
import al.sportel.model.channels.PaymentsByChannel;
import al.sportel.model.channels.Reconciliation;
import al.sportel.server.auth.Access;
import al.sportel.server.http.TextRules;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.JsonBody;
import al.sportel.server.http.PathParams;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The staff side of channels (bearer tokens): admins register partners and manage their keys,
 * supervisors and admins read reconciliations and create missing payments from a file.
 */
public final class ChannelAdminRoutes {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,10}");

    private final PartnerService partners;
    private final Reconciliations reconciliations;
    private final ChannelReport report;
    private final ObjectMapper mapper;

    public ChannelAdminRoutes(PartnerService partners, Reconciliations reconciliations, ChannelReport report, ObjectMapper mapper) {
        this.partners = partners;
        this.reconciliations = reconciliations;
        this.report = report;
        this.mapper = mapper;
    }

    public void register(Javalin app) {
        app.get("/api/v1/partners", ctx -> {
            Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            ctx.json(partners.list());
        });
        app.post("/api/v1/partners", this::create);
        app.patch("/api/v1/partners/{id}", ctx -> {
            UserInfo admin = Access.requireRole(ctx, Role.ADMIN);
            long id = PathParams.id(ctx, "id", "partner");
            JsonBody body = JsonBody.of(ctx, mapper);
            if (!body.has("active")) {
                body.addError("active", "is required");
            }
            boolean active = body.optionalBoolean("active", true);
            body.validate();
            ctx.json(partners.setActive(admin, id, active));
        });
        app.get("/api/v1/partners/{id}/credentials", ctx -> {
            Access.requireRole(ctx, Role.ADMIN);
            ctx.json(partners.credentials(PathParams.id(ctx, "id", "partner")));
        });
        app.post("/api/v1/partners/{id}/credentials", ctx -> {
            UserInfo admin = Access.requireRole(ctx, Role.ADMIN);
            long id = PathParams.id(ctx, "id", "partner");
            JsonBody body = JsonBody.ofOptional(ctx, mapper);
            Integer hours = body.optionalInt("overlapHours", 0, (int) PartnerService.MAX_OVERLAP.toHours());
            body.validate();
            ctx.status(201).json(partners.issue(admin, id, hours == null ? PartnerService.DEFAULT_OVERLAP : Duration.ofHours(hours)));
        });
        app.post("/api/v1/partners/{id}/credentials/{keyId}/revoke", ctx -> {
            UserInfo admin = Access.requireRole(ctx, Role.ADMIN);
            partners.revoke(admin, PathParams.id(ctx, "id", "partner"), ctx.pathParam("keyId"));
            ctx.status(204);
        });
        app.post("/api/v1/partners/{id}/settlements", ctx -> {
            Access.requireRole(ctx, Role.ADMIN);
            Partner partner = partners.get(PathParams.id(ctx, "id", "partner"));
            LocalDate date = ChannelRoutes.date(ctx);
            ctx.json(reconciliations.receive(partner, date, ChannelAuth.readBody(ctx, ChannelAuth.MAX_SETTLEMENT_BODY)));
        });
        app.get("/api/v1/reconciliation", this::reconciliation);
        app.post("/api/v1/reconciliation/lines/{id}/create-payment", ctx -> {
            UserInfo supervisor = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            String json = reconciliations.createFromLine(supervisor, PathParams.id(ctx, "id", "settlement line"));
            ctx.status(201).contentType("application/json").result(json);
        });
        app.get("/api/v1/reports/channels", this::byChannel);
    }

    private void create(Context ctx) {
        UserInfo admin = Access.requireRole(ctx, Role.ADMIN);
        JsonBody body = JsonBody.of(ctx, mapper);
        String code = body.requiredString("code", 10);
        if (code != null && !CODE.matcher(code).matches()) {
            body.addError("code", "must be 2 to 10 capital letters or digits, such as BKT");
        }
        String name = body.requiredString("name", 100);
        String kind = body.requiredChoice("kind", "POST", "BANK", "MOBILE");
        boolean active = body.optionalBoolean("active", true);
        body.validate();
        ctx.status(201).json(partners.create(admin, code, name.strip(), PartnerKind.valueOf(kind), active));
    }

    private void reconciliation(Context ctx) {
        Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
        String code = ctx.queryParam("partner");
        if (code == null || code.isBlank()) {
            throw ApiException.invalid("partner", "is required (the partner's code)");
        }
        Partner partner = partners.byCode(code).orElseThrow(() -> ApiException.notFound("No partner " + code));
        LocalDate date = ChannelRoutes.date(ctx);
        Reconciliation r = reconciliations.report(partner, date);
        String name = "reconciliation-" + partner.code() + "-" + date;
        switch (ctx.queryParamAsClass("format", String.class).getOrDefault("json")) {
            case "json" -> ctx.json(r);
            case "csv" -> ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").result(ReconciliationExport.csv(r));
            case "pdf" -> ctx.contentType("application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"")
                    .result(ReconciliationExport.pdf(r, "en".equals(ctx.queryParam("lang"))));
            default -> throw ApiException.invalid("format", "json, csv or pdf");
        }
    }

    private void byChannel(Context ctx) {
        UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
        String branch = ctx.queryParam("branchCode");
        if (branch != null && branch.isBlank()) {
            branch = null;
        }
        // Partners belong to no centre, and a supervisor reconciles every one of them (the desktop's Channels tab asks
        // without branchCode for their takings); the counters she sees are her own centre's, as in every report.
        boolean partners = branch == null;
        if (branch == null && user.role() == Role.SUPERVISOR) {
            branch = user.branchCode();
        }
        if (branch != null) {
            Access.requireBranch(user, branch);
        }
        LocalDate from = day(ctx, "from");
        LocalDate to = day(ctx, "to");
        if (to.isBefore(from) || from.plusYears(5).isBefore(to)) {
            throw ApiException.invalid("to", "must be on or after from, at most five years later");
        }
        PaymentsByChannel r = report.report(branch, partners, from, to);
        if ("csv".equals(ctx.queryParam("format"))) {
            ctx.contentType("text/csv; charset=utf-8").result(ChannelReport.csv(r));
        } else {
            ctx.json(r);
        }
    }

    private static LocalDate day(Context ctx, String name) {
        return TextRules.requiredQueryDate(ctx, name);
    }
}
