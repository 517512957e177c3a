package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.server.ops.DayEndJob;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** At 20:00 in Tirana each centre's day ends: waiting tickets cancelled, open counters closed, once. */
class DayEndTest {

    private static final ZoneId TIRANE = ZoneId.of("Europe/Tirane");
    private static MutableClock clock;
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        clock = new MutableClock(LocalDate.now(TIRANE).atTime(LocalTime.of(19, 58)).atZone(TIRANE).toInstant());
        server = TestServer.start(clock, c -> c.withOps(c.ops().withDayEnd(LocalTime.of(20, 0))));
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDayEndsOnceCancellingTheWaitingAndClosingTheCounters() {
        DayEndJob job = server.server().operations().dayEndJob();
        // a kiosk's tap at another centre, with its Idempotency-Key (ADR 0010)
        String tap = Api.write(Map.of("serviceId", api.serviceId("DR01", "P"), "priority", false));
        Map<String, String> key = Map.of("Idempotency-Key", "tap-before-the-day-ended");
        String tapped = api.raw("POST", "/api/v1/branches/DR01/tickets", api.token("admin"), tap, key).expect(201).json()
                .get("id").asText();
        // left at counters by clerks who went home: one called, one being served; a third counter left paused
        JsonNode calledOne = calledAt(2, "clerk2");
        JsonNode servedOne = calledAt(3, "clerk3");
        api.act("clerk3", "/api/v1/tickets/" + servedOne.get("id").asText() + "/start").expect(200);
        long paused = api.counterId("TR01", 4);
        api.act("clerk4", "/api/v1/counters/" + paused + "/open").expect(200);
        api.post("/api/v1/counters/" + paused + "/pause", api.token("clerk4"), Map.of("reason", "TRAINING")).expect(200);

        JsonNode first = api.issue("TR01", "P", false);
        JsonNode second = api.issue("TR01", "I", true);
        long counter = api.counterId("TR01", 1);
        api.act("clerk1", "/api/v1/counters/" + counter + "/open").expect(200);

        assertThat(job.runDue()).isEmpty(); // 19:58: not yet
        assertThat(status(first)).isEqualTo("WAITING");

        clock.advance(Duration.ofMinutes(3));
        job.runDue(); // the job's own timer may have got there first; either way the day ends once
        assertThat(status(first)).isEqualTo("CANCELLED");
        assertThat(status(second)).isEqualTo("CANCELLED");
        assertThat(api.get("/api/v1/branches/TR01/counters", api.token("supervisor1")).expect(200).json())
                .allSatisfy(c -> {
                    assertThat(c.get("status").asText()).isEqualTo("CLOSED");
                    assertThat(c.path("currentTicket").isMissingNode() || c.path("currentTicket").isNull()).as("no ticket left at %s", c).isTrue();
                    assertThat(c.path("pausedSince").isMissingNode() || c.path("pausedSince").isNull()).as("no pause left at %s", c).isTrue();
                });
        assertThat(status(calledOne)).as("called and never served: a no-show").isEqualTo("NO_SHOW");
        assertThat(status(servedOne)).as("its end never recorded: cancelled, not a service of hours").isEqualTo("CANCELLED");
        // a remote ticket taken now would be today's, and dead at the kiosk tomorrow morning
        String account = api.post("/api/v1/public/app/session", null, Map.of("customerCode", "100002",
                "proof", CitizenAccountTest.lastBillAmount(server, "100002"))).expect(201).json().get("accountToken").asText();
        Api.Response afterHours = api.raw("POST", "/api/v1/public/app/remote-tickets", null, Api.write(Map.of("branch", "TR01",
                "serviceId", api.serviceId("TR01", "P"), "travelMinutes", 20)), Map.of("X-Sportel-Account", account)).expect(409);
        assertThat(afterHours.json().get("type").asText()).endsWith("centre-closed");

        JsonNode runs = api.get("/api/v1/branches/TR01/day-ends", api.token("supervisor1")).expect(200).json();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("ticketsCancelled").asInt()).as("two waiting, two left at counters").isEqualTo(4);
        assertThat(runs.get(0).get("countersClosed").asInt()).isGreaterThanOrEqualTo(1);
        String today = LocalDate.now(clock.withZone(TIRANE)).toString();
        JsonNode report = api.get("/api/v1/reports/branch?branchCode=TR01&from=" + today + "&to=" + today, api.token("supervisor1"))
                .expect(200).json();
        assertThat(report.toString()).contains("\"cancelled\":1");

        // a ticket issued after the day ended stays, and a second run does nothing
        JsonNode late = api.issue("TR01", "P", false);
        assertThat(job.runDue()).isEmpty();
        assertThat(status(late)).isEqualTo("WAITING");
        api.get("/api/v1/branches/TR01/day-ends", api.token("clerk1")).expect(403);
        // the same day the tap's key still replays its ticket; the next day's end has forgotten it
        Api.Response replay = api.raw("POST", "/api/v1/branches/DR01/tickets", api.token("admin"), tap, key).expect(201);
        assertThat(replay.json().get("id").asText()).isEqualTo(tapped);
        clock.advance(Duration.ofDays(1));
        api.forgetTokens();
        job.runDue();
        Api.Response fresh = api.raw("POST", "/api/v1/branches/DR01/tickets", api.token("admin"), tap, key).expect(201);
        assertThat(fresh.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(fresh.json().get("id").asText()).isNotEqualTo(tapped);

        // every other key (a payment's, a void's, a case's) is kept a season, then forgotten at a day's end
        Instant now = clock.instant();
        server.server().database().tx(h -> {
            long admin = h.createQuery("SELECT id FROM users WHERE username = 'admin'").mapTo(Long.class).one();
            for (Object[] row : new Object[][] {{"season-old", now.minus(Duration.ofDays(91))}, {"season-young", now.minus(Duration.ofDays(89))}}) {
                h.execute("INSERT INTO idempotency_keys (scope, idem_key, request_hash, user_id, status, response, created_at) "
                        + "VALUES ('payments', ?, 'h', ?, 201, '{}', ?)", row[0], admin, row[1]);
            }
            return null;
        });
        clock.advance(Duration.ofDays(1));
        api.forgetTokens();
        job.runDue();
        List<String> kept = server.server().database().read(h -> h.createQuery(
                "SELECT idem_key FROM idempotency_keys WHERE idem_key LIKE 'season-%'").mapTo(String.class).list());
        assertThat(kept).containsExactly("season-young");
    }

    /** A ticket issued and called by {@code clerk} at counter {@code number}, opened for it. */
    private static JsonNode calledAt(int number, String clerk) {
        long counter = api.counterId("TR01", number);
        api.act(clerk, "/api/v1/counters/" + counter + "/open").expect(200);
        api.issue("TR01", "P", false);
        return api.act(clerk, "/api/v1/counters/" + counter + "/call-next").expect(200).json();
    }

    private static String status(JsonNode ticket) {
        return api.get("/api/v1/tickets/" + ticket.get("id").asText(), api.token("supervisor1")).expect(200).json()
                .get("status").asText();
    }
}
