package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's queue rules over HTTP: priority categories, the no-starvation bound, out-of-order calls
 * with their audit, no-show reactivation and pauses with a reason. One server for the class; every
 * test starts on a new business day (the clock jumps a day), so queues never mix, and uses its own
 * counter.
 */
class FairQueueTest {

    private static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
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

    @BeforeEach
    void nextDay() {
        CLOCK.advance(Duration.ofDays(1));
        api.forgetTokens();
    }

    private JsonNode issue(String letter, Map<String, Object> extra) {
        CLOCK.advance(Duration.ofSeconds(10));
        Map<String, Object> body = new HashMap<>(extra);
        body.put("serviceId", api.serviceId("TR01", letter));
        return api.post("/api/v1/branches/TR01/tickets", api.token("kiosk1"), body).expect(201).json();
    }

    private JsonNode regular(String letter) {
        return issue(letter, Map.of());
    }

    private JsonNode elderly(String letter) {
        return issue(letter, Map.of("priorityCategory", "ELDERLY"));
    }

    /** Opens counter {@code number} for {@code clerk} serving only {@code letter}. */
    private long counter(String clerk, int number, String letter) {
        long id = api.counterId("TR01", number);
        api.put("/api/v1/counters/" + id + "/services", api.token("supervisor1"),
                Map.of("serviceIds", List.of(api.serviceId("TR01", letter)))).expect(200);
        Api.Response open = api.act(clerk, "/api/v1/counters/" + id + "/open");
        assertThat(open.status()).isIn(200, 409); // already open from an earlier test is fine
        return id;
    }

    /** Calls, serves and finishes the next ticket; its number, or null when nothing waits. */
    private String serveNext(String clerk, long counter) {
        Api.Response r = api.act(clerk, "/api/v1/counters/" + counter + "/call-next");
        if (r.status() == 204) {
            return null;
        }
        String id = r.expect(200).json().get("id").asText();
        CLOCK.advance(Duration.ofSeconds(30));
        api.act(clerk, "/api/v1/tickets/" + id + "/start").expect(200);
        api.act(clerk, "/api/v1/tickets/" + id + "/finish").expect(200);
        return r.json().get("number").asText();
    }

    private void setRule(String letter, Integer inRow, Integer minutes) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("maxPriorityInRow", inRow);
        rule.put("maxRegularWaitMinutes", minutes);
        api.put("/api/v1/services/" + api.serviceId("TR01", letter) + "/fairness-rule", api.token("supervisor1"), rule).expect(200);
    }

    private JsonNode boardLine(String letter) {
        for (JsonNode s : api.get("/api/v1/branches/TR01/board", api.token("supervisor1")).expect(200).json().get("services")) {
            if (s.get("letter").asText().equals(letter)) {
                return s;
            }
        }
        throw new AssertionError("no service " + letter + " on the board");
    }

    @Test
    void aCategoryMakesATicketPriorityAndTheBareFlagStillWorks() {
        JsonNode categories = api.get("/api/v1/priority-categories", api.token("kiosk1")).expect(200).json();
        assertThat(categories.findValuesAsText("code")).containsExactly("ELDERLY", "DISABILITY", "PREGNANCY");

        JsonNode pregnant = issue("P", Map.of("priorityCategory", "PREGNANCY"));
        assertThat(pregnant.get("priority").asBoolean()).isTrue();
        assertThat(pregnant.get("priorityCategory").asText()).isEqualTo("PREGNANCY");
        JsonNode legacy = issue("P", Map.of("priority", true));
        assertThat(legacy.get("priority").asBoolean()).isTrue();
        assertThat(legacy.get("priorityCategory").isNull()).isTrue();

        String tickets = "/api/v1/branches/TR01/tickets";
        long p = api.serviceId("TR01", "P");
        Api.Response unknown = api.post(tickets, api.token("kiosk1"), Map.of("serviceId", p, "priorityCategory", "VIP")).expect(422);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("priorityCategory");
        api.post(tickets, api.token("kiosk1"), Map.of("serviceId", p, "priority", false, "priorityCategory", "ELDERLY")).expect(422);

        // an admin adds a category; a supervisor then gives it to a waiting ticket
        api.put("/api/v1/priority-categories/WAR_VETERAN", api.token("supervisor1"),
                Map.of("name", "Veteran lufte", "nameEn", "War veteran")).expect(403);
        api.put("/api/v1/priority-categories/WAR_VETERAN", api.token("admin"),
                Map.of("name", "Veteran lufte", "nameEn", "War veteran")).expect(200);
        JsonNode plain = regular("P");
        JsonNode moved = api.post("/api/v1/tickets/" + plain.get("id").asText() + "/priority", api.token("supervisor1"),
                Map.of("priorityCategory", "WAR_VETERAN")).expect(200).json();
        assertThat(moved.get("priority").asBoolean()).isTrue();
        assertThat(moved.get("priorityCategory").asText()).isEqualTo("WAR_VETERAN");
    }

    @Test
    void afterThreePriorityCallsInARowTheWaitingRegularTicketGoesNext() {
        setRule("P", 3, null);
        long c1 = counter("clerk1", 1, "P");
        String r1 = regular("P").get("number").asText();
        List<String> priority = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            priority.add(elderly("P").get("number").asText());
        }
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            order.add(serveNext("clerk1", c1));
        }
        JsonNode line = boardLine("P");
        assertThat(line.get("maxPriorityInRow").asInt()).isEqualTo(3);
        assertThat(line.get("priorityInRow").asInt()).isEqualTo(3);
        String next;
        while ((next = serveNext("clerk1", c1)) != null) {
            order.add(next);
        }
        assertThat(order).containsExactly(priority.get(0), priority.get(1), priority.get(2), r1, priority.get(3), priority.get(4));

        // With the rule off, every priority ticket goes first.
        CLOCK.advance(Duration.ofDays(1));
        api.forgetTokens();
        setRule("P", null, null);
        counter("clerk1", 1, "P");
        String r2 = regular("P").get("number").asText();
        for (int i = 0; i < 4; i++) {
            elderly("P");
        }
        List<String> unbounded = new ArrayList<>();
        while ((next = serveNext("clerk1", c1)) != null) {
            unbounded.add(next);
        }
        assertThat(unbounded).hasSize(5).last().isEqualTo(r2);
        setRule("P", 3, 30);
    }

    @Test
    void aRegularTicketWaitingLongerThanTheLimitGoesBeforeLaterPriorityTickets() {
        setRule("A", null, 10);
        long c2 = counter("clerk2", 2, "A");
        String r1 = regular("A").get("number").asText();
        String p1 = elderly("A").get("number").asText();
        CLOCK.advance(Duration.ofMinutes(4));
        String p2 = elderly("A").get("number").asText();
        assertThat(serveNext("clerk2", c2)).isEqualTo(p1); // r1 has waited about 4 minutes: priority first
        CLOCK.advance(Duration.ofMinutes(7));
        String p3 = elderly("A").get("number").asText();
        assertThat(serveNext("clerk2", c2)).isEqualTo(r1); // 11 minutes: over the limit, it goes next
        assertThat(serveNext("clerk2", c2)).isEqualTo(p2);
        assertThat(serveNext("clerk2", c2)).isEqualTo(p3);
        setRule("A", 3, 30);
    }

    @Test
    void callingOutOfOrderNeedsAReasonFromTheListAndIsAudited() {
        long c3 = counter("clerk3", 3, "K");
        regular("K");
        regular("K");
        JsonNode third = regular("K");
        String path = "/api/v1/tickets/" + third.get("id").asText() + "/call";
        String clerk = api.token("clerk3");

        List<String> reasons = api.get("/api/v1/queue-reasons/OUT_OF_ORDER", clerk).expect(200).json().findValuesAsText("code");
        assertThat(reasons).contains("CAME_BACK", "PAPERS_READY");
        assertThat(api.post(path, clerk, Map.of("counterId", c3)).expect(422).body()).contains("reason");
        assertThat(api.post(path, clerk, Map.of("counterId", c3, "reason", "FRIEND")).expect(422).body()).contains("reason");
        api.post(path, api.token("clerk4"), Map.of("counterId", c3, "reason", "CAME_BACK")).expect(403); // not their counter

        JsonNode called = api.post(path, clerk, Map.of("counterId", c3, "reason", "CAME_BACK")).expect(200).json();
        assertThat(called.get("status").asText()).isEqualTo("CALLED");
        assertThat(called.get("counterId").asLong()).isEqualTo(c3);
        api.post(path, clerk, Map.of("counterId", c3, "reason", "CAME_BACK")).expect(409); // counter busy

        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), TIRANA);
        JsonNode audit = api.get("/api/v1/branches/TR01/out-of-order-calls?from=" + today + "&to=" + today,
                api.token("supervisor1")).expect(200).json();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("ticketNumber").asText()).isEqualTo(third.get("number").asText());
        assertThat(audit.get(0).get("clerk").asText()).isEqualTo("clerk3");
        assertThat(audit.get(0).get("reason").asText()).isEqualTo("CAME_BACK");
        assertThat(audit.get(0).get("placesSkipped").asInt()).isEqualTo(2);
        api.get("/api/v1/branches/TR01/out-of-order-calls?from=" + today + "&to=" + today, clerk).expect(403);
        api.act("clerk3", "/api/v1/tickets/" + third.get("id").asText() + "/return").expect(200);
    }

    @Test
    void aNoShowComesBackWithinTheGraceAtItsPlaceOrAtTheNextCall() throws Exception {
        long c4 = counter("clerk4", 4, "I");
        JsonNode i1 = regular("I");
        regular("I");
        String id1 = i1.get("id").asText();
        assertThat(api.act("clerk4", "/api/v1/counters/" + c4 + "/call-next").expect(200).json().get("id").asText()).isEqualTo(id1);
        api.act("clerk4", "/api/v1/tickets/" + id1 + "/no-show").expect(200);
        CLOCK.advance(Duration.ofMinutes(5));
        long seen = api.get("/api/v1/public/branches/TR01/display", null).expect(200).json().get("lastEventId").asLong();
        try (SseReader display = new SseReader(server.baseUrl() + "/api/v1/public/branches/TR01/display/events", null, seen)) {
            JsonNode back = api.act("clerk4", "/api/v1/tickets/" + id1 + "/reactivate").expect(200).json();
            assertThat(back.get("status").asText()).isEqualTo("WAITING");
            assertThat(back.get("position").asInt()).isEqualTo(1); // its original place: issued first
            SseReader.Event shown = display.nextNamed("ticket.reactivated", WAIT);
            assertThat(shown).isNotNull();
            assertThat(shown.data()).contains(i1.get("number").asText());
        }
        assertThat(serveNext("clerk4", c4)).isEqualTo(i1.get("number").asText());

        // Past the grace period: 409 with the reason.
        String id2 = api.act("clerk4", "/api/v1/counters/" + c4 + "/call-next").expect(200).json().get("id").asText();
        api.act("clerk4", "/api/v1/tickets/" + id2 + "/no-show").expect(200);
        CLOCK.advance(Duration.ofMinutes(16));
        assertThat(api.act("clerk4", "/api/v1/tickets/" + id2 + "/reactivate").expect(409).body()).contains("grace");
        api.act("clerk4", "/api/v1/tickets/" + id1 + "/reactivate").expect(409); // DONE, not a no-show

        // NEXT_CALL: a reactivated no-show goes before even a priority ticket.
        api.put("/api/v1/branches/TR01/queue-settings", api.token("supervisor1"),
                Map.of("noShowGraceMinutes", 20, "reactivateTo", "NEXT_CALL")).expect(200);
        JsonNode i3 = regular("I");
        String id3 = api.act("clerk4", "/api/v1/counters/" + c4 + "/call-next").expect(200).json().get("id").asText();
        assertThat(id3).isEqualTo(i3.get("id").asText());
        api.act("clerk4", "/api/v1/tickets/" + id3 + "/no-show").expect(200);
        String p1 = elderly("I").get("number").asText();
        api.act("clerk4", "/api/v1/tickets/" + id3 + "/reactivate").expect(200);
        assertThat(serveNext("clerk4", c4)).isEqualTo(i3.get("number").asText());
        assertThat(serveNext("clerk4", c4)).isEqualTo(p1);
        api.put("/api/v1/branches/TR01/queue-settings", api.token("supervisor1"),
                Map.of("noShowGraceMinutes", 15, "reactivateTo", "ORIGINAL_PLACE")).expect(200);
        api.put("/api/v1/branches/TR01/queue-settings", api.token("supervisor1"),
                Map.of("noShowGraceMinutes", 15, "reactivateTo", "SOMEWHERE")).expect(422);
    }

    @Test
    void aPauseCarriesItsReasonToTheBoardUntilTheCounterOpensAgain() {
        long c5 = counter("clerk5", 5, "P");
        String pause = "/api/v1/counters/" + c5 + "/pause";
        String clerk = api.token("clerk5");
        assertThat(api.get("/api/v1/queue-reasons/PAUSE", clerk).expect(200).json().findValuesAsText("code"))
                .containsExactly("BREAK", "BACK_OFFICE", "TRAINING", "TECHNICAL");
        assertThat(api.post(pause, clerk, Map.of("reason", "NAP")).expect(422).body()).contains("reason");
        api.post(pause, clerk, Map.of("reason", "TRAINING")).expect(200);
        Instant pausedAt = CLOCK.instant();
        CLOCK.advance(Duration.ofMinutes(12));

        JsonNode board = api.get("/api/v1/branches/TR01/board", api.token("supervisor1")).expect(200).json();
        JsonNode row = null;
        for (JsonNode c : board.get("counters")) {
            if (c.get("id").asLong() == c5) {
                row = c;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("status").asText()).isEqualTo("PAUSED");
        assertThat(row.get("pauseReason").asText()).isEqualTo("TRAINING");
        Instant since = Instant.parse(row.get("pausedSince").asText());
        assertThat(since).isEqualTo(pausedAt);
        assertThat(Duration.between(since, Instant.parse(board.get("at").asText()))).isEqualTo(Duration.ofMinutes(12));

        JsonNode reopened = api.act("clerk5", "/api/v1/counters/" + c5 + "/open").expect(200).json();
        assertThat(reopened.get("pauseReason").isNull()).isTrue();
        // a client that sends no reason can still pause
        assertThat(api.act("clerk5", pause).expect(200).json().get("status").asText()).isEqualTo("PAUSED");
        api.act("clerk5", "/api/v1/counters/" + c5 + "/open").expect(200);
    }
}
