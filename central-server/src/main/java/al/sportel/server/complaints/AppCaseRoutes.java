package al.sportel.server.complaints;

import al.sportel.model.UserInfo;
import al.sportel.model.cases.CaseView;
import al.sportel.model.cases.NewCase;
import al.sportel.server.auth.Access;
import al.sportel.server.citizen.AccountTokens;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.ClientAddress;
import al.sportel.server.http.Idempotency;
import al.sportel.server.http.JsonBody;
import al.sportel.server.http.PathParams;
import al.sportel.server.http.RateLimiter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The phone app's "apply and complain" (issue 19): a complaint or an application sent as a multipart
 * form with up to three photos or PDFs, "my cases" for the verified account, and the staff's way to
 * the attachments, which are never served publicly.
 */
public final class AppCaseRoutes {

    /** Resends of a stored filing that may skip the limit's early check, per account or address and hour. */
    public static final int RESENDS_PER_HOUR = 10;
    private static final List<String> FIELDS = List.of("category", "name", "phone", "email", "description", "customerCode");

    private final AppCaseService appCases;
    private final CaseService cases;
    private final AccountTokens tokens;
    private final ObjectMapper mapper;
    private final ClientAddress clientAddress;
    private final Idempotency idempotency;
    private final RateLimiter resends;

    public AppCaseRoutes(AppCaseService appCases, CaseService cases, AccountTokens tokens, ObjectMapper mapper, ClientAddress clientAddress,
                         Idempotency idempotency, Clock clock) {
        this.appCases = appCases;
        this.cases = cases;
        this.tokens = tokens;
        this.mapper = mapper;
        this.clientAddress = clientAddress;
        this.idempotency = idempotency;
        this.resends = new RateLimiter(RESENDS_PER_HOUR, Duration.ofHours(1), clock);
    }

    public void register(Javalin app) {
        app.get("/api/v1/public/application-types", ctx -> ctx.json(cases.categories(CaseKind.APPLICATION)));
        app.post("/api/v1/public/app/cases", this::file);
        app.get("/api/v1/public/app/cases", ctx -> ctx.json(appCases.casesOf(tokens.requireCustomer(ctx))));
        app.get("/api/v1/cases/{id}/attachments", ctx -> ctx.json(appCases.attachments(staffCase(ctx).id())));
        app.get("/api/v1/cases/{id}/attachments/{attachment}", this::attachment);
    }

    private void file(Context ctx) {
        String customer = tokens.customerOf(ctx.header(AccountTokens.HEADER)).orElse(null);
        long length = ctx.req().getContentLengthLong();
        if (length > AttachmentRules.MAX_REQUEST) {
            throw AttachmentRules.tooLarge("At most 3 files of 5 MB each");
        }
        // a verified account is limited as itself: many phones share one carrier address
        String limitKey = customer != null ? "account:" + customer : clientAddress.of(ctx);
        // checked before up to 15 MB are parsed: a client over the limit gets its 429 without the body being read;
        // not a resend of a filing whose answer was lost (its key is stored), which gets that answer below (ADR 0019)
        // A stored key lets a resend skip that check a few times an hour only: any client may send any stored key,
        // and a client over its limit must not get 15 MB parsed again and again by naming one.
        if (!idempotency.seen(ctx, Idempotency.APP_CASES) || resends.acquire(limitKey).isPresent()) {
            cases.overLimit(limitKey, CaseRoutes.PUBLIC_PER_HOUR).ifPresent(AppCaseRoutes::tooMany);
        }
        if (!ctx.isMultipartFormData()) {
            throw new ApiException(415, "unsupported-media-type", "Unsupported media type",
                    "Send the case as multipart/form-data", null, null);
        }
        List<UploadedFile> files = uploadedFiles(ctx);
        String kindName = ctx.formParam("kind");
        CaseKind kind = "APPLICATION".equals(kindName) ? CaseKind.APPLICATION : "COMPLAINT".equals(kindName) ? CaseKind.COMPLAINT : null;
        if (kind == null) {
            throw ApiException.invalid("kind", "must be COMPLAINT or APPLICATION");
        }
        String form = formAsJson(ctx, kind, customer);
        NewCase c = CaseRoutes.readCase(JsonBody.parse(form, mapper), kind, true);
        if (files.size() > AttachmentRules.MAX_FILES) {
            throw ApiException.invalid("attachments", "at most 3 files");
        }
        List<AttachmentRules.Upload> uploads = new ArrayList<>();
        for (UploadedFile f : files) {
            if (f.size() > AttachmentRules.MAX_BYTES) {
                throw AttachmentRules.tooLarge(AttachmentRules.safeName(f.filename()) + " is larger than 5 MB");
            }
            uploads.add(AttachmentRules.check(f.filename(), read(f)));
        }
        // the same key again means the same fields and the same files (by their SHA-256), from the same account
        String requester = customer == null ? "" : "account:" + customer;
        String content = kind + "\n" + form + "\n" + AttachmentRules.digest(uploads);
        if (idempotency.replayForCitizen(ctx, Idempotency.APP_CASES, requester, content)) {
            return;
        }
        cases.rateLimited(limitKey, CaseRoutes.PUBLIC_PER_HOUR).ifPresent(AppCaseRoutes::tooMany);
        appCases.file(kind, c, uploads, work -> idempotency.createForCitizen(ctx, Idempotency.APP_CASES, requester, content, work));
    }

    private static void tooMany(long wait) {
        throw ApiException.tooManyRequests("Too many cases from this account or address; try again later", wait);
    }

    /**
     * Jetty refuses a part beyond its own limits with an IllegalStateException: that is the citizen's 413.
     * A body it cannot parse (a missing closing boundary, a cut-off upload) comes as an IOException, which
     * Javalin rethrows unchecked: that is a 400, not our 500.
     */
    private static List<UploadedFile> uploadedFiles(Context ctx) {
        try {
            return ctx.uploadedFiles("attachments").stream().filter(f -> f.filename() != null && !f.filename().isEmpty() || f.size() > 0).toList();
        } catch (IllegalStateException e) {
            throw AttachmentRules.tooLarge("At most 3 files of 5 MB each");
        } catch (Exception e) {
            throw ApiException.badRequest("The multipart/form-data body could not be read");
        }
    }

    /** The form's text fields as the JSON the other filing routes read, so every field is checked the same way. */
    private String formAsJson(Context ctx, CaseKind kind, String verifiedCustomer) {
        ObjectNode json = mapper.createObjectNode();
        for (String field : FIELDS) {
            String value = ctx.formParam(field);
            if (value != null && !value.isBlank()) {
                json.put(field.equals("category") && kind == CaseKind.APPLICATION ? "type" : field, value.strip());
            }
        }
        // signed in, the case belongs to the verified account whatever the form says; otherwise it has no account
        json.remove("customerCode");
        if (verifiedCustomer != null) {
            json.put("customerCode", verifiedCustomer);
        }
        return json.toString();
    }

    private static byte[] read(UploadedFile f) {
        try (InputStream in = f.content()) {
            return in.readNBytes(AttachmentRules.MAX_BYTES + 1);
        } catch (IOException e) {
            throw ApiException.badRequest("The upload was interrupted");
        }
    }

    private CaseView staffCase(Context ctx) {
        UserInfo user = Access.requireStaff(ctx);
        long id = PathParams.id(ctx, "id", "case");
        CaseView c = cases.get(id).orElseThrow(() -> ApiException.notFound("No case " + id));
        if (c.branchCode() != null) {
            Access.requireBranch(user, c.branchCode());
        }
        return c;
    }

    private void attachment(Context ctx) {
        CaseView c = staffCase(ctx);
        long id = PathParams.id(ctx, "attachment", "attachment");
        AppCaseService.StoredAttachment a = appCases.attachment(c.id(), id)
                .orElseThrow(() -> ApiException.notFound("No attachment " + id + " on case " + c.id()));
        // a download, never rendered in the API's origin: a crafted PDF could otherwise run in our pages' context
        ctx.contentType(a.contentType()).header("Content-Disposition", "attachment; filename=\"" + a.name() + "\"")
                .header("Content-Security-Policy", "sandbox").header("Cache-Control", "private, no-store")
                .result(appCases.bytes(a));
    }
}
