package al.sportel.server.citizen;

import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.model.cases.NewCase;
import al.sportel.model.citizen.AccountSummary;
import al.sportel.model.citizen.AppSession;
import al.sportel.server.auth.Access;
import al.sportel.server.complaints.CaseChannel;
import al.sportel.server.complaints.CaseKind;
import al.sportel.server.complaints.CaseRoutes;
import al.sportel.server.complaints.CaseService;
import al.sportel.server.db.Database;
import al.sportel.server.http.ClientAddress;
import al.sportel.server.http.Idempotency;
import al.sportel.server.http.JsonBody;
import al.sportel.server.http.PublicLinks;
import al.sportel.slip.Slip;
import al.sportel.slip.SlipPdf;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;

/** The citizen's own requests: the account check (kiosk and phone) and a complaint filed at a kiosk. */
public final class CitizenRoutes {

    private final AccountCheck accounts;
    private final AccountTokens tokens;
    private final CaseService cases;
    private final ObjectMapper mapper;
    private final AppLedger ledger;
    private final PublicLinks links;
    private final ClientAddress clientAddress;
    private final Idempotency idempotency;

    public CitizenRoutes(Database db, CaseService cases, ObjectMapper mapper, Clock clock, PublicLinks links, ClientAddress clientAddress,
                         Idempotency idempotency) {
        this.idempotency = idempotency;
        AccountQueries queries = new AccountQueries(db);
        this.accounts = new AccountCheck(db, queries, clock, AccountCheck.Limits.DEFAULT);
        this.tokens = new AccountTokens(db, clock);
        this.cases = cases;
        this.mapper = mapper;
        this.ledger = new AppLedger(db, queries);
        this.links = links;
        this.clientAddress = clientAddress;
    }

    public void register(Javalin app) {
        app.post("/api/v1/public/account/verify", this::verify);
        app.post("/api/v1/kiosk/account/verify", this::verifyAtKiosk);
        app.post("/api/v1/kiosk/complaints", this::kioskComplaint);
        app.post("/api/v1/public/app/session", this::openSession);
        app.get("/api/v1/public/app/session", this::currentSession);
        app.delete("/api/v1/public/app/session", this::closeSession);
        app.get("/api/v1/public/app/account", ctx -> ctx.json(ledger.account(tokens.requireCustomer(ctx))));
        app.get(AppLedger.RECEIPTS + "{number}", this::receipt);
    }

    /** The citizen's copy of one of their own receipts, as a PDF to keep. */
    private void receipt(Context ctx) {
        String customer = tokens.requireCustomer(ctx);
        String number = ctx.pathParam("number");
        Slip slip = ledger.receipt(customer, number, "en".equals(ctx.queryParam("lang")), links.to(""));
        ctx.contentType("application/pdf").header("Content-Disposition", "attachment; filename=\"" + number + ".pdf\"")
                .header("Cache-Control", "private, no-store").result(SlipPdf.render(slip));
    }

    /** The phone app's sign-in: the same check as the kiosk's, answered with a session token. */
    private void openSession(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        String code = body.requiredString("customerCode", 20);
        String proof = body.requiredString("proof", 20);
        body.validate();
        AccountSummary account = accounts.verify(address(ctx), code.strip(), proof);
        Instant expires = tokens.expiry();
        ctx.status(201).json(new AppSession(tokens.open(account.customerCode(), expires), expires, account));
    }

    /** The account as it is now, for a session opened earlier (the app reopens with its stored token). */
    private void currentSession(Context ctx) {
        ctx.json(accounts.summary(tokens.requireCustomer(ctx)));
    }

    private void closeSession(Context ctx) {
        String token = ctx.header(AccountTokens.HEADER);
        if (token != null && !token.isBlank() && token.length() <= 100) {
            tokens.close(token.strip());
        }
        ctx.status(204);
    }

    private void verify(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        String code = body.requiredString("customerCode", 20);
        String proof = body.requiredString("proof", 20);
        body.validate();
        ctx.json(accounts.verify(address(ctx), code.strip(), proof));
    }

    /** The kiosk's bill check: counted per kiosk, so one centre's typos do not lock every kiosk and phone behind its address. */
    private void verifyAtKiosk(Context ctx) {
        UserInfo kiosk = Access.requireRole(ctx, Role.KIOSK);
        JsonBody body = JsonBody.of(ctx, mapper);
        String code = body.requiredString("customerCode", 20);
        String proof = body.requiredString("proof", 20);
        body.validate();
        ctx.json(accounts.verifyAtKiosk(kiosk.id(), code.strip(), proof));
    }

    /**
     * A kiosk files complaints for many citizens from one address, so the online form's per-address limit
     * does not apply; the kiosk's sign-in stands for it and the complaint belongs to the kiosk's centre.
     */
    private void kioskComplaint(Context ctx) {
        UserInfo kiosk = Access.requireRole(ctx, Role.KIOSK);
        NewCase c = CaseRoutes.readCase(JsonBody.of(ctx, mapper), CaseKind.COMPLAINT, true);
        NewCase atKiosk = NewCase.complaint(c.category(), c.customerCode(), c.name(), c.phone(), c.email(), c.description(),
                kiosk.branchCode(), null);
        // a double tap or a resend after a lost answer (the kiosk's sendTap keys each tap): one complaint
        idempotency.createIfKeyed(ctx, Idempotency.KIOSK_COMPLAINTS, kiosk, h -> cases.file(h, atKiosk, CaseChannel.KIOSK));
    }

    /** The citizen's address, seen through the trusted proxies: behind one, ctx.ip() is the proxy for everybody. */
    private String address(Context ctx) {
        String ip = clientAddress.of(ctx);
        return ip.length() > 64 ? ip.substring(0, 64) : ip;
    }
}
