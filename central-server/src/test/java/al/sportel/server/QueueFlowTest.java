package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ticket life over HTTP: numbering, call order, legal and illegal moves. */
class QueueFlowTest {

    // 09:00 in Tirana; each test moves the clock on so issue times differ.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    private TestServer server;
    private Api api;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
        api = server.api();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode issue(String letter, boolean priority) {
        clock.advance(Duration.ofSeconds(10));
        return api.issue("TR01", letter, priority);
    }

    private long open(String clerk, int counter) {
        long id = api.counterId("TR01", counter);
        api.act(clerk, "/api/v1/counters/" + id + "/open").expect(200);
        return id;
    }

    private String callNext(String clerk, long counterId) {
        Api.Response r = api.act(clerk, "/api/v1/counters/" + counterId + "/call-next");
        if (r.status() == 204) {
            return null;
        }
        r.expect(200);
        assertThat(r.json().get("status").asText()).isEqualTo("CALLED");
        assertThat(r.json().get("counterId").asLong()).isEqualTo(counterId);
        return r.json().get("number").asText();
    }

    private void finish(String clerk, String ticketId) {
        api.act(clerk, "/api/v1/tickets/" + ticketId + "/start").expect(200);
        api.act(clerk, "/api/v1/tickets/" + ticketId + "/finish").expect(200);
    }

    @Test
    void aKioskThatSendsItsTapAgainGetsTheSameTicketNotASecondOne() {
        String tap = Api.write(Map.of("serviceId", api.serviceId("TR01", "P"), "priority", false));
        Map<String, String> key = Map.of("Idempotency-Key", "kiosk-tap-1");
        Api.Response first = api.raw("POST", "/api/v1/branches/TR01/tickets", api.token("kiosk1"), tap, key).expect(201);
        clock.advance(Duration.ofSeconds(2));
        Api.Response again = api.raw("POST", "/api/v1/branches/TR01/tickets", api.token("kiosk1"), tap, key).expect(201);

        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(issue("P", false).get("number").asText()).as("the next tap's ticket").isEqualTo("P002");
        // the same key for another request is refused, and a tap without a key still issues as before
        api.raw("POST", "/api/v1/branches/TR01/tickets", api.token("kiosk1"),
                Api.write(Map.of("serviceId", api.serviceId("TR01", "A"), "priority", false)), key).expect(409);
        assertThat(api.raw("POST", "/api/v1/branches/TR01/tickets", api.token("kiosk1"), tap, Map.of()).expect(201).json()
                .get("number").asText()).isEqualTo("P003");
    }

    @Test
    void numbersArePerServiceAndStartAgainTheNextDay() {
        assertThat(issue("P", false).get("number").asText()).isEqualTo("P001");
        assertThat(issue("P", false).get("number").asText()).isEqualTo("P002");
        assertThat(issue("A", false).get("number").asText()).isEqualTo("A001");
        JsonNode third = issue("P", false);
        assertThat(third.get("number").asText()).isEqualTo("P003");
        assertThat(third.get("position").asInt()).isEqualTo(3);
        assertThat(third.get("status").asText()).isEqualTo("WAITING");
        assertThat(third.get("branchCode").asText()).isEqualTo("TR01");
        // Nobody is at a counter: one counter is assumed, 180 s per payment => (3 - 0.5) * 180
        assertThat(third.get("estimatedWaitSeconds").asInt()).isEqualTo(450);
        // and the link the kiosk prints under the QR code: the ticket's phone view at the public URL
        assertThat(third.get("viewUrl").asText()).isEqualTo(server.baseUrl() + "/t/" + third.get("id").asText());
        assertThat(api.get("/api/v1/tickets/" + third.get("id").asText(), api.token("clerk1")).expect(200).json())
                .as("the answer is the ticket as stored").isEqualTo(((ObjectNode) third.deepCopy()).without("viewUrl"));

        clock.advance(Duration.ofHours(16)); // 01:00 the next day in Tirana
        api.forgetTokens(); // yesterday's tokens have expired
        assertThat(issue("P", false).get("number").asText()).isEqualTo("P001");
        assertThat(issue("A", false).get("number").asText()).isEqualTo("A001");
    }

    @Test
    void aTicketForAnUnknownBranchOrServiceIsRefusedAndNothingIsIssued() {
        long p = api.serviceId("TR01", "P");
        String admin = api.token("admin");
        assertThat(api.post("/api/v1/branches/XX99/tickets", admin, Map.of("serviceId", p)).expect(404)
                .json().get("detail").asText()).contains("XX99");
        // a service of another centre is no service of this one
        api.post("/api/v1/branches/TR01/tickets", admin, Map.of("serviceId", api.serviceId("DR01", "P"))).expect(422);
        api.post("/api/v1/branches/TR01/tickets", admin, Map.of("serviceId", 999_999)).expect(422);
        // a service the centre has stopped offering takes no tickets until it is offered again
        long a = api.serviceId("TR01", "A");
        api.raw("PATCH", "/api/v1/services/" + a, admin, "{\"active\": false}", Map.of()).expect(200);
        assertThat(api.post("/api/v1/branches/TR01/tickets", admin, Map.of("serviceId", a)).expect(422)
                .json().toString()).contains("not offered");
        api.raw("PATCH", "/api/v1/services/" + a, admin, "{\"active\": true}", Map.of()).expect(200);
        for (String branch : List.of("TR01", "DR01")) {
            assertThat(api.get("/api/v1/branches/" + branch + "/queue", admin).expect(200).json().get("waiting")).isEmpty();
        }
        assertThat(issue("P", false).get("number").asText()).isEqualTo("P001");
    }

    @Test
    void estimateSharesTheQueueAmongOpenCountersServingIt() {
        open("clerk1", 1); // P, I
        open("clerk2", 2); // P, I
        open("clerk3", 3); // P, A
        for (int i = 0; i < 5; i++) {
            issue("P", false);
        }
        JsonNode sixth = issue("P", false);
        // 3 open counters serve P: (6 - 0.5) * 180 / 3 = 330
        assertThat(sixth.get("estimatedWaitSeconds").asInt()).isEqualTo(330);
        JsonNode a = issue("A", false);
        // only counter 3 serves A: (1 - 0.5) * 600 / 1 = 300
        assertThat(a.get("estimatedWaitSeconds").asInt()).isEqualTo(300);
    }

    /** Serves the next ticket at the counter for {@code seconds} (from start to finish). */
    private void serveFor(String clerk, long counterId, long seconds) {
        String id = api.act(clerk, "/api/v1/counters/" + counterId + "/call-next").expect(200).json().get("id").asText();
        api.act(clerk, "/api/v1/tickets/" + id + "/start").expect(200);
        clock.advance(Duration.ofSeconds(seconds));
        api.act(clerk, "/api/v1/tickets/" + id + "/finish").expect(200);
    }

    /** The estimate of a ticket issued now into an empty queue, checked against the same ticket read back. */
    private int estimateOfANewTicket(String letter) {
        JsonNode t = issue(letter, false);
        JsonNode read = api.get("/api/v1/tickets/" + t.get("id").asText(), api.token("clerk1")).expect(200).json();
        assertThat(read.get("estimatedWaitSeconds").asInt()).as("read back, the same estimate").isEqualTo(t.get("estimatedWaitSeconds").asInt());
        return t.get("estimatedWaitSeconds").asInt();
    }

    @Test
    void theEstimateFollowsTheLastTwentyServicesOnceThereAreFive() {
        long c1 = open("clerk1", 1); // P, I: the only counter open for P
        issue("P", false);
        serveFor("clerk1", c1, 1_000);
        for (int i = 0; i < 3; i++) {
            issue("P", false);
            serveFor("clerk1", c1, 100);
        }
        // four finished: still the configured 180 s, (1 - 0.5) * 180 / 1
        assertThat(estimateOfANewTicket("P")).isEqualTo(90);
        serveFor("clerk1", c1, 100); // the ticket just issued
        // five: their mean, (1000 + 4 * 100) / 5 = 280
        assertThat(estimateOfANewTicket("P")).isEqualTo(140);
        serveFor("clerk1", c1, 100);
        for (int i = 0; i < 15; i++) {
            issue("P", false);
            serveFor("clerk1", c1, 100);
        }
        // 21 finished: the last 20 took 100 s each, the first 1,000 s no longer counts
        assertThat(estimateOfANewTicket("P")).isEqualTo(50);
    }

    @Test
    void callNextTakesPriorityThenEarliestThenCounterServiceOrder() {
        long c3 = open("clerk3", 3); // profile P, A
        JsonNode a1 = issue("A", false);
        JsonNode p1 = issue("P", false);
        JsonNode i1 = issue("I", false); // counter 3 does not serve I
        JsonNode p2prio = issue("P", true);
        JsonNode a2prio = issue("A", true);

        List<String> order = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            JsonNode t = api.act("clerk3", "/api/v1/counters/" + c3 + "/call-next").expect(200).json();
            order.add(t.get("number").asText());
            finish("clerk3", t.get("id").asText());
        }
        assertThat(order).containsExactly(p2prio.get("number").asText(), a2prio.get("number").asText(),
                a1.get("number").asText(), p1.get("number").asText());
        assertThat(callNext("clerk3", c3)).as("I is not in counter 3's profile").isNull();
        assertThat(api.get("/api/v1/tickets/" + i1.get("id").asText(), api.token("clerk3")).json().get("status").asText())
                .isEqualTo("WAITING");
    }

    @Test
    void sameInstantGoesToTheServiceTheCounterPrefers() {
        long c4 = open("clerk4", 4); // profile A, P
        // issued at the same instant (the clock stands still)
        JsonNode p = api.issue("TR01", "P", false);
        JsonNode a = api.issue("TR01", "A", false);
        assertThat(p.get("issuedAt")).isEqualTo(a.get("issuedAt"));
        assertThat(callNext("clerk4", c4)).isEqualTo(a.get("number").asText());
    }

    @Test
    void transferredTicketsComeFirstAndKeepTheirIssueTime() {
        long c1 = open("clerk1", 1); // P, I
        long c5 = open("clerk5", 5); // K, A
        JsonNode p1 = issue("P", false);
        JsonNode p2 = issue("P", false);
        JsonNode k1 = issue("K", false);

        JsonNode called = api.act("clerk1", "/api/v1/counters/" + c1 + "/call-next").expect(200).json();
        assertThat(called.get("number").asText()).isEqualTo("P001");
        api.act("clerk1", "/api/v1/tickets/" + called.get("id").asText() + "/start").expect(200);
        // the customer actually wants to complain: serving -> waiting for K, keeping the early issue time
        JsonNode moved = api.post("/api/v1/tickets/" + called.get("id").asText() + "/transfer", api.token("clerk1"),
                Map.of("serviceId", api.serviceId("TR01", "K"))).expect(200).json();
        assertThat(moved.get("status").asText()).isEqualTo("WAITING");
        assertThat(moved.get("serviceLetter").asText()).isEqualTo("K");
        assertThat(moved.get("issuedAt")).isEqualTo(p1.get("issuedAt"));
        assertThat(moved.get("position").asInt()).as("ahead of K001, issued later").isEqualTo(1);
        assertThat(callNext("clerk5", c5)).isEqualTo("P001");
        finish("clerk5", moved.get("id").asText());
        assertThat(callNext("clerk5", c5)).isEqualTo(k1.get("number").asText());

        // a waiting ticket sent to one counter is called there before anything else, and only there
        JsonNode i1 = issue("I", false);
        JsonNode targeted = api.post("/api/v1/tickets/" + i1.get("id").asText() + "/transfer", api.token("supervisor1"),
                Map.of("counterId", c5)).expect(200).json();
        assertThat(targeted.get("targetCounterId").asLong()).isEqualTo(c5);
        assertThat(callNext("clerk1", c1)).isEqualTo(p2.get("number").asText());
        api.act("clerk5", "/api/v1/tickets/" + api.get("/api/v1/branches/TR01/counters", api.token("clerk5")).json()
                .get(4).get("currentTicket").get("id").asText() + "/no-show").expect(200);
        assertThat(callNext("clerk5", c5)).isEqualTo(i1.get("number").asText());

        JsonNode stats = api.get("/api/v1/counters/" + c5 + "/stats", api.token("clerk5")).expect(200).json();
        assertThat(stats.get("served").asInt()).isEqualTo(1);
        assertThat(stats.get("noShows").asInt()).isEqualTo(1);
        assertThat(stats.get("averageServiceSeconds").asInt()).isEqualTo(0); // the test clock stood still
        api.get("/api/v1/counters/" + c5 + "/stats", api.token("clerk7")).expect(403);
    }

    /** A ticket sent to one counter waits only for it: never sent to a closed one, and back in its queue when that one closes. */
    @Test
    void aTicketSentToACounterIsNeverLeftWaitingForAClosedOne() {
        long c1 = open("clerk1", 1); // P, I
        long c2 = open("clerk2", 2);
        long closed = api.counterId("TR01", 6);
        JsonNode i1 = issue("I", false);
        assertThat(api.post("/api/v1/tickets/" + i1.get("id").asText() + "/transfer", api.token("supervisor1"),
                Map.of("counterId", closed)).expect(409).body()).contains("closed");
        assertThat(api.post("/api/v1/tickets/" + i1.get("id").asText() + "/transfer", api.token("clerk2"), Map.of("counterId", c2))
                .expect(403).body()).as("a clerk does not pull a waiting ticket to the front").contains("supervisor");
        api.post("/api/v1/tickets/" + i1.get("id").asText() + "/transfer", api.token("supervisor1"), Map.of("counterId", c2)).expect(200);
        api.act("clerk2", "/api/v1/counters/" + c2 + "/close").expect(200);
        JsonNode released = api.get("/api/v1/tickets/" + i1.get("id").asText(), api.token("supervisor1")).expect(200).json();
        assertThat(released.path("targetCounterId").isNull() || released.path("targetCounterId").isMissingNode()).isTrue();
        assertThat(released.get("issuedAt")).as("keeping its place").isEqualTo(i1.get("issuedAt"));
        assertThat(callNext("clerk1", c1)).as("any counter of its service calls it now").isEqualTo(i1.get("number").asText());
    }

    @Test
    void aNoShowSentToACounterThatClosesSinceComesBackToTheWholeService() {
        long c1 = open("clerk1", 1); // P, I
        long c2 = open("clerk2", 2);
        JsonNode i1 = issue("I", false);
        String id = i1.get("id").asText();
        api.post("/api/v1/tickets/" + id + "/transfer", api.token("supervisor1"), Map.of("counterId", c2)).expect(200);
        assertThat(callNext("clerk2", c2)).isEqualTo(i1.get("number").asText());
        api.act("clerk2", "/api/v1/tickets/" + id + "/no-show").expect(200);
        api.act("clerk2", "/api/v1/counters/" + c2 + "/close").expect(200);
        // the customer comes back within the grace: counter 2 is gone, so any counter of the service calls it
        clock.advance(Duration.ofMinutes(2));
        JsonNode back = api.act("clerk1", "/api/v1/tickets/" + id + "/reactivate").expect(200).json();
        assertThat(back.path("targetCounterId").isNull() || back.path("targetCounterId").isMissingNode()).isTrue();
        assertThat(callNext("clerk1", c1)).isEqualTo(i1.get("number").asText());
    }

    @Test
    void returnPutsTheTicketBackInItsPlace() {
        long c1 = open("clerk1", 1);
        JsonNode p1 = issue("P", false);
        issue("P", false);
        String id = api.act("clerk1", "/api/v1/counters/" + c1 + "/call-next").expect(200).json().get("id").asText();
        assertThat(id).isEqualTo(p1.get("id").asText());
        JsonNode back = api.act("clerk1", "/api/v1/tickets/" + id + "/return").expect(200).json();
        assertThat(back.get("status").asText()).isEqualTo("WAITING");
        assertThat(back.get("position").asInt()).isEqualTo(1);
        assertThat(back.get("counterId").isNull()).isTrue();
        assertThat(callNext("clerk1", c1)).isEqualTo("P001");
    }

    @Test
    void onlyTheLegalTransitionsAreAllowed() {
        long c1 = open("clerk1", 1);
        JsonNode t = issue("P", false);
        String id = t.get("id").asText();
        String base = "/api/v1/tickets/" + id;
        for (String illegal : List.of("/start", "/finish", "/no-show", "/return", "/recall")) {
            Api.Response r = api.act("clerk1", base + illegal).expect(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asText()).contains("WAITING");
        }
        assertThat(callNext("clerk1", c1)).isEqualTo("P001");
        assertThat(api.act("clerk1", "/api/v1/counters/" + c1 + "/call-next").expect(409).json().get("detail").asText())
                .contains("P001");
        api.act("clerk1", base + "/cancel").expect(409);
        api.act("clerk1", base + "/finish").expect(409);
        JsonNode recalled = api.act("clerk1", base + "/recall").expect(200).json();
        assertThat(recalled.get("status").asText()).isEqualTo("CALLED");
        api.act("clerk1", base + "/start").expect(200);
        api.act("clerk1", base + "/start").expect(409);
        api.act("clerk1", base + "/no-show").expect(409);
        JsonNode done = api.act("clerk1", base + "/finish").expect(200).json();
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("finishedAt").isNull()).isFalse();
        for (String after : List.of("/start", "/finish", "/recall", "/cancel", "/return", "/no-show")) {
            api.act("clerk1", base + after).expect(409);
        }
        api.post(base + "/transfer", api.token("clerk1"), Map.of("serviceId", api.serviceId("TR01", "A"))).expect(409);

        JsonNode w = issue("P", false);
        assertThat(api.act("clerk1", "/api/v1/tickets/" + w.get("id").asText() + "/cancel").expect(200).json()
                .get("status").asText()).isEqualTo("CANCELLED");
        assertThat(callNext("clerk1", c1)).isNull();
    }

    @Test
    void countersOpenPauseAndCloseWithOneClerkEach() {
        long c1 = api.counterId("TR01", 1);
        long c2 = api.counterId("TR01", 2);
        JsonNode opened = api.act("clerk1", "/api/v1/counters/" + c1 + "/open").expect(200).json();
        assertThat(opened.get("status").asText()).isEqualTo("OPEN");
        assertThat(opened.get("clerk").get("username").asText()).isEqualTo("clerk1");
        assertThat(api.act("clerk2", "/api/v1/counters/" + c1 + "/open").expect(409).json().get("detail").asText())
                .contains(opened.get("clerk").get("displayName").asText());
        api.act("clerk1", "/api/v1/counters/" + c2 + "/open").expect(409);
        api.act("clerk2", "/api/v1/counters/" + c1 + "/pause").expect(403);
        api.act("clerk1", "/api/v1/counters/" + c1 + "/pause").expect(200);
        api.act("clerk1", "/api/v1/counters/" + c1 + "/call-next").expect(409);
        api.act("clerk1", "/api/v1/counters/" + c1 + "/open").expect(200);
        issue("P", false);
        assertThat(callNext("clerk1", c1)).isEqualTo("P001");
        assertThat(api.act("clerk1", "/api/v1/counters/" + c1 + "/close").expect(409).json().get("detail").asText())
                .contains("P001");
        // nor a pause while the called customer walks up
        JsonNode busy = api.act("clerk1", "/api/v1/counters/" + c1 + "/pause").expect(409).json();
        assertThat(busy.get("type").asText()).endsWith("counter-busy");
        assertThat(busy.get("detail").asText()).contains("P001");
        String id = api.get("/api/v1/branches/TR01/counters", api.token("clerk1")).json().get(0)
                .get("currentTicket").get("id").asText();
        api.act("clerk1", "/api/v1/tickets/" + id + "/no-show").expect(200);
        JsonNode closed = api.act("clerk1", "/api/v1/counters/" + c1 + "/close").expect(200).json();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("clerk").isNull()).isTrue();
        api.act("clerk2", "/api/v1/counters/" + c1 + "/open").expect(200);
    }

    @Test
    void supervisorReordersACountersServicesAndCallNextFollows() {
        long c1 = open("clerk1", 1); // P, I
        issue("I", false);
        JsonNode k = issue("K", false);
        api.act("clerk1", "/api/v1/counters/" + c1 + "/call-next").expect(200);
        long kId = api.serviceId("TR01", "K");
        api.put("/api/v1/counters/" + c1 + "/services", api.token("clerk1"), Map.of("serviceIds", List.of(kId))).expect(403);
        JsonNode counter = api.put("/api/v1/counters/" + c1 + "/services", api.token("supervisor1"),
                Map.of("serviceIds", List.of(kId, api.serviceId("TR01", "P")))).expect(200).json();
        assertThat(counter.get("serviceIds").get(0).asLong()).isEqualTo(kId);
        api.put("/api/v1/counters/" + c1 + "/services", api.token("supervisor1"),
                Map.of("serviceIds", List.of(api.serviceId("DR01", "K")))).expect(422);
        String current = counter.get("currentTicket").get("id").asText();
        finish("clerk1", current);
        assertThat(callNext("clerk1", c1)).isEqualTo(k.get("number").asText());
    }

    @Test
    void queueSnapshotListsWaitingInCallOrderWithCounters() {
        long c1 = open("clerk1", 1);
        issue("A", false);
        issue("P", false);
        issue("I", true);
        callNext("clerk1", c1); // the priority I
        JsonNode q = api.get("/api/v1/branches/TR01/queue", api.token("clerk1")).expect(200).json();
        assertThat(q.get("lastEventId").asLong()).isGreaterThan(0);
        List<String> waiting = new ArrayList<>();
        q.get("waiting").forEach(t -> waiting.add(t.get("number").asText()));
        assertThat(waiting).containsExactly("A001", "P001");
        assertThat(q.get("called").get(0).get("number").asText()).isEqualTo("I001");
        assertThat(q.get("serving")).isEmpty();
        assertThat(q.get("counters")).hasSize(6);
        assertThat(q.get("counters").get(0).get("currentTicket").get("number").asText()).isEqualTo("I001");
    }
}
