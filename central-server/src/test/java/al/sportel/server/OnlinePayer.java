package al.sportel.server;

import al.sportel.server.channels.Signature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the online-payment tests do as the citizen (sign in, start a payment) and as the provider (a
 * signed webhook, like the sandbox's own), counting every webhook delivery it sends.
 */
final class OnlinePayer {

    static final String WEBHOOK = "/api/v1/online-payments/sandbox/webhook";
    static final AtomicInteger WEBHOOKS_SENT = new AtomicInteger();

    private final TestServer server;
    private final Api api;
    private final byte[] secret;

    OnlinePayer(TestServer server) {
        this.server = server;
        this.api = server.api();
        try {
            this.secret = Files.readString(server.dataDir().resolve("online-pay-webhook.secret"), StandardCharsets.US_ASCII).strip()
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] secret() {
        return secret.clone();
    }

    /** Customers who owe something, in code order: each test takes its own so they stay independent. */
    List<String> debtors() {
        return server.server().database().read(h -> h.createQuery(
                "SELECT customer_code FROM bills GROUP BY customer_code HAVING SUM(amount - paid) > 0 ORDER BY customer_code")
                .mapTo(String.class).list());
    }

    String signIn(String customer) {
        return api.post("/api/v1/public/app/session", null,
                Map.of("customerCode", customer, "proof", CitizenAccountTest.lastBillAmount(server, customer)))
                .expect(201).json().get("accountToken").asText();
    }

    Api.Response start(String token, Object body) {
        return api.raw("POST", "/api/v1/public/app/payments", null, body == null ? "" : Api.write(body),
                token == null ? Map.of() : Map.of("X-Sportel-Account", token));
    }

    JsonNode startOk(String token) {
        return start(token, Map.of()).expect(201).json();
    }

    Api.Response status(String token, String ref) {
        return api.raw("GET", "/api/v1/public/app/payments/" + ref, null, "", Map.of("X-Sportel-Account", token));
    }

    /** The sandbox page's card form, as the browser sends it (the server then calls the webhook itself). */
    Api.Response card(String ref, String number) {
        return api.post("/pay/sandbox/" + ref + "/card", null, Map.of("number", number, "expiry", "12/39", "cvc", "123"));
    }

    Api.Response webhook(String ref, String outcome, String amount) {
        return webhookSignedWith(secret, ref, outcome, amount, Instant.now());
    }

    Api.Response webhookSignedWith(byte[] key, String ref, String outcome, String amount, Instant at) {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("ref", ref);
        event.put("outcome", outcome);
        event.put("amount", amount);
        String body = Api.write(event);
        String ts = Long.toString(at.getEpochSecond());
        String signature = Signature.sign(key, "POST", WEBHOOK, ts, body.getBytes(StandardCharsets.UTF_8));
        WEBHOOKS_SENT.incrementAndGet();
        return api.raw("POST", WEBHOOK, null, body, Map.of("X-Sportel-Timestamp", ts, "X-Sportel-Signature", signature));
    }

    /** Ledger entries of one online payment: what "exactly once" counts. */
    int ledgerEntries(String ref) {
        return server.server().database().read(h -> h.createQuery("""
                        SELECT COUNT(*) FROM channel_payments k JOIN channel_partners c ON c.id = k.partner_id
                        WHERE c.code = 'SANDBOX' AND k.partner_reference = :r
                        """).bind("r", ref).mapTo(Integer.class).one());
    }

    /** All ledger entries of the sandbox provider. */
    int ledgerEntries() {
        return server.server().database().read(h -> h.createQuery("""
                        SELECT COUNT(*) FROM channel_payments k JOIN channel_partners c ON c.id = k.partner_id WHERE c.code = 'SANDBOX'
                        """).mapTo(Integer.class).one());
    }

    int deliveriesSeen(String ref) {
        return server.server().database().read(h -> h.createQuery("SELECT webhooks FROM online_payments WHERE ref = :r")
                .bind("r", ref).mapTo(Integer.class).one());
    }

    long owed(String customer) {
        return server.server().database().read(h -> h.createQuery(
                "SELECT COALESCE(SUM(amount - paid), 0) FROM bills WHERE customer_code = :c").bind("c", customer).mapTo(Long.class).one());
    }
}
