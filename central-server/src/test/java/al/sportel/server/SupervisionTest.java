package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The supervisor console's server side: the live board, the actions and their role rules, the audit log. */
class SupervisionTest {

    private static MutableClock clock;
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
        server = TestServer.start(clock);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode service(JsonNode board, String letter) {
        return StreamSupport.stream(board.get("services").spliterator(), false)
                .filter(s -> s.get("letter").asText().equals(letter)).findFirst().orElseThrow();
    }

    private static JsonNode board(String user) {
        return api.get("/api/v1/branches/DR01/board", api.token(user)).expect(200).json();
    }

    @Test
    void theBoardShowsCountersServicesAndTodayAndRedWhenAWaitPassesItsThreshold() {
        assertThat(api.get("/api/v1/branches/DR01/board", api.token("clerk7")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/branches/DR01/board", api.token("supervisor1")).status()).as("TR01's supervisor").isEqualTo(403);
        api.get("/api/v1/branches/DR01/board", api.token("admin")).expect(200);

        JsonNode before = board("supervisor2");
        int waitingBefore = service(before, "I").get("waiting").asInt();
        JsonNode t1 = api.issue("DR01", "I", false);
        api.issue("DR01", "I", false);
        long counter = api.counterId("DR01", 1);
        api.act("clerk7", "/api/v1/counters/" + counter + "/open").expect(200);
        clock.advance(Duration.ofMinutes(3));
        JsonNode called = api.act("clerk7", "/api/v1/counters/" + counter + "/call-next").expect(200).json();
        api.act("clerk7", "/api/v1/tickets/" + called.get("id").asText() + "/start").expect(200);
        clock.advance(Duration.ofMinutes(4));
        api.act("clerk7", "/api/v1/tickets/" + called.get("id").asText() + "/finish").expect(200);

        JsonNode b = board("supervisor2");
        JsonNode info = service(b, "I");
        assertThat(info.get("waiting").asInt()).isEqualTo(waitingBefore + 1);
        assertThat(info.get("served").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(info.get("longestWaitSeconds").asLong()).isGreaterThanOrEqualTo(7 * 60);
        assertThat(info.get("overThreshold").asBoolean()).as("7 minutes is under the default 20").isFalse();
        assertThat(b.get("today").get("served").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(b.get("counters")).anySatisfy(c -> {
            assertThat(c.get("id").asLong()).isEqualTo(counter);
            assertThat(c.get("clerk").get("username").asText()).isEqualTo("clerk7");
        });
        assertThat(b.get("waiting")).anyMatch(t -> t.get("id").asText().equals(t1.get("id").asText())
                || t.get("serviceLetter").asText().equals("I"));
        assertThat(b.get("ticketsPerHour").size()).isPositive();
        assertThat(b.get("waitDistribution").get(0).get("fromMinutes").asInt()).isZero();

        // the supervisor sets the threshold for Informacion to 5 minutes: the service turns red
        long informacion = info.get("id").asLong();
        api.raw("PATCH", "/api/v1/services/" + informacion, api.token("supervisor2"), "{\"maxWaitMinutes\":5}", Map.of()).expect(200);
        assertThat(service(board("supervisor2"), "I").get("overThreshold").asBoolean()).isTrue();
        api.raw("PATCH", "/api/v1/services/" + informacion, api.token("supervisor1"), "{\"maxWaitMinutes\":5}", Map.of()).expect(403);
        api.raw("PATCH", "/api/v1/services/" + informacion, api.token("supervisor2"), "{\"name\":\"X\"}", Map.of()).expect(403);
        api.raw("PATCH", "/api/v1/services/" + informacion, api.token("supervisor2"), "{\"maxWaitMinutes\":0}", Map.of()).expect(422);
        api.raw("PATCH", "/api/v1/services/" + informacion, api.token("supervisor2"), "{\"maxWaitMinutes\":20}", Map.of()).expect(200);
    }

    @Test
    void supervisorActionsGoThroughTheApiWithRoleRulesAndLandInTheAuditLog() {
        JsonNode a = api.issue("DR01", "A", false);
        JsonNode b = api.issue("DR01", "A", false);
        String bId = b.get("id").asText();
        // priority: clerk 403, the other branch's supervisor 403, this branch's supervisor 200
        api.post("/api/v1/tickets/" + bId + "/priority", api.token("clerk8"), Map.of("priority", true)).expect(403);
        api.post("/api/v1/tickets/" + bId + "/priority", api.token("supervisor1"), Map.of("priority", true)).expect(403);
        JsonNode prioritized = api.post("/api/v1/tickets/" + bId + "/priority", api.token("supervisor2"), Map.of("priority", true))
                .expect(200).json();
        assertThat(prioritized.get("priority").asBoolean()).isTrue();
        assertThat(prioritized.get("position").asInt()).as("ahead of the ticket issued before it").isEqualTo(1);
        api.post("/api/v1/tickets/" + bId + "/priority", api.token("supervisor2"), Map.of("priority", "yes")).expect(422);

        // the supervisor moves the first one to another service, then cancels it
        long kontrata = api.serviceId("DR01", "K");
        api.post("/api/v1/tickets/" + a.get("id").asText() + "/transfer", api.token("supervisor1"), Map.of("serviceId", kontrata)).expect(403);
        JsonNode moved = api.post("/api/v1/tickets/" + a.get("id").asText() + "/transfer", api.token("supervisor2"),
                Map.of("serviceId", kontrata)).expect(200).json();
        assertThat(moved.get("serviceId").asLong()).isEqualTo(kontrata);
        api.act("supervisor1", "/api/v1/tickets/" + a.get("id").asText() + "/cancel").expect(403);
        api.act("supervisor2", "/api/v1/tickets/" + a.get("id").asText() + "/cancel").expect(200);

        // reassigning a counter's services changes what its call-next returns
        long counter = api.counterId("DR01", 3);
        api.put("/api/v1/counters/" + counter + "/services", api.token("clerk9"), Map.of("serviceIds", List.of(kontrata))).expect(403);
        api.put("/api/v1/counters/" + counter + "/services", api.token("supervisor1"), Map.of("serviceIds", List.of(kontrata))).expect(403);
        long aplikime = api.serviceId("DR01", "A");
        api.put("/api/v1/counters/" + counter + "/services", api.token("supervisor2"), Map.of("serviceIds", List.of(aplikime))).expect(200);
        Api.Response opened = api.act("clerk9", "/api/v1/counters/" + counter + "/open");
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        JsonNode next = api.act("clerk9", "/api/v1/counters/" + counter + "/call-next").expect(200).json();
        assertThat(next.get("id").asText()).isEqualTo(bId);
        // and the supervisor pauses that counter
        api.act("supervisor1", "/api/v1/counters/" + counter + "/pause").expect(403);

        JsonNode audit = api.get("/api/v1/audit?branchCode=DR01", api.token("supervisor2")).expect(200).json();
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("ticket.prioritized");
            assertThat(e.get("actor").asText()).isEqualTo("supervisor2");
        });
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("ticket.cancelled");
            assertThat(e.get("actor").asText()).isEqualTo("supervisor2");
        });
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("counter.updated");
            assertThat(e.get("actor").asText()).isEqualTo("supervisor2");
        });
        api.get("/api/v1/audit?branchCode=DR01", api.token("supervisor1")).expect(403);
        api.get("/api/v1/audit?branchCode=DR01", api.token("clerk7")).expect(403);
    }

    @Test
    void administrationOfUsersBranchesServicesAndCountersIsForAdminsAndAudited() {
        String admin = api.token("admin");
        JsonNode user = api.post("/api/v1/users", admin, Map.of("username", "newclerk", "displayName", "Klerk i Ri", "role", "CLERK",
                "branchCode", "DR01", "password", "first-password")).expect(201).json();
        long id = user.get("id").asLong();
        api.get("/api/v1/users", api.token("supervisor2")).expect(403);
        assertThat(api.get("/api/v1/users?branchCode=DR01", admin).expect(200).json()).anyMatch(u -> u.get("id").asLong() == id);
        assertThat(api.get("/api/v1/users", admin).expect(200).json()).anyMatch(u -> u.get("username").asText().equals("supervisor1"));

        String login = "{\"username\":\"newclerk\",\"password\":\"first-password\"}";
        String token = api.raw("POST", "/api/v1/auth/login", null, login, Map.of()).expect(200).json().get("token").asText();
        api.raw("PATCH", "/api/v1/users/" + id, admin, "{\"displayName\":\"Klerk Durrës\",\"role\":\"SUPERVISOR\"}", Map.of()).expect(200);
        api.raw("PATCH", "/api/v1/users/" + id, admin, "{\"role\":\"BOSS\"}", Map.of()).expect(422);
        api.raw("PATCH", "/api/v1/users/" + id, api.token("supervisor2"), "{\"active\":false}", Map.of()).expect(403);
        // reset: the old password and the old session stop working, the new password works
        api.post("/api/v1/users/" + id + "/password", admin, Map.of("password", "short")).expect(422);
        api.post("/api/v1/users/" + id + "/password", admin, Map.of("password", "second-password")).expect(204);
        api.get("/api/v1/me", token).expect(401);
        api.raw("POST", "/api/v1/auth/login", null, login, Map.of()).expect(401);
        api.raw("POST", "/api/v1/auth/login", null, "{\"username\":\"newclerk\",\"password\":\"second-password\"}", Map.of()).expect(200);
        // disabled: cannot sign in at all
        api.raw("PATCH", "/api/v1/users/" + id, admin, "{\"active\":false}", Map.of()).expect(200);
        api.raw("POST", "/api/v1/auth/login", null, "{\"username\":\"newclerk\",\"password\":\"second-password\"}", Map.of()).expect(401);
        long adminId = api.get("/api/v1/me", admin).expect(200).json().get("id").asLong();
        api.raw("PATCH", "/api/v1/users/" + adminId, admin, "{\"active\":false}", Map.of()).expect(409);

        api.raw("PATCH", "/api/v1/branches/DR01", admin, "{\"address\":\"Rruga e Re 1, Durrës\"}", Map.of()).expect(200);
        api.raw("PATCH", "/api/v1/branches/XX99", admin, "{\"address\":\"x\"}", Map.of()).expect(404);
        api.raw("PATCH", "/api/v1/branches/DR01", api.token("supervisor2"), "{\"address\":\"x\"}", Map.of()).expect(403);
        JsonNode service = api.post("/api/v1/branches/DR01/services", admin, Map.of("letter", "R", "name", "Rikonektim",
                "averageServiceSeconds", 420)).expect(201).json();
        api.post("/api/v1/branches/DR01/services", admin, Map.of("letter", "R", "name", "Dy herë")).expect(409);
        api.post("/api/v1/branches/DR01/services", admin, Map.of("letter", "rr", "name", "Keq")).expect(422);
        api.raw("PATCH", "/api/v1/services/" + service.get("id").asLong(), admin, "{\"active\":false}", Map.of()).expect(200);
        long counter = api.counterId("DR01", 2);
        api.raw("PATCH", "/api/v1/counters/" + counter, admin, "{\"name\":\"Sporteli i shpejtë\"}", Map.of()).expect(200);
        api.raw("PATCH", "/api/v1/counters/" + counter, admin, "{\"name\":\"\"}", Map.of()).expect(422);

        JsonNode audit = api.get("/api/v1/audit?branchCode=DR01&limit=1000", admin).expect(200).json();
        for (String action : List.of("user.changed", "user.password-reset", "user.disabled", "branch.changed", "service.created",
                "service.changed", "counter.changed")) {
            assertThat(audit).as(action).anySatisfy(e -> {
                assertThat(e.get("action").asText()).isEqualTo(action);
                assertThat(e.get("actor").asText()).isEqualTo("admin");
            });
        }
    }
}
