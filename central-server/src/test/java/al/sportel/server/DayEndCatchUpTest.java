package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import al.sportel.server.ops.DayEndJob;
import al.sportel.server.queue.DayEnd;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A day end the server missed (down from before 20:00 until the next morning) is run the next morning, for
 * that day only: today's tickets and the counters today's clerks signed in at are left alone. The job's
 * timer is not started here (a demo server without a day-end time), so the test runs it at the moments it
 * chooses; it ends the centres' days at the default 20:00.
 */
class DayEndCatchUpTest {

    private static final ZoneId TIRANE = ZoneId.of("Europe/Tirane");
    private static MutableClock clock;
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        clock = new MutableClock(LocalDate.now(TIRANE).atTime(LocalTime.of(18, 30)).atZone(TIRANE).toInstant());
        server = TestServer.start(clock);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aMissedDayEndIsRunTheNextMorningWithoutTouchingToday() {
        DayEndJob job = server.server().operations().dayEndJob();
        LocalDate day1 = clock.instant().atZone(TIRANE).toLocalDate();
        // day 1, 18:30: clerks who will go home leaving a ticket called at counter 2 and one being served at counter 3;
        // clerk4 holds counter 4 with nothing at it; a citizen still waits
        JsonNode called = calledAt(2, "clerk2");
        JsonNode served = calledAt(3, "clerk3");
        api.act("clerk3", "/api/v1/tickets/" + served.get("id").asText() + "/start").expect(200);
        long counter4 = api.counterId("TR01", 4);
        api.act("clerk4", "/api/v1/counters/" + counter4 + "/open").expect(200);
        JsonNode waiting = api.issue("TR01", "P", false);
        assertThat(job.runDue()).as("18:30: not yet").isEmpty();

        // the server is down from 19:00 until 08:20 the next morning: day 1's end never ran
        clock.advance(Duration.ofHours(13).plusMinutes(50));
        LocalDate day2 = clock.instant().atZone(TIRANE).toLocalDate();
        assertThat(day2).isEqualTo(day1.plusDays(1));
        api.forgetTokens(); // yesterday's sessions have expired; everyone signs in again
        // before the job gets to it, today's clerks start: clerk1 at counter 1, clerk4 back at the counter it left
        // open yesterday; clerk5 cannot have counter 2, yesterday's clerk still holds it
        long counter1 = api.counterId("TR01", 1);
        long counter2 = api.counterId("TR01", 2);
        long counter3 = api.counterId("TR01", 3);
        api.act("clerk1", "/api/v1/counters/" + counter1 + "/open").expect(200);
        api.act("clerk4", "/api/v1/counters/" + counter4 + "/open").expect(200);
        Api.Response taken = api.act("clerk5", "/api/v1/counters/" + counter2 + "/open").expect(409);
        assertThat(taken.json().get("type").asText()).endsWith("counter-taken");
        JsonNode today = api.issue("TR01", "P", false);

        List<DayEnd.Result> done = job.runDue();
        assertThat(done).as("day 1 of TR01 only: DR01 had no tickets, today's end is at 20:00")
                .containsExactly(new DayEnd.Result("TR01", day1, 3, 2));
        assertThat(status(waiting)).isEqualTo("CANCELLED");
        assertThat(status(called)).as("called and never served: a no-show").isEqualTo("NO_SHOW");
        assertThat(status(served)).as("its end never recorded: cancelled").isEqualTo("CANCELLED");
        assertThat(status(today)).as("today's ticket").isEqualTo("WAITING");
        assertThat(counter(counter2).get("status").asText()).isEqualTo("CLOSED");
        assertThat(counter(counter3).get("status").asText()).isEqualTo("CLOSED");
        assertThat(counter(counter1).get("status").asText()).as("opened today").isEqualTo("OPEN");
        JsonNode fourth = counter(counter4);
        assertThat(fourth.get("status").asText()).as("its clerk signed in today").isEqualTo("OPEN");
        assertThat(fourth.get("clerk").get("username").asText()).isEqualTo("clerk4");

        // the counters are free for today's clerks, and today's ticket is called
        api.act("clerk5", "/api/v1/counters/" + counter2 + "/open").expect(200);
        JsonNode next = api.act("clerk5", "/api/v1/counters/" + counter2 + "/call-next").expect(200).json();
        assertThat(next.get("id").asText()).isEqualTo(today.get("id").asText());
        api.act("clerk6", "/api/v1/counters/" + counter3 + "/open").expect(200);

        JsonNode runs = api.get("/api/v1/branches/TR01/day-ends", api.token("supervisor1")).expect(200).json();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("businessDate").asText()).isEqualTo(day1.toString());
        assertThat(api.get("/api/v1/branches/DR01/day-ends", api.token("admin")).expect(200).json()).as("no tickets, no run").isEmpty();
        JsonNode report = api.get("/api/v1/reports/branch?branchCode=TR01&from=" + day1 + "&to=" + day1, api.token("supervisor1"))
                .expect(200).json();
        assertThat(report.toString()).contains("\"cancelled\":2");
        assertThat(job.runDue()).as("once").isEmpty();

        // at 20:00 today's day ends as always
        clock.advance(Duration.ofHours(11).plusMinutes(45));
        api.forgetTokens();
        JsonNode issuedLater = api.issue("TR01", "P", false);
        assertThat(job.runDue()).extracting(DayEnd.Result::branchCode, DayEnd.Result::day)
                .containsExactly(tuple("DR01", day2), tuple("TR01", day2));
        assertThat(status(issuedLater)).isEqualTo("CANCELLED");
        assertThat(counter(counter1).get("status").asText()).isEqualTo("CLOSED");
    }

    /** A ticket issued and called by {@code clerk} at counter {@code number}, opened for it. */
    private static JsonNode calledAt(int number, String clerk) {
        long counter = api.counterId("TR01", number);
        api.act(clerk, "/api/v1/counters/" + counter + "/open").expect(200);
        api.issue("TR01", "P", false);
        return api.act(clerk, "/api/v1/counters/" + counter + "/call-next").expect(200).json();
    }

    private static JsonNode counter(long id) {
        for (JsonNode c : api.get("/api/v1/branches/TR01/counters", api.token("supervisor1")).expect(200).json()) {
            if (c.get("id").asLong() == id) {
                return c;
            }
        }
        throw new AssertionError("no counter " + id);
    }

    private static String status(JsonNode ticket) {
        return api.get("/api/v1/tickets/" + ticket.get("id").asText(), api.token("supervisor1")).expect(200).json()
                .get("status").asText();
    }
}
