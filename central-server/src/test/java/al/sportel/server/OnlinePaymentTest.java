package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.BusinessTime;
import al.sportel.model.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Online payment through the sandbox provider, on a real server (H2, and PostgreSQL in the postgres run):
 * the money lands on the ledger exactly once however the webhook arrives, and only the signed webhook can
 * put it there.
 */
class OnlinePaymentTest {

    private static TestServer server;
    private static Api api;
    private static OnlinePayer payer;
    private static Iterator<String> debtors;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
        payer = new OnlinePayer(server);
        debtors = payer.debtors().iterator();
    }

    @AfterAll
    static void stop() {
        int accepted = server.server().database().read(h -> h.createQuery("SELECT COALESCE(SUM(webhooks), 0) FROM online_payments")
                .mapTo(Integer.class).one());
        int paid = server.server().database().read(h -> h.createQuery("SELECT COUNT(*) FROM online_payments WHERE status = 'PAID'")
                .mapTo(Integer.class).one());
        System.out.printf("OnlinePaymentTest: %d webhook deliveries sent by the test as the provider, %d accepted in all (with the"
                + " sandbox's own), %d payments paid, %d ledger entries%n", OnlinePayer.WEBHOOKS_SENT.get(), accepted, paid, payer.ledgerEntries());
        server.close();
    }

    @Test
    void theSuccessCardPaysTheAmountDueOnceWithAReceiptAndAsAnOnlineChannel() {
        String customer = debtors.next();
        String token = payer.signIn(customer);
        long due = payer.owed(customer);
        JsonNode started = payer.startOk(token);
        String ref = started.get("ref").asText();
        assertThat(started.get("status").asText()).isEqualTo("PENDING");
        assertThat(started.get("amount").asText()).isEqualTo(Money.format(due));
        assertThat(started.get("redirectUrl").asText()).isEqualTo(server.baseUrl() + "/pay/sandbox/" + ref);

        JsonNode answer = payer.card(ref, "4242 4242 4242 4242").expect(200).json();
        assertThat(answer.get("outcome").asText()).isEqualTo("PAID");
        assertThat(answer.get("redirectUrl").asText()).isEqualTo(server.baseUrl() + "/app#/pay-result?ref=" + ref);

        JsonNode paid = payer.status(token, ref).expect(200).json();
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        JsonNode receipt = paid.get("receipt");
        assertThat(receipt.get("receiptNumber").asText()).startsWith("CH-SANDBOX-");
        assertThat(receipt.get("url").asText()).endsWith("/public/receipts/" + receipt.get("verificationCode").asText());
        assertThat(payer.owed(customer)).isZero();
        assertThat(payer.ledgerEntries(ref)).isEqualTo(1);

        JsonNode check = api.get("/api/v1/public/receipts/" + receipt.get("verificationCode").asText(), null).expect(200).json();
        assertThat(check.get("receiptNumber").asText()).isEqualTo(receipt.get("receiptNumber").asText());
        assertThat(check.get("amount").asText()).isEqualTo(Money.format(due));

        JsonNode last = api.get("/api/v1/customers/" + customer, api.token("admin")).expect(200).json().get("lastPayments").get(0);
        assertThat(last.get("channel").asText()).isEqualTo("ONLINE");
        assertThat(last.get("receiptNumber").asText()).isEqualTo(receipt.get("receiptNumber").asText());

        String today = LocalDate.now(BusinessTime.ZONE).toString();
        JsonNode report = api.get("/api/v1/reports/channels?from=" + today + "&to=" + today, api.token("admin")).expect(200).json();
        List<String> channels = new ArrayList<>();
        report.get("channels").forEach(r -> channels.add(r.get("channel").asText() + "/" + r.path("partnerCode").asText()));
        assertThat(channels).contains("ONLINE/SANDBOX").doesNotContain("COUNTER_CASH/");
        int fiscalized = server.server().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM payments WHERE customer_code = :c").bind("c", customer).mapTo(Integer.class).one());
        assertThat(fiscalized).as("no counter payment (and so no counter cash, no fiscal receipt) is made").isZero();
    }

    @Test
    void theDeclineCardAndCancelLeaveTheBillsUnpaid() {
        String customer = debtors.next();
        String token = payer.signIn(customer);
        long due = payer.owed(customer);
        String declined = payer.startOk(token).get("ref").asText();
        assertThat(payer.card(declined, "4000000000000002").expect(200).json().get("outcome").asText()).isEqualTo("DECLINED");
        assertThat(payer.status(token, declined).expect(200).json().get("status").asText()).isEqualTo("DECLINED");
        assertThat(payer.status(token, declined).json().get("receipt").isNull()).isTrue();

        String abandoned = payer.startOk(token).get("ref").asText();
        assertThat(api.post("/pay/sandbox/" + abandoned + "/cancel", null, Map.of()).expect(200).json().get("outcome").asText())
                .isEqualTo("ABANDONED");
        assertThat(payer.status(token, abandoned).json().get("status").asText()).isEqualTo("ABANDONED");
        assertThat(payer.card(abandoned, "4242424242424242").status()).as("a closed page takes no card").isEqualTo(409);

        assertThat(payer.ledgerEntries(declined) + payer.ledgerEntries(abandoned)).isZero();
        assertThat(payer.owed(customer)).isEqualTo(due);
        Api.Response badCard = payer.card(payer.startOk(token).get("ref").asText(), "4242424242424241");
        assertThat(badCard.status()).isEqualTo(422);
        assertThat(badCard.body()).contains("number");
    }

    @Test
    void theSameWebhookTwiceMakesOnePayment() {
        String customer = debtors.next();
        String token = payer.signIn(customer);
        JsonNode started = payer.startOk(token);
        String ref = started.get("ref").asText();
        String amount = started.get("amount").asText();
        assertThat(payer.webhook(ref, "PAID", amount).expect(200).json().get("status").asText()).isEqualTo("PAID");
        assertThat(payer.webhook(ref, "PAID", amount).expect(200).json().get("status").asText()).isEqualTo("PAID");
        assertThat(payer.webhook(ref, "DECLINED", amount).expect(200).json().get("status").asText())
                .as("nothing undoes a payment").isEqualTo("PAID");
        assertThat(payer.deliveriesSeen(ref)).isEqualTo(3);
        assertThat(payer.ledgerEntries(ref)).isEqualTo(1);
        assertThat(payer.owed(customer)).isZero();
    }

    @Test
    void theSameWebhookFromEightThreadsAtOnceMakesOnePayment() throws Exception {
        String customer = debtors.next();
        String token = payer.signIn(customer);
        JsonNode started = payer.startOk(token);
        String ref = started.get("ref").asText();
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return payer.webhook(ref, "PAID", started.get("amount").asText());
                }));
            }
            go.countDown();
            for (Future<Api.Response> a : answers) {
                assertThat(a.get().status()).as(a.get().body()).isEqualTo(200);
                assertThat(a.get().json().get("status").asText()).isEqualTo("PAID");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(payer.deliveriesSeen(ref)).isEqualTo(threads);
        assertThat(payer.ledgerEntries(ref)).isEqualTo(1);
        assertThat(payer.owed(customer)).isZero();
    }

    @Test
    void aWebhookBeforeTheBrowserReturnsSettlesItAndThePageThenSaysItIsClosed() {
        String customer = debtors.next();
        String token = payer.signIn(customer);
        JsonNode started = payer.startOk(token);
        String ref = started.get("ref").asText();
        payer.webhook(ref, "PAID", started.get("amount").asText()).expect(200);
        assertThat(payer.status(token, ref).json().get("status").asText()).isEqualTo("PAID");
        assertThat(api.get("/pay/sandbox/" + ref + "/info", null).expect(200).json().get("status").asText()).isEqualTo("PAID");
        assertThat(payer.card(ref, "4242424242424242").status()).isEqualTo(409);
        assertThat(payer.ledgerEntries(ref)).isEqualTo(1);
    }

    @Test
    void aLateWebhookLandsAfterTheSessionEndedAndAfterTheCitizenCancelled() {
        String customer = debtors.next();
        String token = payer.signIn(customer);
        JsonNode started = payer.startOk(token);
        String ref = started.get("ref").asText();
        api.post("/pay/sandbox/" + ref + "/cancel", null, Map.of()).expect(200);
        api.raw("DELETE", "/api/v1/public/app/session", null, "", Map.of("X-Sportel-Account", token)).expect(204);
        assertThat(payer.status(token, ref).status()).as("the session is over").isEqualTo(401);

        // the provider took the money after all: it is on the ledger, once
        payer.webhook(ref, "PAID", started.get("amount").asText()).expect(200);
        payer.webhook(ref, "PAID", started.get("amount").asText()).expect(200);
        String again = payer.signIn(customer);
        JsonNode paid = payer.status(again, ref).expect(200).json();
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("receipt").get("receiptNumber").asText()).startsWith("CH-SANDBOX-");
        assertThat(payer.ledgerEntries(ref)).isEqualTo(1);
    }

    @Test
    void aBadSignatureOrAStaleTimestampIsRefusedAndWritesNothing() {
        String customer = debtors.next();
        String token = payer.signIn(customer);
        JsonNode started = payer.startOk(token);
        String ref = started.get("ref").asText();
        String amount = started.get("amount").asText();
        Api.Response forged = payer.webhookSignedWith("not the secret".getBytes(StandardCharsets.UTF_8), ref, "PAID", amount, Instant.now());
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(payer.webhook(ref, "PAID", amount).status()).as("control: the right key works").isEqualTo(200);

        String second = payer.startOk(payer.signIn(debtors.next())).get("ref").asText();
        Api.Response stale = payer.webhookSignedWith(payer.secret(), second, "PAID", amount, Instant.now().minusSeconds(600));
        assertThat(stale.status()).isEqualTo(401);
        Api.Response unsigned = api.post(OnlinePayer.WEBHOOK, null, Map.of("ref", second, "outcome", "PAID", "amount", amount));
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(payer.deliveriesSeen(second)).isZero();
        assertThat(payer.ledgerEntries(second)).isZero();
        assertThat(api.get("/pay/sandbox/" + second + "/info", null).json().get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void aPaidWebhookWithAnotherAmountIsKeptOnceForReconciliationAndNotOnTheLedger() {
        JsonNode started = payer.startOk(payer.signIn(debtors.next()));
        String ref = started.get("ref").asText();
        Api.Response wrongAmount = payer.webhook(ref, "PAID", "1.00");
        assertThat(wrongAmount.status()).as("200 so the provider stops retrying").isEqualTo(200);
        assertThat(wrongAmount.json().get("status").asText()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(payer.webhook(ref, "PAID", "1.00").expect(200).json().get("status").asText()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(payer.webhook(ref, "PAID", started.get("amount").asText()).expect(200).json().get("status").asText())
                .as("a later right amount does not put it on the ledger behind finance's back").isEqualTo("AMOUNT_MISMATCH");
        assertThat(payer.ledgerEntries(ref)).isZero();
        assertThat(payer.deliveriesSeen(ref)).isEqualTo(3);

        api.get("/api/v1/online-payment-mismatches", api.token("clerk1")).expect(403);
        List<JsonNode> mine = new ArrayList<>();
        api.get("/api/v1/online-payment-mismatches", api.token("supervisor1")).expect(200).json().forEach(m -> {
            if (m.get("ref").asText().equals(ref)) {
                mine.add(m);
            }
        });
        assertThat(mine).as("one record however often it is delivered").hasSize(1);
        assertThat(mine.get(0).get("reportedAmount").asText()).isEqualTo("1.00");
        assertThat(mine.get(0).get("amount").asText()).isEqualTo(started.get("amount").asText());
    }

    @Test
    void anotherAccountsPaymentIsNotFoundAndBadRequestsAreRefused() {
        String owner = debtors.next();
        String ref = payer.startOk(payer.signIn(owner)).get("ref").asText();
        String other = payer.signIn(debtors.next());
        Api.Response foreign = payer.status(other, ref);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(payer.status(other, "NOSUCHREF").status()).isEqualTo(404);

        assertThat(payer.start(null, Map.of()).status()).isEqualTo(401);
        assertThat(payer.start(other, Map.of("amount", "abc")).status()).isEqualTo(422);
        assertThat(payer.start(other, Map.of("amount", "0")).status()).isEqualTo(422);
        assertThat(payer.start(other, Map.of("amount", "99999999.00")).status()).isEqualTo(422);
        JsonNode part = payer.start(other, Map.of("amount", "1.50")).expect(201).json();
        assertThat(part.get("amount").asText()).isEqualTo("1.50");
        Api.Response nothingDue = payer.start(payer.signIn(noDebtor()), Map.of());
        assertThat(nothingDue.status()).isEqualTo(422);
    }

    @Test
    void startingPaymentsIsLimitedPerAccount() {
        String token = payer.signIn(debtors.next());
        for (int i = 0; i < 20; i++) {
            payer.start(token, Map.of("amount", "1.00")).expect(201);
        }
        Api.Response throttled = payer.start(token, Map.of("amount", "1.00"));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }

    private static String noDebtor() {
        return server.server().database().read(h -> h.createQuery("""
                SELECT c.code FROM customers c WHERE NOT EXISTS (SELECT 1 FROM bills b WHERE b.customer_code = c.code AND b.paid < b.amount)
                  AND EXISTS (SELECT 1 FROM bills b WHERE b.customer_code = c.code) ORDER BY c.code
                """).mapTo(String.class).first());
    }
}
