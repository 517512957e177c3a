package al.sportel.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.server.Api;
import al.sportel.server.MutableClock;
import al.sportel.server.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partner's reversal that overtakes its payment (docs/decisions/0020-a-reversal-before-its-payment.md): the bank
 * timed out waiting for our answer, reversed, and gave the customer the money back, while the payment was still on its
 * way. The late payment, still inside its signature window, must not be booked: the reference is closed by the
 * reversal, the payment is a 409, and the customer's bills and credit stay as they were.
 */
class ReversalBeforePaymentTest {

    private static final String PAYMENTS = "/api/v1/channels/payments";
    private static MutableClock clock;
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now());
        server = TestServer.start(clock);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static PartnerClient partner(String code) {
        return PartnerClient.register(server, code, "BANK", clock);
    }

    /** What the customer view says is owed and held as credit: what a booked payment would change. */
    private static String ledger(String customer) {
        JsonNode c = api.get("/api/v1/customers/" + customer, api.token("clerk1")).expect(200).json();
        return "balance " + c.get("balance").asText() + ", credit " + c.get("credit").asText();
    }

    private static int payments(String reference) {
        return server.server().database().read(h -> h.createQuery("SELECT COUNT(*) FROM channel_payments WHERE partner_reference = :r")
                .bind("r", reference).mapTo(Integer.class).one());
    }

    /** REVERSED for a payment that arrived; for a reference without one, the 404's problem type (the reference is closed). */
    private static String reversal(PartnerClient partner, String reference) {
        Api.Response r = partner.post(PAYMENTS + "/" + reference + "/reversal", "");
        if (r.status() == 404) {
            assertThat(r.contentType()).startsWith("application/problem+json");
            String type = r.json().get("type").asText();
            return type.substring(type.lastIndexOf('/') + 1);
        }
        return r.expect(200).json().get("status").asText();
    }

    @Test
    void theLatePaymentOfAReferenceReversedFirstIsRefusedAndNothingIsBooked() {
        PartnerClient bank = partner("EARLY");
        String before = ledger("100051");
        Instant paidAt = clock.instant();
        String payment = PartnerClient.payment("EARLY-1", "100051", "35.00", paidAt);

        // the payment, signed at paidAt, is held up on the way; 40 s later the bank gives up and reverses it
        clock.advance(Duration.ofSeconds(40));
        // a 404 as before for a reference with no payment, but the reference is now closed, and the answer says so
        JsonNode rev = bank.post(PAYMENTS + "/EARLY-1/reversal", "").expect(404).json();
        assertThat(rev.get("type").asText()).endsWith("/reversed-before-payment");
        assertThat(rev.get("detail").asText()).contains("EARLY-1").contains("refused");
        assertThat(bank.post(PAYMENTS + "/EARLY-1/reversal", "").expect(404).json()).as("asked again, the same answer").isEqualTo(rev);

        // the delayed payment arrives a minute later, its signature still good: refused, and so is the bank's resend
        clock.advance(Duration.ofSeconds(60));
        for (int send = 0; send < 2; send++) {
            Api.Response late = bank.send("POST", PAYMENTS, payment, paidAt, null).expect(409);
            assertThat(late.contentType()).startsWith("application/problem+json");
            assertThat(late.json().get("type").asText()).endsWith("/reversed-before-payment");
        }
        assertThat(payments("EARLY-1")).isZero();
        assertThat(ledger("100051")).as("no credit for money the bank gave back").isEqualTo(before);

        // the reference is this bank's alone: another partner's payment with the same reference is booked as usual
        partner("EARLY2").post(PAYMENTS, PartnerClient.payment("EARLY-1", "100052", "5.00", clock.instant())).expect(201);
        // and a reversal of a payment that did arrive is a reversal as before
        bank.post(PAYMENTS, PartnerClient.payment("EARLY-3", "100051", "7.00", clock.instant())).expect(201);
        assertThat(reversal(bank, "EARLY-3")).isEqualTo("REVERSED");
        assertThat(ledger("100051")).isEqualTo(before);
    }

    @Test
    void theSettlementFilesLineOfAReferenceReversedFirstIsNotBookedByTheOneClick() {
        PartnerClient bank = partner("EFILE");
        String before = ledger("100053");
        Instant t = clock.instant();
        assertThat(reversal(bank, "EFILE-1")).isEqualTo("reversed-before-payment");
        LocalDate day = LocalDate.ofInstant(t, ZoneId.of("Europe/Tirane"));
        bank.post("/api/v1/channels/settlements?date=" + day, "reference,customer,amount,paidAt\nEFILE-1,100053,12.00," + t + "\n")
                .expect(200);
        JsonNode report = api.get("/api/v1/reconciliation?partner=EFILE&date=" + day, api.token("supervisor1")).expect(200).json();
        long line = report.get("lines").get(0).get("settlementLineId").asLong();
        Api.Response click = api.post("/api/v1/reconciliation/lines/" + line + "/create-payment", api.token("supervisor1"), null).expect(409);
        assertThat(click.json().get("type").asText()).endsWith("/reversed-before-payment");
        assertThat(payments("EFILE-1")).isZero();
        assertThat(ledger("100053")).isEqualTo(before);
    }

    /** Whichever comes first, a payment and its reversal sent at the same moment leave nothing booked. */
    @Test
    void aPaymentAndItsReversalSentTogetherNeverLeaveTheMoneyBooked() throws Exception {
        PartnerClient bank = partner("ERACE");
        String before = ledger("100054");
        int pairs = 12;
        ExecutorService pool = Executors.newFixedThreadPool(2 * pairs);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> paid = new ArrayList<>();
            List<Future<Api.Response>> reversed = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                String reference = "ERACE-" + i;
                String payment = PartnerClient.payment(reference, "100054", "3.00", clock.instant());
                paid.add(pool.submit(() -> {
                    go.await();
                    return bank.post(PAYMENTS, payment);
                }));
                reversed.add(pool.submit(() -> {
                    go.await();
                    return bank.post(PAYMENTS + "/" + reference + "/reversal", "");
                }));
            }
            go.countDown();
            for (int i = 0; i < pairs; i++) {
                Api.Response p = paid.get(i).get(60, TimeUnit.SECONDS);
                Api.Response r = reversed.get(i).get(60, TimeUnit.SECONDS);
                if (r.status() == 200) {
                    assertThat(r.json().get("status").asText()).isEqualTo("REVERSED");
                    assertThat(p.status()).as("reversed after it was booked: " + p.body()).isEqualTo(201);
                } else {
                    assertThat(r.status()).as(r.body()).isEqualTo(404);
                    assertThat(r.json().get("type").asText()).endsWith("/reversed-before-payment");
                    assertThat(p.status()).as("reversed before it came: " + p.body()).isEqualTo(409);
                    assertThat(payments("ERACE-" + i)).isZero();
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(ledger("100054")).isEqualTo(before);
    }
}
