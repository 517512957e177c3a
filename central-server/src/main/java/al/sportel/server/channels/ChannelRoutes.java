package al.sportel.server.channels;

import al.sportel.model.channels.Partner;
import al.sportel.server.http.TextRules;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.JsonBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The partner API under {@code /api/v1/channels/}: signed with HMAC (never a bearer token), see
 * docs/channels.md. Every route answers for the partner whose key signed the request, and only for it.
 */
public final class ChannelRoutes {

    /** References travel in paths (reversal), so they stay within characters that need no escaping. */
    static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** The most one payment may carry, as a guard against a partner's typing error of a few zeros. */
    static final long MAX_AMOUNT = 10_000_000L * 100;
    private static final Duration MAX_AGE = Duration.ofDays(30);

    private final ChannelAuth auth;
    private final ChannelPayments payments;
    private final Reconciliations reconciliations;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ChannelRoutes(PartnerService partners, ChannelPayments payments, Reconciliations reconciliations, ObjectMapper mapper,
                         Clock clock) {
        this.auth = new ChannelAuth(partners, clock);
        this.payments = payments;
        this.reconciliations = reconciliations;
        this.mapper = mapper;
        this.clock = clock;
    }

    public void register(Javalin app) {
        app.before("/api/v1/channels/*", auth::verify);
        app.get("/api/v1/channels/customers/{code}", ctx -> {
            ChannelAuth.partner(ctx);
            String code = ctx.pathParam("code");
            if (code.length() > 20) {
                throw ApiException.notFound("No customer with that code");
            }
            ctx.json(payments.customer(code));
        });
        app.post("/api/v1/channels/payments", this::pay);
        app.post("/api/v1/channels/payments/{reference}/reversal", ctx -> {
            Partner partner = ChannelAuth.partner(ctx);
            String reference = ctx.pathParam("reference");
            if (!REFERENCE.matcher(reference).matches()) {
                throw ApiException.notFound("No payment with that reference");
            }
            ctx.json(payments.reverse(partner, reference));
        });
        app.post("/api/v1/channels/settlements", ctx -> {
            Partner partner = ChannelAuth.partner(ctx);
            ctx.json(reconciliations.receive(partner, date(ctx), ChannelAuth.body(ctx)));
        });
    }

    private void pay(Context ctx) {
        Partner partner = ChannelAuth.partner(ctx);
        JsonBody body = JsonBody.parse(ChannelAuth.bodyText(ctx), mapper);
        String reference = body.requiredString("partnerReference", 64);
        if (reference != null && !REFERENCE.matcher(reference).matches()) {
            body.addError("partnerReference", "must be 1 to 64 letters, digits or . _ : -");
        }
        String customer = body.requiredString("customerCode", 20);
        Long amount = body.requiredMoney("amount");
        if (amount != null && amount > MAX_AMOUNT) {
            body.addError("amount", "is above the per-payment ceiling");
        }
        Instant paidAt = body.optionalInstant("paidAt");
        if (paidAt == null && !body.has("paidAt")) {
            body.addError("paidAt", "is required");
        }
        Instant now = clock.instant();
        if (paidAt != null && paidAt.isAfter(now.plus(ChannelAuth.WINDOW))) {
            body.addError("paidAt", "is in the future");
        }
        if (paidAt != null && paidAt.isBefore(now.minus(MAX_AGE))) {
            body.addError("paidAt", "is more than 30 days ago; send it in a settlement file");
        }
        String method = body.optionalString("method", 20);
        body.validate();
        ChannelPayments.Outcome outcome = payments.pay(partner, new ChannelPayments.Request(reference, customer, amount, paidAt, method));
        if (outcome.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        ctx.status(201).contentType("application/json").result(outcome.json());
    }

    static LocalDate date(Context ctx) {
        return TextRules.requiredQueryDate(ctx, "date");
    }
}
