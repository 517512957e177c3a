package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A payment the counter sent online, stopped waiting for and printed offline, arriving days later from its outbox
 * with the time it was held ({@code X-Sportel-Held-For}): booked as taken then, as a late entry for review, and never
 * further back than the tax office still takes: a held time of years used to date a payment decades back.
 */
class HeldPaymentTest {

    /** Last week's Friday, 15:00 in Tirana. */
    private static final Instant FRIDAY_AFTERNOON = LocalDate.now(BusinessTime.ZONE).minusWeeks(1)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY)).atTime(LocalTime.of(15, 0)).atZone(BusinessTime.ZONE).toInstant();
    /** A demo customer who owes more than the payments below. */
    private static final String CUSTOMER = "100001";
    private static final MutableClock CLOCK = new MutableClock(FRIDAY_AFTERNOON);
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

    private static Api.Response payHeld(String clerk, long counter, Duration heldFor) {
        Map<String, Object> body = Map.of("customerCode", CUSTOMER, "amount", "10.00", "method", "CASH", "tendered", "10.00",
                "counterId", counter);
        return api.raw("POST", "/api/v1/payments", api.token(clerk), Api.write(body),
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "X-Sportel-Held-For", Long.toString(heldFor.toSeconds())));
    }

    private static BigDecimal balance() {
        return new BigDecimal(api.get("/api/v1/customers/" + CUSTOMER, api.token("clerk1")).expect(200).json().get("balance").asText());
    }

    @Test
    void aHeldPaymentIsBookedWhenItWasTakenButNeverFurtherBackThanFortyDays() {
        long counter2 = api.counterId("TR01", 2);
        api.act("clerk2", "/api/v1/counters/" + counter2 + "/open").expect(200);
        // Friday 16:00 the payment is sent and never answered; Monday 09:00 the outbox sends it again
        CLOCK.advance(Duration.ofHours(66));
        api.forgetTokens();
        Duration sinceFriday = Duration.ofHours(65);
        BigDecimal before = balance();

        JsonNode booked = payHeld("clerk2", counter2, sinceFriday).expect(201).json();
        assertThat(Instant.parse(booked.get("takenAt").asText())).isEqualTo(FRIDAY_AFTERNOON.plus(Duration.ofHours(1)));
        assertThat(booked.get("offline").asBoolean()).isTrue();
        assertThat(booked.get("lateEntry").asBoolean()).isTrue();
        assertThat(booked.get("needsReview").asBoolean()).isTrue();

        // a counter waits days for its link, not months: past 40 days not even a supervisor enters it
        assertThat(payHeld("clerk2", counter2, Duration.ofDays(41)).expect(422).body()).contains("X-Sportel-Held-For").contains("40 days");
        assertThat(payHeld("clerk2", counter2, Duration.ofSeconds(999_999_999)).expect(422).body()).contains("40 days");
        assertThat(balance()).as("only the first was booked").isEqualByComparingTo(before.subtract(new BigDecimal("10.00")));
    }
}
