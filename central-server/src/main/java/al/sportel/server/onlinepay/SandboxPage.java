package al.sportel.server.onlinepay;

import al.sportel.model.BusinessTime;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.JsonBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in sandbox provider's hosted payment page, {@code /pay/sandbox/{ref}}: it stands where a real
 * provider's page would be, takes a test card (or the citizen's cancel), tells our webhook the outcome
 * server-to-server, signed, and sends the browser back to the app's result screen. It takes no money.
 */
public final class SandboxPage {

    private final OnlinePayments payments;
    private final SandboxWebhooks webhooks;
    private final ObjectMapper mapper;
    private final Clock clock;

    SandboxPage(OnlinePayments payments, SandboxWebhooks webhooks, ObjectMapper mapper, Clock clock) {
        this.payments = payments;
        this.webhooks = webhooks;
        this.mapper = mapper;
        this.clock = clock;
    }

    public void register(Javalin app) {
        app.get("/pay/sandbox/{ref}", this::page);
        app.get("/pay/sandbox/{ref}/info", ctx -> ctx.json(pending(ctx, false)));
        app.post("/pay/sandbox/{ref}/card", this::card);
        app.post("/pay/sandbox/{ref}/cancel", ctx -> finish(ctx, pending(ctx, true), PaymentProvider.Outcome.ABANDONED));
    }

    private void page(Context ctx) throws IOException {
        try (InputStream in = SandboxPage.class.getResourceAsStream("/web/pay-sandbox.html")) {
            ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-store").result(in.readAllBytes());
        }
    }

    private void card(Context ctx) {
        OnlinePayments.PageInfo info = pending(ctx, true);
        JsonBody body = JsonBody.of(ctx, mapper);
        String number = body.requiredString("number", 30);
        String expiry = body.requiredString("expiry", 5);
        String cvc = body.requiredString("cvc", 4);
        String digits = SandboxCards.check(body, number, expiry, cvc, YearMonth.now(clock.withZone(BusinessTime.ZONE)));
        body.validate();
        finish(ctx, info, SandboxCards.outcome(digits));
    }

    private void finish(Context ctx, OnlinePayments.PageInfo info, PaymentProvider.Outcome outcome) {
        webhooks.deliver(info.ref(), outcome, info.amount());
        ctx.json(Map.of("outcome", outcome.name(), "redirectUrl", info.returnUrl()));
    }

    /** The payment the page is for; {@code open}: it must still be waiting for the card. */
    private OnlinePayments.PageInfo pending(Context ctx, boolean open) {
        String ref = ctx.pathParam("ref");
        OnlinePayments.PageInfo info = (ref.length() <= 64 ? payments.pageInfo(ref) : Optional.<OnlinePayments.PageInfo>empty())
                .orElseThrow(() -> ApiException.notFound("No payment " + ref));
        if (open && !"PENDING".equals(info.status())) {
            throw ApiException.conflict("already-completed", "This payment is already " + info.status());
        }
        return info;
    }
}
