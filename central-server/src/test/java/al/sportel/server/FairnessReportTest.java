package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fairness report over HTTP on one hand-timed day: two out-of-order calls with different reasons,
 * one ticket jumped by both, and one call the no-starvation rule decided; the waits are worked out by
 * hand from the clock.
 */
class FairnessReportTest {

    private static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
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

    /** Moves the clock to {@code seconds} after the day's start. */
    private static void at(Instant dayStart, int seconds) {
        CLOCK.advance(Duration.between(CLOCK.instant(), dayStart.plusSeconds(seconds)));
    }

    private static String issue(boolean priority) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceId", api.serviceId("TR01", "K"));
        if (priority) {
            body.put("priorityCategory", "ELDERLY");
        }
        return api.post("/api/v1/branches/TR01/tickets", api.token("kiosk1"), body).expect(201).json().get("id").asText();
    }

    private static void finish(String ticketId) {
        api.act("clerk3", "/api/v1/tickets/" + ticketId + "/start").expect(200);
        api.act("clerk3", "/api/v1/tickets/" + ticketId + "/finish").expect(200);
    }

    private static void callOutOfOrder(long counter, String ticketId, String reason) {
        api.post("/api/v1/tickets/" + ticketId + "/call", api.token("clerk3"), Map.of("counterId", counter, "reason", reason))
                .expect(200);
        finish(ticketId);
    }

    private static String callNext(long counter) {
        String id = api.act("clerk3", "/api/v1/counters/" + counter + "/call-next").expect(200).json().get("id").asText();
        finish(id);
        return id;
    }

    @Test
    void showsOutOfOrderSharesThePlacesATicketLostAndHowTheRuleChangedRegularWaits() {
        Instant day = CLOCK.instant();
        LocalDate today = LocalDate.ofInstant(day, TIRANA);
        long counter = api.counterId("TR01", 3);
        String supervisor = api.token("supervisor1");
        api.put("/api/v1/counters/" + counter + "/services", supervisor,
                Map.of("serviceIds", List.of(api.serviceId("TR01", "K")))).expect(200);
        api.act("clerk3", "/api/v1/counters/" + counter + "/open").expect(200);
        Map<String, Object> rule = new HashMap<>();
        rule.put("maxPriorityInRow", 1);
        rule.put("maxRegularWaitMinutes", null);
        api.put("/api/v1/services/" + api.serviceId("TR01", "K") + "/fairness-rule", supervisor, rule).expect(200);

        String r1 = issue(false);
        at(day, 10);
        String r2 = issue(false);
        at(day, 20);
        String r3 = issue(false);
        at(day, 60);
        callOutOfOrder(counter, r3, "CAME_BACK"); // jumps r1 and r2; waited 60 - 20 = 40 s
        at(day, 120);
        callOutOfOrder(counter, r2, "PAPERS_READY"); // jumps r1 again; waited 110 s
        at(day, 180);
        assertThat(callNext(counter)).isEqualTo(r1); // waited 180 s
        at(day, 220);
        String r4 = issue(false);
        at(day, 230);
        String p1 = issue(true);
        at(day, 240);
        String p2 = issue(true);
        at(day, 300);
        assertThat(callNext(counter)).isEqualTo(p1); // waited 70 s
        at(day, 360);
        assertThat(callNext(counter)).isEqualTo(r4); // one priority call in a row is the limit: 140 s
        at(day, 420);
        assertThat(callNext(counter)).isEqualTo(p2); // waited 180 s

        String query = "/api/v1/reports/fairness?from=" + today + "&to=" + today;
        JsonNode r = api.get(query, supervisor).expect(200).json();
        assertThat(r.get("branchCode").asText()).isEqualTo("TR01");
        assertThat(r.get("calls").asInt()).isEqualTo(6);
        assertThat(r.get("outOfOrderCalls").asInt()).isEqualTo(2);
        assertThat(r.get("outOfOrderShare").asDouble()).isEqualTo(0.3333);
        JsonNode clerk = r.get("byClerk").get(0);
        assertThat(clerk.get("username").asText()).isEqualTo("clerk3");
        assertThat(clerk.get("calls").asInt()).isEqualTo(6);
        assertThat(clerk.get("outOfOrderCalls").asInt()).isEqualTo(2);
        assertThat(r.get("byReason").findValuesAsText("reason")).containsExactly("CAME_BACK", "PAPERS_READY");
        assertThat(r.get("byReason").findValuesAsText("share")).containsExactly("0.5", "0.5");
        assertThat(r.get("maxPlacesSkippedInOneCall").asInt()).isEqualTo(2);
        JsonNode lost = r.get("mostPlacesLost");
        assertThat(lost.get("places").asInt()).isEqualTo(2);
        assertThat(lost.get("ticketNumber").asText())
                .isEqualTo(api.get("/api/v1/tickets/" + r1, supervisor).expect(200).json().get("number").asText());
        assertThat(r.get("regularWaits").get("tickets").asInt()).isEqualTo(4); // 40, 110, 140, 180
        assertThat(r.get("regularWaits").get("medianSeconds").asLong()).isEqualTo(110);
        assertThat(r.get("regularWaits").get("p90Seconds").asLong()).isEqualTo(180);
        assertThat(r.get("priorityWaits").get("tickets").asInt()).isEqualTo(2); // 70, 180
        assertThat(r.get("priorityWaits").get("medianSeconds").asLong()).isEqualTo(70);
        assertThat(r.get("priorityWaits").get("maxSeconds").asLong()).isEqualTo(180);
        assertThat(r.get("starvationPromotions").asInt()).isEqualTo(1);
        assertThat(r.get("starvationPromotionsByRule").get("IN_ROW").asInt()).isEqualTo(1);

        Api.Response csv = api.get(query + "&format=csv", supervisor).expect(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("outOfOrderShare,0.3333", "mostPlacesLost,2", "CAME_BACK,1,0.5",
                "regular,4,110,180,180", "starvationPromotions,1");

        // A day without calls: shares are empty, not a division by zero.
        LocalDate next = today.plusDays(1);
        JsonNode empty = api.get("/api/v1/reports/fairness?from=" + next + "&to=" + next, supervisor).expect(200).json();
        assertThat(empty.get("calls").asInt()).isZero();
        assertThat(empty.get("outOfOrderShare").isNull()).isTrue();
        assertThat(empty.get("mostPlacesLost").isNull()).isTrue();
        assertThat(empty.get("regularWaits").get("medianSeconds").isNull()).isTrue();
    }

    @Test
    void aSupervisorSeesTheirCentreAnAdminAnyAndBadInputIsAProblem() {
        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), TIRANA);
        String query = "/api/v1/reports/fairness?from=" + today.minusDays(3) + "&to=" + today;
        api.get(query, api.token("clerk3")).expect(403);
        api.get(query + "&branchCode=TR01", api.token("supervisor2")).expect(403);
        JsonNode all = api.get(query, api.token("admin")).expect(200).json();
        assertThat(all.get("branchCode").isNull()).isTrue();
        JsonNode tr01 = api.get(query + "&branchCode=TR01", api.token("admin")).expect(200).json();
        assertThat(all.get("calls").asInt()).isGreaterThanOrEqualTo(tr01.get("calls").asInt());
        api.get(query + "&branchCode=ZZ01", api.token("admin")).expect(404);
        for (String bad : List.of("?from=" + today + "&to=" + today.minusDays(1), "?from=yesterday&to=" + today, "?to=" + today,
                "?from=" + today + "&to=" + today + "&format=pdf")) {
            Api.Response r = api.get("/api/v1/reports/fairness" + bad, api.token("admin")).expect(422);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }
}
