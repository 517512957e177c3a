package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live stream: every change reaches every subscriber, in id order, and resumes after a gap. */
class EventStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private SseReader staffStream(String branch, Long lastEventId) {
        return new SseReader(server.baseUrl() + "/api/v1/branches/" + branch + "/events", api.token("supervisor2"), lastEventId);
    }

    private SseReader tr01Stream(long lastEventId) {
        return new SseReader(server.baseUrl() + "/api/v1/branches/TR01/events", api.token("supervisor1"), lastEventId);
    }

    private long lastEventId(String branch) {
        return api.get("/api/v1/branches/" + branch + "/queue", api.token("admin")).expect(200).json().get("lastEventId").asLong();
    }

    @Test
    void everySubscriberGetsEveryChangeInOrder() throws Exception {
        try (SseReader a = staffStream("DR01", null); SseReader b = staffStream("DR01", null)) {
            assertThat(a.awaitStatus()).isEqualTo(200);
            assertThat(b.awaitStatus()).isEqualTo(200);
            Thread.sleep(300); // both attached
            long counter = api.counterId("DR01", 1);
            api.act("clerk7", "/api/v1/counters/" + counter + "/open").expect(200);
            JsonNode t = api.issue("DR01", "P", false);
            api.act("clerk7", "/api/v1/counters/" + counter + "/call-next").expect(200);
            for (SseReader r : List.of(a, b)) {
                List<SseReader.Event> got = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    got.add(r.next(WAIT));
                }
                assertThat(got).extracting(SseReader.Event::name).containsExactly("counter.updated", "ticket.issued", "ticket.called");
                assertThat(got.get(1).id()).isEqualTo(got.get(0).id() + 1);
                assertThat(got.get(2).id()).isEqualTo(got.get(1).id() + 1);
                JsonNode called = Api.JSON.readTree(got.get(2).data());
                assertThat(called.get("type").asText()).isEqualTo("ticket.called");
                assertThat(called.get("ticket").get("id").asText()).isEqualTo(t.get("id").asText());
                assertThat(called.get("counter").get("currentTicket").get("number").asText()).isEqualTo(t.get("number").asText());
                assertThat(called.get("at").asText()).isNotBlank();
            }
            String id = t.get("id").asText();
            api.act("clerk7", "/api/v1/tickets/" + id + "/no-show").expect(200);
            assertThat(a.nextNamed("ticket.no_show", WAIT)).isNotNull();
            api.act("clerk7", "/api/v1/counters/" + counter + "/close").expect(200);
        }
    }

    @Test
    void resumingWithLastEventIdReplaysWhatWasMissed() throws Exception {
        long before = lastEventId("DR01");
        JsonNode t1 = api.issue("DR01", "I", false);
        JsonNode t2 = api.issue("DR01", "K", true);
        try (SseReader r = staffStream("DR01", before)) {
            SseReader.Event e1 = r.next(WAIT);
            SseReader.Event e2 = r.next(WAIT);
            assertThat(e1.id()).isEqualTo(before + 1);
            assertThat(e2.id()).isEqualTo(before + 2);
            assertThat(Api.JSON.readTree(e1.data()).get("ticket").get("number").asText()).isEqualTo(t1.get("number").asText());
            assertThat(Api.JSON.readTree(e2.data()).get("ticket").get("number").asText()).isEqualTo(t2.get("number").asText());
            // and live after the replay, without a gap
            JsonNode t3 = api.issue("DR01", "A", false);
            SseReader.Event e3 = r.next(WAIT);
            assertThat(e3.id()).isEqualTo(before + 3);
            assertThat(Api.JSON.readTree(e3.data()).get("ticket").get("number").asText()).isEqualTo(t3.get("number").asText());
        }
    }

    @Test
    void changesCommittedAtOnceArriveNumberedWithoutGapsAndResumeFromAnyPoint() throws Exception {
        // ADR 0008: events are numbered after commit; concurrent changes must still give one
        // consecutive sequence, the same for a live stream and for one resuming from the middle.
        long before = lastEventId("TR01");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> issued = new ArrayList<>();
        try (SseReader live = tr01Stream(before)) {
            assertThat(live.awaitStatus()).isEqualTo(200);
            for (int i = 0; i < 24; i++) {
                issued.add(pool.submit(() -> api.issue("TR01", "I", false).get("number").asText()));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> f : issued) {
                numbers.add(f.get());
            }
            List<SseReader.Event> got = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                got.add(live.nextNamed("ticket.issued", WAIT));
            }
            assertThat(got).doesNotContainNull();
            assertThat(got).extracting(SseReader.Event::id).containsExactlyElementsOf(
                    LongStream.rangeClosed(before + 1, before + 24).boxed().toList());
            List<String> streamed = new ArrayList<>();
            for (SseReader.Event e : got) {
                streamed.add(Api.JSON.readTree(e.data()).get("ticket").get("number").asText());
            }
            assertThat(streamed).containsExactlyInAnyOrderElementsOf(numbers);
            try (SseReader resumed = tr01Stream(before + 12)) {
                for (int i = 12; i < 24; i++) {
                    SseReader.Event e = resumed.next(WAIT);
                    assertThat(e.id()).isEqualTo(got.get(i).id());
                    assertThat(e.data()).isEqualTo(got.get(i).data());
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anUnknownOrTooOldIdAsksForASnapshot() throws Exception {
        long now = lastEventId("TR01");
        try (SseReader r = new SseReader(server.baseUrl() + "/api/v1/branches/TR01/events", api.token("clerk1"), now + 50)) {
            SseReader.Event e = r.next(WAIT);
            assertThat(e.name()).isEqualTo("snapshot.required");
            assertThat(e.id()).isEqualTo(now);
        }
    }

    @Test
    void theDisplayStreamCarriesNumbersButNoNamesOrIds() throws Exception {
        long counter = api.counterId("TR01", 2);
        try (SseReader display = new SseReader(server.baseUrl() + "/api/v1/public/branches/TR01/display/events", null, null)) {
            assertThat(display.awaitStatus()).isEqualTo(200);
            Thread.sleep(300);
            api.act("clerk2", "/api/v1/counters/" + counter + "/open").expect(200);
            JsonNode t = api.issue("TR01", "I", false);
            JsonNode called = api.act("clerk2", "/api/v1/counters/" + counter + "/call-next").expect(200).json();
            SseReader.Event e = display.nextNamed("ticket.called", WAIT);
            assertThat(e).isNotNull();
            JsonNode data = Api.JSON.readTree(e.data());
            assertThat(data.get("ticket").get("number").asText()).isEqualTo(called.get("number").asText());
            assertThat(data.get("ticket").get("counterNumber").asInt()).isEqualTo(2);
            assertThat(e.data()).doesNotContain("clerk2").doesNotContain(t.get("id").asText()).doesNotContain("displayName");
            api.act("clerk2", "/api/v1/tickets/" + called.get("id").asText() + "/no-show").expect(200);
            api.act("clerk2", "/api/v1/counters/" + counter + "/close").expect(200);
        }
        JsonNode snapshot = api.get("/api/v1/public/branches/TR01/display", null).expect(200).json();
        JsonNode lastCall = snapshot.get("calls").get(0);
        assertThat(lastCall.get("counterNumber").asInt()).isEqualTo(2);
        assertThat(lastCall.get("status").asText()).isEqualTo("NO_SHOW");
        assertThat(snapshot.get("waiting")).hasSize(4);
        assertThat(snapshot.toString()).doesNotContain("clerk");
    }

    @Test
    void streamsRefuseStrangersAndWrongBranches() throws Exception {
        try (SseReader noToken = new SseReader(server.baseUrl() + "/api/v1/branches/TR01/events", null, null);
             SseReader otherBranch = new SseReader(server.baseUrl() + "/api/v1/branches/TR01/events", api.token("clerk7"), null);
             SseReader kiosk = new SseReader(server.baseUrl() + "/api/v1/branches/TR01/events", api.token("kiosk1"), null);
             SseReader unknown = new SseReader(server.baseUrl() + "/api/v1/public/branches/XX99/display/events", null, null)) {
            assertThat(noToken.awaitStatus()).isEqualTo(401);
            assertThat(otherBranch.awaitStatus()).isEqualTo(403);
            assertThat(kiosk.awaitStatus()).isEqualTo(403);
            assertThat(unknown.awaitStatus()).isEqualTo(404);
        }
    }

    /** API.md asks for no Accept header: a curl, a script or a proxy's "any type" get the stream; only a JSON-only client is refused. */
    @Test
    void aClientThatAcceptsAnyTypeGetsTheStreamAndAnUnknownCentreIsNotFoundForAnyone() throws Exception {
        assertThat(openWith(null)).isEqualTo(200);
        assertThat(openWith("*/*")).isEqualTo(200);
        assertThat(openWith("text/html, text/event-stream;q=0.9")).isEqualTo(200);
        assertThat(openWith("application/json")).isEqualTo(406);
        assertThat(openWith("text/event-stream;q=0, application/json")).isEqualTo(406);
        try (SseReader unknown = new SseReader(server.baseUrl() + "/api/v1/branches/XX99/events", api.token("clerk7"), null)) {
            assertThat(unknown.awaitStatus()).as("a clerk asking for a centre that does not exist").isEqualTo(404);
        }
    }

    private int openWith(String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/public/branches/DR01/display/events"))
                .timeout(Duration.ofSeconds(10));
        if (accept != null) {
            b.header("Accept", accept);
        }
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = r.body()) {
            if (r.statusCode() == 200) {
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            }
            return r.statusCode();
        }
    }
}
