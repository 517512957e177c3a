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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Money a clerk took offline that reaches the server after the offline window: her own resend is refused (API.md),
 * and a supervisor of the centre enters it with her own login, naming the clerk. It is booked once, on the day the
 * money was taken, as a late entry for review, with the clerk as its clerk and the supervisor as its approver, in
 * the audit log; a resend of the supervisor's request replays, under the very key the clerk's refused attempt used.
 */
class LateOfflineEntryTest {

    /** Last week's Friday, 15:00 in Tirana: the clerk opens her counter. */
    private static final Instant FRIDAY_AFTERNOON = LocalDate.now(BusinessTime.ZONE).minusWeeks(1)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY)).atTime(LocalTime.of(15, 0)).atZone(BusinessTime.ZONE).toInstant();
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

    private static Api.Response pay(String user, String key, Map<String, Object> body) {
        return api.raw("POST", "/api/v1/payments", api.token(user), Api.write(body), Map.of("Idempotency-Key", key));
    }

    private static BigDecimal balance(String customer) {
        return new BigDecimal(api.get("/api/v1/customers/" + customer, api.token("clerk1")).expect(200).json().get("balance").asText());
    }

    @Test
    void aPaymentPastTheOfflineWindowIsRefusedToTheClerkAndBookedOnItsOwnDayWhenHerSupervisorSendsIt() {
        long counter = api.counterId("TR01", 1);
        api.act("clerk1", "/api/v1/counters/" + counter + "/open").expect(200);
        String customer = "100001";
        BigDecimal owedBefore = balance(customer);
        // Friday 16:10: the link is down, the clerk takes 25.00 in cash and prints the receipt; the customer leaves
        Instant takenAt = FRIDAY_AFTERNOON.plus(Duration.ofMinutes(70));
        Map<String, Object> offline = new HashMap<>(Map.of("customerCode", customer, "amount", "25.00", "method", "CASH",
                "tendered", "50.00", "counterId", counter, "offline", true, "takenAt", takenAt.toString()));
        String key = UUID.randomUUID().toString();

        // Monday 09:00: she logs in again and her outbox sends it
        CLOCK.advance(Duration.ofHours(66));
        api.forgetTokens();
        Api.Response refused = pay("clerk1", key, offline).expect(422);
        assertThat(refused.body()).contains("takenAt").contains("48 hours").contains("must be entered by a supervisor");
        assertThat(balance(customer)).as("the refusal took nothing off").isEqualByComparingTo(owedBefore);
        assertThat(api.get("/api/v1/customers/" + customer + "?pending=" + key, api.token("clerk1")).expect(200).json()
                .get("paidKeys")).as("and stored no answer for its key").isEmpty();

        // only a supervisor names who took the money; another centre's supervisor, or a clerk of another centre, is refused
        Map<String, Object> named = new HashMap<>(offline);
        named.put("takenBy", "clerk1");
        pay("clerk1", key, named).expect(403);
        pay("clerk2", key, named).expect(403);
        pay("supervisor2", key, named).expect(403);
        Map<String, Object> wrongClerk = new HashMap<>(offline);
        wrongClerk.put("takenBy", "clerk7");
        assertThat(pay("supervisor1", key, wrongClerk).expect(422).body()).contains("takenBy");
        Map<String, Object> notOffline = new HashMap<>(named);
        notOffline.remove("offline");
        notOffline.remove("takenAt");
        assertThat(pay("supervisor1", key, notOffline).expect(422).body()).contains("takenBy");

        // when the money was taken must be said; nobody approves her own; the named clerk must have held the counter
        // then (clerk1 holds it now, but only since 15:00 on Friday); and no later than the tax office still takes it
        Map<String, Object> noTime = new HashMap<>(named);
        noTime.remove("takenAt");
        assertThat(pay("supervisor1", key, noTime).expect(422).body()).contains("takenAt");
        Map<String, Object> herself = new HashMap<>(named);
        herself.put("takenBy", "supervisor1");
        assertThat(pay("supervisor1", key, herself).expect(422).body()).contains("takenBy");
        Map<String, Object> beforeHerShift = new HashMap<>(named);
        beforeHerShift.put("takenAt", FRIDAY_AFTERNOON.minus(Duration.ofHours(1)).toString());
        assertThat(pay("supervisor1", key, beforeHerShift).expect(422).body()).contains("did not hold this counter");
        Map<String, Object> tooOld = new HashMap<>(named);
        tooOld.put("takenAt", CLOCK.instant().minus(Duration.ofDays(41)).toString());
        assertThat(pay("supervisor1", key, tooOld).expect(422).body()).contains("40 days");
        assertThat(balance(customer)).as("none of them took anything").isEqualByComparingTo(owedBefore);

        // the supervisor sends the clerk's payment, under the key of her refused attempt
        JsonNode booked = pay("supervisor1", key, named).expect(201).json();
        assertThat(booked.get("clerk").get("username").asText()).as("the money is the clerk's").isEqualTo("clerk1");
        assertThat(booked.get("approvedBy").asText()).isEqualTo("supervisor1");
        assertThat(Instant.parse(booked.get("takenAt").asText())).as("taken on Friday").isEqualTo(takenAt);
        assertThat(Instant.parse(booked.get("createdAt").asText())).as("received on Monday").isEqualTo(CLOCK.instant());
        assertThat(booked.get("offline").asBoolean()).isTrue();
        assertThat(booked.get("lateEntry").asBoolean()).isTrue();
        assertThat(booked.get("needsReview").asBoolean()).isTrue();
        assertThat(booked.get("change").asText()).isEqualTo("25.00");
        assertThat(api.get("/api/v1/payments/" + booked.get("id").asLong(), api.token("supervisor1")).expect(200).json())
                .as("the answer is the payment as stored").isEqualTo(booked);
        assertThat(balance(customer)).isEqualByComparingTo(owedBefore.subtract(new BigDecimal("25.00")));

        // sent again (an answer lost on the way back): the same payment, once
        Api.Response again = pay("supervisor1", key, named).expect(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.json().get("id").asLong()).isEqualTo(booked.get("id").asLong());
        assertThat(balance(customer)).isEqualByComparingTo(owedBefore.subtract(new BigDecimal("25.00")));
        // the clerk's own resend is still refused: the contract holds for her
        pay("clerk1", UUID.randomUUID().toString(), offline).expect(422);

        // Friday's drawer shows it, apart, as a late entry of the clerk; Monday's does not
        String friday = LocalDate.ofInstant(takenAt, BusinessTime.ZONE).toString();
        JsonNode fridayReport = api.get("/api/v1/reports/cash?counterId=" + counter + "&date=" + friday, api.token("supervisor1"))
                .expect(200).json();
        assertThat(fridayReport.get("payments")).hasSize(1);
        JsonNode line = fridayReport.get("payments").get(0);
        assertThat(line.get("receiptNumber").asText()).isEqualTo(booked.get("receiptNumber").asText());
        assertThat(line.get("lateEntry").asBoolean()).isTrue();
        assertThat(fridayReport.get("lateEntryCount").asInt()).isEqualTo(1);
        assertThat(fridayReport.get("total").asText()).isEqualTo("25.00");
        JsonNode mondayReport = api.get("/api/v1/reports/cash?counterId=" + counter, api.token("supervisor1")).expect(200).json();
        assertThat(mondayReport.get("payments")).isEmpty();

        // and the audit log says who let it in, for whom
        JsonNode log = api.get("/api/v1/audit?branchCode=TR01&kind=changes", api.token("supervisor1")).expect(200).json();
        assertThat(StreamSupport.stream(log.spliterator(), false)
                .filter(e -> e.get("action").asText().equals("payment.late-entry-approved")).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.get("actor").asText()).isEqualTo("supervisor1");
                    assertThat(e.get("target").asText()).isEqualTo("payment " + booked.get("receiptNumber").asText());
                    assertThat(e.get("details").asText()).contains("taken by clerk1").contains(takenAt.toString());
                });
    }
}
