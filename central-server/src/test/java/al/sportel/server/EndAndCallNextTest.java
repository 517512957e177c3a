package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A clerk ends the current ticket and calls the next in one request: both moves and both events, or
 * (when either is refused) neither.
 */
class EndAndCallNextTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    private TestServer server;
    private Api api;
    private long counter;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
        api = server.api();
        counter = api.counterId("TR01", 1); // P, I
        api.act("clerk1", "/api/v1/counters/" + counter + "/open").expect(200);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode issue(String letter) {
        clock.advance(Duration.ofSeconds(10));
        return api.issue("TR01", letter, false);
    }

    private Api.Response endAndCall(String clerk, long counterId, String ticketId, String outcome) {
        return api.post("/api/v1/counters/" + counterId + "/end-and-call-next", api.token(clerk),
                Map.of("ticketId", ticketId, "outcome", outcome));
    }

    private JsonNode ticket(String id) {
        return api.get("/api/v1/tickets/" + id, api.token("supervisor1")).expect(200).json();
    }

    @Test
    void finishesTheServedTicketAndCallsTheNextWithBothEventsInOrder() throws Exception {
        JsonNode p1 = issue("P");
        JsonNode p2 = issue("P");
        String first = api.act("clerk1", "/api/v1/counters/" + counter + "/call-next").expect(200).json().get("id").asText();
        assertThat(first).isEqualTo(p1.get("id").asText());
        api.act("clerk1", "/api/v1/tickets/" + first + "/start").expect(200);
        long seen = api.get("/api/v1/branches/TR01/queue", api.token("clerk1")).expect(200).json().get("lastEventId").asLong();

        try (SseReader events = new SseReader(server.baseUrl() + "/api/v1/branches/TR01/events", api.token("clerk1"), seen)) {
            clock.advance(Duration.ofMinutes(3));
            JsonNode both = endAndCall("clerk1", counter, first, "DONE").expect(200).json();

            assertThat(both.get("ended").get("id").asText()).isEqualTo(first);
            assertThat(both.get("ended").get("status").asText()).isEqualTo("DONE");
            assertThat(both.get("ended").get("finishedAt").asText()).isEqualTo("2026-11-25T08:03:20Z");
            assertThat(both.get("called").get("id").asText()).isEqualTo(p2.get("id").asText());
            assertThat(both.get("called").get("status").asText()).isEqualTo("CALLED");
            assertThat(both.get("called").get("counterId").asLong()).isEqualTo(counter);
            SseReader.Event finished = events.nextNamed("ticket.finished", Duration.ofSeconds(5));
            SseReader.Event called = events.nextNamed("ticket.called", Duration.ofSeconds(5));
            assertThat(finished).isNotNull();
            assertThat(called).isNotNull();
            assertThat(finished.data()).contains(first);
            assertThat(called.data()).contains(p2.get("id").asText());
            assertThat(finished.id()).as("the ending comes first").isLessThan(called.id());
            // the counter as each event leaves it: free after the ending, calling the next after the call
            JsonNode finishedData = Api.JSON.readTree(finished.data());
            assertThat(finishedData.at("/counter/id").asLong()).isEqualTo(counter);
            assertThat(finishedData.at("/counter/currentTicket").isNull()).isTrue();
            assertThat(finishedData.at("/counter/clerk/username").asText()).isEqualTo("clerk1");
            assertThat(Api.JSON.readTree(called.data()).at("/counter/currentTicket/id").asText()).isEqualTo(p2.get("id").asText());
        }
        JsonNode stats = api.get("/api/v1/counters/" + counter + "/stats", api.token("clerk1")).expect(200).json();
        assertThat(stats.get("served").asInt()).isEqualTo(1);
        assertThat(stats.get("averageServiceSeconds").asInt()).isEqualTo(180);
    }

    @Test
    void finishingACalledTicketStartsItFirst() throws Exception {
        JsonNode p1 = issue("P");
        JsonNode p2 = issue("P");
        String first = api.act("clerk1", "/api/v1/counters/" + counter + "/call-next").expect(200).json().get("id").asText();
        long seen = api.get("/api/v1/branches/TR01/queue", api.token("clerk1")).expect(200).json().get("lastEventId").asLong();

        try (SseReader events = new SseReader(server.baseUrl() + "/api/v1/branches/TR01/events", api.token("clerk1"), seen)) {
            JsonNode both = endAndCall("clerk1", counter, first, "DONE").expect(200).json();

            assertThat(both.get("ended").get("id").asText()).isEqualTo(p1.get("id").asText());
            assertThat(both.get("ended").get("status").asText()).isEqualTo("DONE");
            assertThat(both.get("ended").get("startedAt").isNull()).as("started on the way").isFalse();
            assertThat(both.get("called").get("id").asText()).isEqualTo(p2.get("id").asText());
            List<String> names = new ArrayList<>();
            List<JsonNode> data = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                SseReader.Event e = events.next(Duration.ofSeconds(5));
                names.add(e.name());
                data.add(Api.JSON.readTree(e.data()));
            }
            assertThat(names).containsExactly("ticket.started", "ticket.finished", "ticket.called");
            // the counter as each event leaves it: serving the ticket, then free, then calling the next
            assertThat(data.get(0).at("/counter/currentTicket/status").asText()).isEqualTo("SERVING");
            assertThat(data.get(0).at("/counter/currentTicket/id").asText()).isEqualTo(first);
            assertThat(data.get(1).at("/counter/currentTicket").isNull()).isTrue();
            assertThat(data.get(2).at("/counter/currentTicket/id").asText()).isEqualTo(p2.get("id").asText());
            for (JsonNode d : data) {
                assertThat(d.at("/counter/id").asLong()).isEqualTo(counter);
                assertThat(d.at("/counter/clerk/username").asText()).isEqualTo("clerk1");
                assertThat(d.at("/counter/status").asText()).isEqualTo("OPEN");
                assertThat(d.at("/counter/serviceIds").size()).isEqualTo(2);
            }
            // a start on its own reads the counter with its update: the event shows it serving the ticket
            api.act("clerk1", "/api/v1/tickets/" + p2.get("id").asText() + "/start").expect(200);
            JsonNode started = Api.JSON.readTree(events.nextNamed("ticket.started", Duration.ofSeconds(5)).data());
            assertThat(started.at("/counter/currentTicket/id").asText()).isEqualTo(p2.get("id").asText());
            assertThat(started.at("/counter/currentTicket/status").asText()).isEqualTo("SERVING");
            assertThat(started.at("/counter/clerk/username").asText()).isEqualTo("clerk1");
            assertThat(started.at("/counter/serviceIds").size()).isEqualTo(2);
        }
    }

    @Test
    void marksANoShowAndAnswersNullWhenNothingWaits() throws Exception {
        JsonNode p1 = issue("P");
        api.act("clerk1", "/api/v1/counters/" + counter + "/call-next").expect(200);
        long seen = api.get("/api/v1/branches/TR01/queue", api.token("clerk1")).expect(200).json().get("lastEventId").asLong();

        JsonNode both;
        try (SseReader events = new SseReader(server.baseUrl() + "/api/v1/branches/TR01/events", api.token("clerk1"), seen)) {
            both = endAndCall("clerk1", counter, p1.get("id").asText(), "NO_SHOW").expect(200).json();
            // with no call to go with it, the ending's event is still written (and alone)
            SseReader.Event noShow = events.next(Duration.ofSeconds(5));
            assertThat(noShow).isNotNull();
            assertThat(noShow.name()).isEqualTo("ticket.no_show");
            assertThat(noShow.data()).contains(p1.get("id").asText());
        }

        assertThat(both.get("ended").get("status").asText()).isEqualTo("NO_SHOW");
        assertThat(both.get("called").isNull()).as("nothing waits").isTrue();
        assertThat(api.get("/api/v1/counters/" + counter + "/stats", api.token("clerk1")).expect(200).json()
                .get("noShows").asInt()).isEqualTo(1);
        // the counter is free: a ticket issued now is called by the next call-next
        JsonNode p2 = issue("P");
        assertThat(api.act("clerk1", "/api/v1/counters/" + counter + "/call-next").expect(200).json().get("id").asText())
                .isEqualTo(p2.get("id").asText());
    }

    @Test
    void aRefusedEndingChangesNothing() {
        JsonNode p1 = issue("P");
        JsonNode p2 = issue("P");
        JsonNode a1 = issue("A"); // counter 1 does not serve A
        String called = api.act("clerk1", "/api/v1/counters/" + counter + "/call-next").expect(200).json().get("id").asText();
        long counter3 = api.counterId("TR01", 3); // P, A
        api.act("clerk3", "/api/v1/counters/" + counter3 + "/open").expect(200);
        String atThree = api.act("clerk3", "/api/v1/counters/" + counter3 + "/call-next").expect(200).json().get("id").asText();
        assertThat(called).isEqualTo(p1.get("id").asText());
        assertThat(atThree).isEqualTo(p2.get("id").asText());
        // NO_SHOW needs a ticket called and not started: counter 3's is being served
        api.act("clerk3", "/api/v1/tickets/" + atThree + "/start").expect(200);
        long before = api.get("/api/v1/branches/TR01/queue", api.token("clerk1")).expect(200).json().get("lastEventId").asLong();
        Api.Response started = endAndCall("clerk3", counter3, atThree, "NO_SHOW");
        started.expect(409);
        assertThat(started.body()).contains("illegal-transition");
        // a ticket at another clerk's counter; for a supervisor, who may act at both, it is not this counter's ticket
        endAndCall("clerk1", counter, atThree, "NO_SHOW").expect(403);
        Api.Response elsewhere = endAndCall("supervisor1", counter, atThree, "NO_SHOW");
        elsewhere.expect(409);
        assertThat(elsewhere.body()).contains("ticket-not-at-counter");
        // another clerk's counter
        endAndCall("clerk2", counter, called, "NO_SHOW").expect(403);
        // a waiting ticket
        assertThat(endAndCall("clerk1", counter, a1.get("id").asText(), "NO_SHOW").expect(409).body()).contains("ticket-not-at-counter");
        // unknown counter and ticket
        endAndCall("clerk1", 999_999, called, "NO_SHOW").expect(404);
        endAndCall("clerk1", counter, "no-such-ticket", "NO_SHOW").expect(404);
        // bad bodies
        String token = api.token("clerk1");
        String path = "/api/v1/counters/" + counter + "/end-and-call-next";
        assertThat(api.post(path, token, Map.of("ticketId", called, "outcome", "FINISH")).expect(422).body()).contains("outcome");
        assertThat(api.post(path, token, Map.of("outcome", "DONE")).expect(422).body()).contains("ticketId");
        assertThat(api.post(path, token, Map.of("ticketId", "x".repeat(33), "outcome", "DONE")).expect(422).body()).contains("ticketId");
        api.raw("POST", path, token, "not json", Map.of("Content-Type", "application/json")).expect(400);

        assertThat(ticket(called).get("status").asText()).isEqualTo("CALLED");
        assertThat(ticket(atThree).get("status").asText()).isEqualTo("SERVING");
        assertThat(ticket(a1.get("id").asText()).get("status").asText()).isEqualTo("WAITING");
        JsonNode queue = api.get("/api/v1/branches/TR01/queue", api.token("clerk1")).expect(200).json();
        assertThat(queue.get("lastEventId").asLong()).as("no event was written").isEqualTo(before);
        List<String> waiting = new ArrayList<>();
        queue.get("waiting").forEach(t -> waiting.add(t.get("id").asText()));
        assertThat(waiting).containsExactly(a1.get("id").asText());
    }
}
