package al.sportel.server.onlinepay;

import al.sportel.model.Role;
import al.sportel.server.auth.Access;
import al.sportel.server.billing.PaymentLimits;
import al.sportel.server.citizen.AccountTokens;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.ClientAddress;
import al.sportel.server.http.JsonBody;
import al.sportel.server.http.RateLimiter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The phone app's payment requests (account session only) and the provider's webhook (signature only).
 * With no provider configured every request is answered 503, so the app can say "not available".
 */
public final class OnlinePayRoutes {

    static final String WEBHOOK = "/api/v1/online-payments/{provider}/webhook";
    static final String MISMATCHES = "/api/v1/online-payment-mismatches";
    private static final Duration HOUR = Duration.ofHours(1);

    private final Optional<OnlinePayments> payments;
    private final Optional<PaymentProvider> provider;
    private final AccountTokens tokens;
    private final ObjectMapper mapper;
    private final ClientAddress address;
    private final PaymentLimits limits;
    private final Clock clock;
    private final RateLimiter perAccount;
    private final RateLimiter perAddress;

    public OnlinePayRoutes(Optional<OnlinePayments> payments, Optional<PaymentProvider> provider, AccountTokens tokens,
                           ObjectMapper mapper, ClientAddress address, PaymentLimits limits, Clock clock) {
        this.payments = payments;
        this.provider = provider;
        this.tokens = tokens;
        this.mapper = mapper;
        this.address = address;
        this.limits = limits;
        this.clock = clock;
        this.perAccount = new RateLimiter(20, HOUR, clock);
        this.perAddress = new RateLimiter(60, HOUR, clock);
    }

    public void register(Javalin app) {
        app.post("/api/v1/public/app/payments", this::start);
        app.get("/api/v1/public/app/payments/{ref}", this::get);
        app.post(WEBHOOK, this::webhook);
        app.get(MISMATCHES, ctx -> {
            Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            ctx.json(service().mismatches());
        });
    }

    private void start(Context ctx) {
        String customer = tokens.requireCustomer(ctx);
        OnlinePayments service = service();
        perAccount.check(customer, "Too many payments started on this account; try again later");
        perAddress.check(address.of(ctx), "Too many payments started from this address; try again later");
        Long amount = null;
        if (!ctx.body().isBlank()) {
            JsonBody body = JsonBody.of(ctx, mapper);
            if (body.has("amount")) {
                amount = body.requiredMoney("amount");
            }
            limits.check(body, amount, false, null, clock.instant());
            body.validate();
        }
        ctx.status(201).json(service.start(customer, amount));
    }

    private void get(Context ctx) {
        String customer = tokens.requireCustomer(ctx);
        String ref = ctx.pathParam("ref");
        if (!ref.matches("[A-Z0-9]{1,40}")) {
            throw ApiException.notFound("No online payment " + ref + " on this account");
        }
        ctx.json(service().get(customer, ref));
    }

    /** No session: the signature is the only proof; a bad one writes nothing and says nothing more. */
    private void webhook(Context ctx) {
        OnlinePayments service = service();
        PaymentProvider p = provider.orElseThrow();
        if (!p.code().equalsIgnoreCase(ctx.pathParam("provider"))) {
            throw ApiException.notFound("No payment provider " + ctx.pathParam("provider"));
        }
        String pathAndQuery = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        PaymentProvider.Event event = p.verify(new PaymentProvider.Delivery(pathAndQuery, ctx.header(HostedPageProvider.TIMESTAMP_HEADER),
                        ctx.header(HostedPageProvider.SIGNATURE_HEADER), ctx.bodyAsBytes()))
                .orElseThrow(() -> new ApiException(401, "bad-signature", "Unauthorized",
                        "The webhook signature is missing or wrong, or its timestamp is outside the window", null, null));
        ctx.json(Map.of("ref", event.providerRef(), "status", service.apply(event)));
    }

    private OnlinePayments service() {
        return payments.orElseThrow(() -> new ApiException(503, "online-payment-off", "Online payment is not available",
                "Online payment is not configured on this server; pay at a counter, post office or bank", null, null));
    }
}
