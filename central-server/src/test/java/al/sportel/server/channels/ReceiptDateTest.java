package al.sportel.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.BusinessTime;
import al.sportel.model.Formats;
import al.sportel.server.Api;
import al.sportel.server.MutableClock;
import al.sportel.server.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The receipt's verification page (its QR code) and its API say when the money was taken, the date printed
 * on the paper receipt, not when the server happened to record it: a counter's payment taken offline two days
 * before the server heard of it, a partner's payment sent days after the customer paid.
 */
class ReceiptDateTest {

    /** Three days ago, 17:00 in Tirana. */
    private static final Instant START = LocalDate.now(BusinessTime.ZONE).minusDays(3).atTime(LocalTime.of(17, 0))
            .atZone(BusinessTime.ZONE).toInstant();
    private static final MutableClock CLOCK = new MutableClock(START);
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(CLOCK);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertShowsPaidAt(String verificationCode, Instant paidAt, Instant recordedAt) {
        String page = api.get("/public/receipts/" + verificationCode, null).expect(200).body();
        assertThat(page).contains("Data / Date: " + Formats.dateTime(paidAt)).doesNotContain(Formats.dateTime(recordedAt));
        JsonNode check = api.get("/api/v1/public/receipts/" + verificationCode, null).expect(200).json();
        assertThat(Instant.parse(check.get("paidAt").asText())).isEqualTo(paidAt);
        assertThat(Instant.parse(check.get("createdAt").asText())).as("still says when it was recorded").isEqualTo(recordedAt);
    }

    @Test
    void aCounterPaymentTakenOfflineDaysEarlierVerifiesWithTheDayItWasTaken() {
        long counter = api.counterId("TR01", 2);
        api.act("clerk2", "/api/v1/counters/" + counter + "/open").expect(200);
        // 18:00: the link is down; the clerk takes 15.00 in cash and prints the receipt with this time
        Instant takenAt = START.plus(Duration.ofHours(1));
        // 09:30 two days later the clerk's outbox reaches the server
        CLOCK.advance(Duration.ofHours(40).plusMinutes(30));
        api.forgetTokens();
        JsonNode paid = api.raw("POST", "/api/v1/payments", api.token("clerk2"), Api.write(Map.of("customerCode", "100001",
                        "amount", "15.00", "method", "CASH", "tendered", "15.00", "counterId", counter, "offline", true,
                        "takenAt", takenAt.toString())), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .expect(201).json();
        Instant recordedAt = Instant.parse(paid.get("createdAt").asText());
        assertThat(LocalDate.ofInstant(recordedAt, BusinessTime.ZONE)).isEqualTo(LocalDate.ofInstant(takenAt, BusinessTime.ZONE).plusDays(2));
        assertShowsPaidAt(paid.get("verificationCode").asText(), takenAt, recordedAt);
    }

    @Test
    void aPartnersPaymentVerifiesWithTheTimeTheCustomerPaid() {
        PartnerClient post = PartnerClient.register(server, "RDT", "POST", CLOCK);
        Instant paidAt = CLOCK.instant().minus(Duration.ofDays(3));
        JsonNode paid = post.post("/api/v1/channels/payments", PartnerClient.payment("RDT-1", "100003", "20.00", paidAt)).expect(201).json();
        Instant recordedAt = Instant.parse(paid.get("receivedAt").asText());
        String code = server.server().database().read(h -> h.createQuery(
                "SELECT verification_code FROM channel_payments WHERE partner_reference = 'RDT-1'").mapTo(String.class).one());
        assertShowsPaidAt(code, paidAt, recordedAt);
    }
}
