package al.sportel.server.complaints;

import al.sportel.model.Formats;
import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.model.cases.CaseTracking;
import al.sportel.model.cases.CaseView;
import al.sportel.model.cases.NewCase;
import al.sportel.server.auth.Access;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.Idempotency;
import al.sportel.server.http.ClientAddress;
import al.sportel.server.http.JsonBody;
import al.sportel.server.http.PathParams;
import al.sportel.server.http.PublicLinks;
import al.sportel.server.http.RateLimiter;
import al.sportel.slip.Slip;
import al.sportel.slip.SlipPdf;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Locale;

/** API.md "Complaints and applications", the online form and the public tracking answer. */
public final class CaseRoutes {

    private static final int DEFAULT_LIST = 500;
    private static final int MAX_LIST = 2_000;

    /** Online complaints allowed per client address per hour. */
    static final int PUBLIC_PER_HOUR = 5;

    private final CaseService cases;
    private final Idempotency idempotency;
    private final ObjectMapper mapper;
    private final ClientAddress clientAddress;
    private final PublicLinks links;
    private final RateLimiter trackLookups;

    /** {@code trackLookups}: public tracking lookups per client address, so codes cannot be guessed by brute force. */
    public CaseRoutes(CaseService cases, Idempotency idempotency, ObjectMapper mapper, ClientAddress clientAddress,
                      PublicLinks links, RateLimiter trackLookups) {
        this.cases = cases;
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.clientAddress = clientAddress;
        this.links = links;
        this.trackLookups = trackLookups;
    }

    public void register(Javalin app) {
        app.get("/api/v1/complaint-categories", ctx -> ctx.json(cases.categories(CaseKind.COMPLAINT)));
        app.get("/api/v1/application-types", ctx -> ctx.json(cases.categories(CaseKind.APPLICATION)));
        app.get("/api/v1/public/complaint-categories", ctx -> ctx.json(cases.categories(CaseKind.COMPLAINT)));
        app.post("/api/v1/complaints", ctx -> create(ctx, CaseKind.COMPLAINT));
        app.post("/api/v1/applications", ctx -> create(ctx, CaseKind.APPLICATION));
        app.patch("/api/v1/complaints/{id}", ctx -> patch(ctx, CaseKind.COMPLAINT));
        app.patch("/api/v1/applications/{id}", ctx -> patch(ctx, CaseKind.APPLICATION));
        app.get("/api/v1/cases", this::list);
        app.get("/api/v1/cases/{id}/slip.pdf", this::slipPdf);
        app.get("/api/v1/cases/{id}/slip", ctx -> ctx.json(slip(ctx, slipCase(ctx))));
        app.get("/api/v1/public/track/{code}", ctx -> {
            trackLookups.check(clientAddress.of(ctx), "Too many tracking lookups from this address; try again in a minute");
            String code = ctx.pathParam("code").strip().toUpperCase(Locale.ROOT);
            if (!code.matches("(ANK|APL)-\\d{4}-[" + TrackingCodes.ALPHABET + "]{6}")) {
                throw ApiException.notFound("No case with that tracking code");
            }
            ctx.json(cases.track(code));
        });
        app.post("/api/v1/public/complaints", this::publicComplaint);
    }

    private void create(Context ctx, CaseKind kind) {
        UserInfo user = Access.requireStaff(ctx);
        Idempotency.requireKey(ctx);
        NewCase c = readCase(JsonBody.of(ctx, mapper), kind, false);
        idempotency.handle(ctx, kind.name().toLowerCase() + "s", user, h -> cases.create(h, kind, user, c));
    }

    /**
     * The web form's complaint. With an Idempotency-Key (complaint.js sends one per submission) a resend whose answer
     * was lost gets that complaint, before the address's limit counts it again, instead of filing a second (ADR 0019).
     */
    private void publicComplaint(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        NewCase c = readCase(body, CaseKind.COMPLAINT, true);
        if (idempotency.replayForCitizen(ctx, Idempotency.WEB_COMPLAINTS, "", ctx.body())) {
            return;
        }
        cases.rateLimited(clientAddress.of(ctx), PUBLIC_PER_HOUR).ifPresent(wait -> {
            throw ApiException.tooManyRequests("Too many complaints from this address; try again later", wait);
        });
        idempotency.createForCitizen(ctx, Idempotency.WEB_COMPLAINTS, "", ctx.body(), h -> cases.file(h, c, CaseChannel.ONLINE));
    }

    /** Every field checked; all problems reported in one 422. Online filers must leave a way to reach them. */
    public static NewCase readCase(JsonBody body, CaseKind kind, boolean online) {
        String category = body.requiredString(kind == CaseKind.COMPLAINT ? "category" : "type", 30);
        String customer = body.optionalString("customerCode", 20);
        if (customer != null && !customer.matches("[A-Za-z0-9]+")) {
            body.addError("customerCode", "has only digits and letters");
        }
        String name = body.requiredString("name", 200);
        String phone = body.optionalString("phone", 40);
        if (phone != null && !phone.matches("\\+?[0-9 ()-]{6,40}")) {
            body.addError("phone", "is not a phone number");
        }
        String email = body.optionalString("email", 200);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            body.addError("email", "is not an e-mail address");
        }
        if (online && phone == null && email == null) {
            body.addError("phone", "give a phone number or an e-mail address so we can answer");
        }
        String description = body.requiredString("description", 4000);
        if (description != null && description.length() < 10) {
            body.addError("description", "must say in at least 10 characters what happened");
        }
        String branch = body.optionalString("branchCode", 10);
        String ticket = online ? null : body.optionalString("ticketId", 32);
        body.validate();
        return kind == CaseKind.COMPLAINT
                ? NewCase.complaint(category, customer, name, phone, email, description, branch, ticket)
                : NewCase.application(category, customer, name, phone, email, description, branch, ticket);
    }

    private void patch(Context ctx, CaseKind kind) {
        UserInfo user = Access.requireRole(ctx, Role.CLERK, Role.SUPERVISOR, Role.ADMIN);
        long id = PathParams.id(ctx, "id", kind.name().toLowerCase());
        JsonBody body = JsonBody.of(ctx, mapper);
        String status = body.requiredChoice("status", "IN_REVIEW", "RESOLVED", "REJECTED", "APPROVED");
        String note = body.optionalString("note", 1000);
        // staff notes are internal unless the clerk ticks "visible to the citizen"
        boolean publicNote = body.optionalBoolean("public", false);
        body.validate();
        idempotency.handleIfKeyed(ctx, kind.name().toLowerCase() + "-status", user,
                h -> cases.changeStatus(h, user, kind, id, CaseKind.CaseStatus.valueOf(status), note, publicNote));
    }

    private void slipPdf(Context ctx) {
        CaseView c = slipCase(ctx);
        ctx.contentType("application/pdf").header("Content-Disposition", "inline; filename=\"" + c.trackingCode() + ".pdf\"")
                .result(SlipPdf.render(slip(ctx, c)));
    }

    private CaseView slipCase(Context ctx) {
        UserInfo user = Access.requireStaff(ctx);
        long id = PathParams.id(ctx, "id", "case");
        CaseView c = cases.get(id).orElseThrow(() -> ApiException.notFound("No case " + id));
        if (c.branchCode() != null) {
            Access.requireBranch(user, c.branchCode());
        }
        return c;
    }

    /** The slip handed to the customer: tracking code, category, deadline and a QR code to the tracking page. */
    private Slip slip(Context ctx, CaseView c) {
        boolean en = "en".equals(ctx.queryParam("lang"));
        CaseTracking t = cases.track(c.trackingCode());
        String url = links.to("/track/" + c.trackingCode() + (en ? "?lang=en" : ""));
        return Slip.builder()
                .title(en ? "Electricity Distribution" : "Shpërndarja e Energjisë Elektrike")
                .rule()
                .title(c.kind().equals("COMPLAINT") ? (en ? "COMPLAINT REGISTERED" : "ANKESË E REGJISTRUAR")
                        : (en ? "APPLICATION REGISTERED" : "APLIKIM I REGJISTRUAR"))
                .boldRow(en ? "Tracking code" : "Kodi i ndjekjes", c.trackingCode())
                .row(en ? "Category" : "Kategoria", en ? t.categoryNameEn() : t.categoryName())
                .row(en ? "Date" : "Data", Formats.date(c.createdAt()))
                .row(en ? "Answer by" : "Përgjigje deri më", Formats.date(c.dueAt()))
                .row(en ? "Name" : "Emri", c.name())
                .rule()
                .paragraph(en ? "Follow your case online with the code above or the QR code."
                        : "Ndiqni kërkesën online me kodin më sipër ose me kodin QR.")
                .build(url, en ? "Thank you!" : "Faleminderit!");
    }

    private void list(Context ctx) {
        UserInfo user = Access.requireStaff(ctx);
        String branch = ctx.queryParam("branchCode") != null ? ctx.queryParam("branchCode") : user.branchCode();
        if (branch == null) {
            throw ApiException.invalid("branchCode", "is required");
        }
        Access.requireBranch(user, branch);
        String status = ctx.queryParam("status");
        if (status != null && !status.matches("RECEIVED|IN_REVIEW|RESOLVED|REJECTED|APPROVED")) {
            throw ApiException.invalid("status", "unknown status");
        }
        int limit = limit(ctx.queryParam("limit"));
        CaseService.Listed listed = cases.list(branch, status, ctx.queryParam("category"), "true".equals(ctx.queryParam("overdue")), limit);
        ctx.header("X-Total-Count", Long.toString(listed.total()));
        ctx.json(listed.cases());
    }

    /** {@code ?limit=}: 1 to {@link #MAX_LIST}, {@link #DEFAULT_LIST} when absent. */
    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIST;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX_LIST) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.invalid("limit", "a whole number from 1 to " + MAX_LIST);
    }
}
