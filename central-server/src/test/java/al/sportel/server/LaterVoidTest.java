package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A payment voided on a later day: the day it was taken keeps the figures its drawer was counted against, and the
 * reversal shows in the centre report of the day it was made.
 */
class LaterVoidTest {

    private static final ZoneId TIRANE = ZoneId.of("Europe/Tirane");
    private static MutableClock clock;
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        clock = new MutableClock(LocalDate.now(TIRANE).atTime(LocalTime.of(10, 0)).atZone(TIRANE).toInstant());
        server = TestServer.start(clock);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aVoidOnALaterDayLeavesTheClosedDayAsCountedAndShowsOnItsOwnDay() {
        LocalDate monday = LocalDate.now(clock.withZone(TIRANE));
        long counter = api.counterId("TR01", 1);
        api.act("clerk1", "/api/v1/counters/" + counter + "/open").expect(200);
        JsonNode kept = pay("100001", "120.00", counter);
        JsonNode wrong = pay("100001", "45.50", counter);
        api.raw("POST", "/api/v1/fee-sales", api.token("clerk1"),
                Api.write(Map.of("feeCode", "METER_TEST", "method", "CASH", "tendered", "5000", "counterId", counter)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201);
        JsonNode asCounted = cashReport(counter, monday);
        JsonNode branchMonday = branchReport(monday, monday);
        assertThat(asCounted.get("total").asText()).isEqualTo("165.50");
        assertThat(branchMonday.get("paymentsTotal").asText()).isEqualTo("165.50");
        assertThat(branchMonday.get("fees")).as("the fee sold at the counter is in the centre's report").hasSize(1);
        assertThat(branchMonday.get("feesTotal").asText()).isEqualTo(asCounted.get("feesTotal").asText()).isNotEqualTo("0.00");

        clock.advance(Duration.ofDays(1));
        api.forgetTokens();
        LocalDate tuesday = monday.plusDays(1);
        api.post("/api/v1/payments/" + wrong.get("id").asLong() + "/void", api.token("supervisor1"), Map.of("reason", "wrong customer"))
                .expect(200);

        JsonNode mondayNow = cashReport(counter, monday);
        assertThat(mondayNow.get("total").asText()).as("Monday's drawer held the money when it was counted").isEqualTo("165.50");
        assertThat(mondayNow.get("cashTaken").asText()).isEqualTo(asCounted.get("cashTaken").asText());
        assertThat(mondayNow.get("voidedCount").asInt()).isZero();
        JsonNode line = line(mondayNow, wrong.get("receiptNumber").asText());
        assertThat(line.get("voided").asBoolean()).isFalse();
        assertThat(line.get("voidedLater").asBoolean()).as("but the list says it was voided later").isTrue();
        assertThat(line(mondayNow, kept.get("receiptNumber").asText()).get("voidedLater").asBoolean()).isFalse();

        JsonNode tuesdayAtCounter = cashReport(counter, tuesday);
        assertThat(tuesdayAtCounter.get("earlierVoidedCount").asInt()).as("the counter's Tuesday lists the void").isEqualTo(1);
        assertThat(tuesdayAtCounter.get("earlierVoidedAmount").asText()).isEqualTo("45.50");
        assertThat(tuesdayAtCounter.get("total").asText()).as("in no total").isEqualTo("0.00");
        assertThat(api.get("/api/v1/reports/cash?counterId=" + counter + "&date=" + tuesday + "&format=csv", api.token("supervisor1"))
                .expect(200).body()).as("the shift's CSV too").contains("\nTOTAL,,0.00\n").contains("\nEARLIER_VOIDED,1,45.50\n");
        assertThat(api.get("/api/v1/reports/cash?counterId=" + counter + "&date=" + monday + "&format=csv", api.token("supervisor1"))
                .expect(200).body()).contains("\nTOTAL,,165.50\n").contains("\nCASH_TAKEN,," + asCounted.get("cashTaken").asText() + "\n")
                .contains("\nfeeMethod,count,amount\nCASH,1,").contains(wrong.get("receiptNumber").asText() + ",100001,45.50,CARD,")
                .contains(",false,false,true\n");
        assertThat(branchReport(monday, monday).get("paymentsTotal").asText()).as("Monday's centre report is unchanged").isEqualTo("165.50");
        assertThat(api.get("/api/v1/reports/channels?branchCode=TR01&from=" + monday + "&to=" + monday, api.token("supervisor1"))
                .expect(200).json().get("total").asText()).as("and so is its report by channel").isEqualTo("165.50");
        JsonNode channelsTuesday = channelReport(tuesday, tuesday);
        assertThat(channelsTuesday.get("total").asText()).as("the report by channel of Tuesday: nothing taken").isEqualTo("0.00");
        assertThat(channelsTuesday.get("earlierVoidedCount").asInt()).as("and the reversal apart, as in the centre report").isEqualTo(1);
        assertThat(channelsTuesday.get("earlierVoidedAmount").asText()).isEqualTo("45.50");
        JsonNode cardTuesday = channelsTuesday.get("channels").get(0);
        assertThat(cardTuesday.get("channel").asText()).isEqualTo("COUNTER_CARD");
        assertThat(cardTuesday.get("count").asInt()).isZero();
        assertThat(cardTuesday.get("earlierVoidedAmount").asText()).isEqualTo("45.50");
        JsonNode channelsBoth = channelReport(monday, tuesday);
        assertThat(channelsBoth.get("total").asText()).as("by channel too, both days net the voided payment").isEqualTo("120.00");
        assertThat(channelsBoth.get("earlierVoidedCount").asInt()).isZero();
        assertThat(api.get("/api/v1/reports/channels?branchCode=TR01&from=" + tuesday + "&to=" + tuesday + "&format=csv",
                api.token("supervisor1")).expect(200).body()).contains("COUNTER_CARD,,Counter card,0,0.00,1,45.50")
                .contains("TOTAL,,,,0.00,1,45.50");
        JsonNode branchTuesday = branchReport(tuesday, tuesday);
        assertThat(branchTuesday.get("earlierVoidedCount").asInt()).as("the reversal shows on Tuesday").isEqualTo(1);
        assertThat(branchTuesday.get("earlierVoidedAmount").asText()).isEqualTo("45.50");
        JsonNode bothDays = branchReport(monday, tuesday);
        assertThat(bothDays.get("paymentsTotal").asText()).as("over both days the voided payment nets out").isEqualTo("120.00");
        assertThat(bothDays.get("earlierVoidedCount").asInt()).isZero();
        String csv = api.get("/api/v1/reports/branch?branchCode=TR01&from=" + tuesday + "&to=" + tuesday + "&format=csv",
                api.token("supervisor1")).expect(200).body();
        assertThat(csv).contains("EARLIER_VOIDED,1,45.50");
    }

    private static JsonNode pay(String customer, String amount, long counter) {
        return api.raw("POST", "/api/v1/payments", api.token("clerk1"),
                Api.write(Map.of("customerCode", customer, "amount", amount, "method", "CARD", "counterId", counter)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201).json();
    }

    private static JsonNode cashReport(long counter, LocalDate day) {
        return api.get("/api/v1/reports/cash?counterId=" + counter + "&date=" + day, api.token("supervisor1")).expect(200).json();
    }

    private static JsonNode channelReport(LocalDate from, LocalDate to) {
        return api.get("/api/v1/reports/channels?branchCode=TR01&from=" + from + "&to=" + to, api.token("supervisor1")).expect(200).json();
    }

    private static JsonNode branchReport(LocalDate from, LocalDate to) {
        return api.get("/api/v1/reports/branch?branchCode=TR01&from=" + from + "&to=" + to, api.token("supervisor1")).expect(200).json();
    }

    private static JsonNode line(JsonNode report, String receipt) {
        for (JsonNode l : report.get("payments")) {
            if (l.get("receiptNumber").asText().equals(receipt)) {
                return l;
            }
        }
        throw new AssertionError("no line " + receipt);
    }
}
