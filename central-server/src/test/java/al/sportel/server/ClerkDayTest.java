package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.Formats;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clerk's day over HTTP: one satisfaction rating per ticket (phone and counter tablet) and the
 * per-clerk report built from a day played with a test clock, so every figure is known in advance.
 */
class ClerkDayTest {

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

    private JsonNode issue() {
        CLOCK.advance(Duration.ofSeconds(10));
        return api.issue("TR01", "P", false);
    }

    private long openCounter(String clerk, int number) {
        long id = api.counterId("TR01", number);
        api.put("/api/v1/counters/" + id + "/services", api.token("supervisor1"),
                Map.of("serviceIds", List.of(api.serviceId("TR01", "P")))).expect(200);
        Api.Response open = api.act(clerk, "/api/v1/counters/" + id + "/open");
        assertThat(open.status()).isIn(200, 409);
        return id;
    }

    private String call(String clerk, long counter) {
        return api.act(clerk, "/api/v1/counters/" + counter + "/call-next").expect(200).json().get("id").asText();
    }

    private void serve(String clerk, String ticketId, int seconds) {
        api.act(clerk, "/api/v1/tickets/" + ticketId + "/start").expect(200);
        CLOCK.advance(Duration.ofSeconds(seconds));
        api.act(clerk, "/api/v1/tickets/" + ticketId + "/finish").expect(200);
    }

    @Test
    void aTicketIsRatedOnceFromThePhoneOrTheCountersTablet() {
        long counter = openCounter("clerk2", 2);
        JsonNode waiting = issue();
        String id = call("clerk2", counter);
        String phone = "/api/v1/public/tickets/" + id + "/rating";
        api.post(phone, null, Map.of("score", 4)).expect(409); // still being called, not served
        serve("clerk2", id, 60);
        api.post(phone, null, Map.of("score", 6)).expect(422);
        api.post(phone, null, Map.of("comment", "no score")).expect(422);
        api.post("/api/v1/public/tickets/nosuchticket/rating", null, Map.of("score", 4)).expect(404);
        JsonNode rated = api.post(phone, null, Map.of("score", 4, "comment", "I shpejtë")).expect(201).json();
        assertThat(rated.get("ticketNumber").asText()).isEqualTo(waiting.get("number").asText());
        assertThat(api.post(phone, null, Map.of("score", 1)).expect(409).body()).contains("already");

        // The tablet (paired with the centre's kiosk account) offers only the counter's last finished,
        // unrated ticket: this one is rated already.
        String tablet = "/api/v1/counters/" + counter + "/rating";
        String kiosk = api.token("kiosk1");
        assertThat(api.get(tablet, kiosk).expect(200).json().get("ticketNumber").isNull()).isTrue();
        issue();
        String second = call("clerk2", counter);
        serve("clerk2", second, 30);
        JsonNode prompt = api.get(tablet, kiosk).expect(200).json();
        String number = prompt.get("ticketNumber").asText();
        assertThat(prompt.get("counterNumber").asInt()).isEqualTo(2);
        api.post(tablet, kiosk, Map.of("ticketNumber", "P999", "score", 5)).expect(409);
        api.post(tablet, kiosk, Map.of("ticketNumber", number, "score", 5)).expect(201);
        api.post(tablet, kiosk, Map.of("ticketNumber", number, "score", 5)).expect(409);
        api.post("/api/v1/public/tickets/" + second + "/rating", null, Map.of("score", 2)).expect(409);

        // Five minutes after the end the tablet no longer asks.
        issue();
        String third = call("clerk2", counter);
        serve("clerk2", third, 30);
        CLOCK.advance(Duration.ofMinutes(6));
        assertThat(api.get(tablet, kiosk).expect(200).json().get("ticketNumber").isNull()).isTrue();
        assertThat(server.baseUrl()).isNotBlank();
        Api.Response page = api.get("/rate/" + counter, null).expect(200);
        assertThat(page.contentType()).startsWith("text/html");
    }

    @Test
    void onlyATabletPairedWithAKioskOfTheCountersCentreRatesThere() {
        long counter = openCounter("clerk3", 3);
        issue();
        JsonNode called = api.act("clerk3", "/api/v1/counters/" + counter + "/call-next").expect(200).json();
        String number = called.get("number").asText();
        serve("clerk3", called.get("id").asText(), 45);
        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZoneId.of("Europe/Tirane"));
        String report = "/api/v1/reports/clerks?from=" + today + "&to=" + today;
        JsonNode before = api.get(report, api.token("supervisor1")).expect(200).json();
        assertThat(clerkRow(before.get("days"), "clerk3").get("ratings").asInt()).isZero();

        // From any PC on the network: no token, another centre's kiosk, the clerk who served, their supervisor.
        String tablet = "/api/v1/counters/" + counter + "/rating";
        Map<String, Object> five = Map.of("ticketNumber", number, "score", 5);
        assertThat(api.get(tablet, null).expect(401).contentType()).startsWith("application/problem+json");
        assertThat(api.post(tablet, null, five).expect(401).contentType()).startsWith("application/problem+json");
        api.get(tablet, api.token("kiosk2")).expect(403);
        assertThat(api.post(tablet, api.token("kiosk2"), five).expect(403).contentType()).startsWith("application/problem+json");
        api.post(tablet, api.token("clerk3"), five).expect(403);
        api.post(tablet, api.token("supervisor1"), five).expect(403);
        // the address the tablet used before pairing existed serves nothing any more
        api.get("/api/v1/public/counters/" + counter + "/rating", null).expect(404);
        api.post("/api/v1/public/counters/" + counter + "/rating", null, five).expect(404);
        assertThat(api.get(report, api.token("supervisor1")).expect(200).json()).as("no refused rating counts").isEqualTo(before);

        // The tablet paired with the centre's kiosk account rates, and the report counts it.
        String kiosk = api.token("kiosk1");
        assertThat(api.get(tablet, kiosk).expect(200).json().get("ticketNumber").asText()).isEqualTo(number);
        api.post(tablet, kiosk, Map.of("ticketNumber", number, "score", 4)).expect(201);
        JsonNode after = api.get(report, api.token("supervisor1")).expect(200).json();
        JsonNode day = clerkRow(after.get("days"), "clerk3");
        assertThat(day.get("ratings").asInt()).isEqualTo(1);
        assertThat(day.get("averageRating").asDouble()).isEqualTo(4.0);
    }

    @Test
    void theClerkReportAddsUpADayPlayedWithAKnownClock() {
        long counter = openCounter("clerk1", 1);
        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZoneId.of("Europe/Tirane"));
        issue();
        issue();
        issue();
        String p1 = call("clerk1", counter);
        serve("clerk1", p1, 60);
        CLOCK.advance(Duration.ofSeconds(120)); // idle with P002 waiting
        String p2 = call("clerk1", counter);
        serve("clerk1", p2, 120);
        api.post("/api/v1/counters/" + counter + "/pause", api.token("clerk1"), Map.of("reason", "BREAK")).expect(200);
        CLOCK.advance(Duration.ofMinutes(10)); // paused: not idle
        api.act("clerk1", "/api/v1/counters/" + counter + "/open").expect(200);
        CLOCK.advance(Duration.ofSeconds(30)); // idle again
        String p3 = call("clerk1", counter);
        serve("clerk1", p3, 300);

        issue(); // called, started, then transferred to applications
        String p4 = call("clerk1", counter);
        api.act("clerk1", "/api/v1/tickets/" + p4 + "/start").expect(200);
        api.post("/api/v1/tickets/" + p4 + "/transfer", api.token("clerk1"), Map.of("serviceId", api.serviceId("TR01", "A"))).expect(200);
        issue();
        String p6 = issue().get("id").asText();
        api.post("/api/v1/tickets/" + p6 + "/call", api.token("clerk1"), Map.of("counterId", counter, "reason", "PAPERS_READY"))
                .expect(200);
        serve("clerk1", p6, 30);
        api.post("/api/v1/public/tickets/" + p1 + "/rating", null, Map.of("score", 5)).expect(201);
        api.post("/api/v1/public/tickets/" + p6 + "/rating", null, Map.of("score", 3)).expect(201);

        String query = "/api/v1/reports/clerks?from=" + today + "&to=" + today;
        JsonNode report = api.get(query, api.token("supervisor1")).expect(200).json();
        assertThat(report.get("branchCode").asText()).isEqualTo("TR01");
        JsonNode day = clerkRow(report.get("days"), "clerk1");
        assertThat(day.get("date").asText()).isEqualTo(today.toString());
        assertThat(day.get("served").asInt()).isEqualTo(4);
        assertThat(day.get("averageServiceSeconds").asLong()).isEqualTo(128); // (60 + 120 + 300 + 30) / 4
        assertThat(day.get("p90ServiceSeconds").asLong()).isEqualTo(300);
        assertThat(day.get("idleWhileWaitingSeconds").asLong()).isEqualTo(150);
        assertThat(day.get("pausedSecondsByReason").get("BREAK").asLong()).isEqualTo(600);
        assertThat(day.get("transfers").asInt()).isEqualTo(1);
        assertThat(day.get("outOfOrderCalls").asInt()).isEqualTo(1);
        assertThat(day.get("ratings").asInt()).isEqualTo(2);
        assertThat(day.get("averageRating").asDouble()).isEqualTo(4.0);
        JsonNode total = clerkRow(report.get("totals"), "clerk1");
        assertThat(total.get("date").isNull()).isTrue();
        assertThat(total.get("served").asInt()).isEqualTo(4);
        JsonNode service = report.get("ratingsByService").get(0);
        assertThat(service.get("letter").asText()).isEqualTo("P");
        assertThat(service.get("countsByScore").toString()).isEqualTo("[0,0,1,0,1]");

        Api.Response csv = api.get(query + "&format=csv", api.token("supervisor1")).expect(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("idleWhileWaitingSeconds").contains("(clerk1)").contains("BREAK=600");
        Api.Response pdf = api.get(query + "&format=pdf", api.token("supervisor1")).expect(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(api.pdfText(query + "&format=pdf", api.token("supervisor1"))).contains("Raporti i punonjësve", "Punonjësi", "gjithsej")
                .contains(Formats.date(today)).doesNotContain("Clerk");
        assertThat(api.pdfText(query + "&format=pdf&lang=en", api.token("supervisor1"))).contains("Clerks report", "Clerk", "all");

        // A supervisor sees their own centre only; an admin sees all of them.
        api.get(query + "&branchCode=TR01", api.token("supervisor2")).expect(403);
        api.get(query, api.token("clerk1")).expect(403);
        JsonNode all = api.get(query, api.token("admin")).expect(200).json();
        assertThat(all.get("branchCode").isNull()).isTrue();
        assertThat(clerkRow(all.get("totals"), "clerk1").get("served").asInt()).isEqualTo(4);
        api.get("/api/v1/reports/clerks?from=" + today + "&to=" + today.minusDays(1), api.token("admin")).expect(422);
        api.get("/api/v1/reports/clerks?from=yesterday&to=" + today, api.token("admin")).expect(422);
    }

    private static JsonNode clerkRow(JsonNode rows, String username) {
        for (JsonNode r : rows) {
            if (r.get("username").asText().equals(username)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + username + " in " + rows);
    }
}
