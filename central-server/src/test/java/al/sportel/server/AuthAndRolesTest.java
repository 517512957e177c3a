package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Login, lock-out, logout, and who may do what where. */
class AuthAndRolesTest {

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

    private Api.Response login(String user, String password) {
        return api.post("/api/v1/auth/login", null, Map.of("username", user, "password", password));
    }

    @Test
    void loginReturnsTokenAndUserAndMeAnswersWithIt() {
        JsonNode body = login("clerk1", "sportel").expect(200).json();
        assertThat(body.get("token").asText()).hasSizeGreaterThan(30);
        assertThat(body.get("expiresAt").asText()).endsWith("Z");
        JsonNode user = body.get("user");
        assertThat(user.get("username").asText()).isEqualTo("clerk1");
        assertThat(user.get("role").asText()).isEqualTo("CLERK");
        assertThat(user.get("branchCode").asText()).isEqualTo("TR01");
        assertThat(user.has("passwordHash")).isFalse();
        JsonNode me = api.get("/api/v1/me", body.get("token").asText()).expect(200).json();
        assertThat(me.get("id").asLong()).isEqualTo(user.get("id").asLong());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Api.Response wrong = login("clerk2", "nope").expect(401);
        Api.Response unknown = login("nobody-here", "nope").expect(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        assertThat(wrong.json().get("type")).isEqualTo(unknown.json().get("type"));
        // an empty or over-long password is a wrong one too (API.md: wrong credentials are 401), spaces around it are not kept
        // (each user once: a second failure in a row waits a second)
        assertThat(login("clerk3", "").expect(401).json().get("type")).isEqualTo(wrong.json().get("type"));
        assertThat(login("clerk4", "x".repeat(300)).expect(401).json().get("type")).isEqualTo(wrong.json().get("type"));
        login("clerk3", " sportel ").expect(200);
        api.post("/api/v1/auth/login", null, Map.of("username", "clerk6")).expect(422);
    }

    @Test
    void logoutEndsTheToken() {
        String token = login("clerk5", "sportel").expect(200).json().get("token").asText();
        api.get("/api/v1/me", token).expect(200);
        api.post("/api/v1/auth/logout", token, null).expect(204);
        api.get("/api/v1/me", token).expect(401);
    }

    @Test
    void noTokenOrABadOneIs401Everywhere() {
        api.get("/api/v1/branches", null).expect(401);
        api.get("/api/v1/branches", "made-up-token").expect(401);
        api.raw("GET", "/api/v1/branches", null, "", Map.of("Authorization", "Basic YWRtaW46c3BvcnRlbA==")).expect(401);
        api.post("/api/v1/counters/1/call-next", null, null).expect(401);
        api.get("/health", null).expect(200);
        assertThat(api.get("/health", null).json().get("status").asText()).isEqualTo("UP");
        api.get("/api/v1/openapi.json", null).expect(200);
        api.get("/api/v1/public/branches/TR01/display", null).expect(200);
    }

    @Test
    void aClerkOfAnotherBranchCannotCallAtATiranaCounter() {
        long tr1 = api.counterId("TR01", 6);
        api.act("clerk6", "/api/v1/counters/" + tr1 + "/open").expect(200);
        Api.Response r = api.act("clerk7", "/api/v1/counters/" + tr1 + "/call-next").expect(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        api.act("clerk7", "/api/v1/counters/" + tr1 + "/open").expect(403);
        api.get("/api/v1/branches/TR01/queue", api.token("clerk7")).expect(403);
        api.get("/api/v1/branches/TR01/counters", api.token("supervisor2")).expect(403);
        api.put("/api/v1/counters/" + tr1 + "/services", api.token("supervisor2"),
                Map.of("serviceIds", java.util.List.of(api.serviceId("TR01", "P")))).expect(403);
        api.post("/api/v1/branches/TR01/tickets", api.token("kiosk2"), Map.of("serviceId", api.serviceId("TR01", "P"))).expect(403);
        api.act("clerk6", "/api/v1/counters/" + tr1 + "/close").expect(200);
    }

    /** API.md: an unknown resource in the path is a 404, for a clerk or a kiosk as for an admin; another centre stays 403. */
    @Test
    void aCentreThatDoesNotExistIsNotFoundForEveryone() {
        api.get("/api/v1/branches/XX99/queue", api.token("clerk1")).expect(404);
        api.get("/api/v1/branches/XX99/services", api.token("clerk1")).expect(404);
        api.get("/api/v1/branches/XX99/counters", api.token("supervisor1")).expect(404);
        api.post("/api/v1/branches/XX99/tickets", api.token("kiosk1"), Map.of("serviceId", 1)).expect(404);
        Map<String, Integer> unknown = new TreeMap<>();
        for (String path : List.of("board", "services/all", "day-ends", "queue-settings", "fairness-rules", "out-of-order-calls?from=2026-11-01&to=2026-11-02",
                "appointments?date=2026-11-26", "closed-days", "forecast")) {
            unknown.put(path, api.get("/api/v1/branches/XX99/" + path, api.token("supervisor1")).status());
        }
        assertThat(unknown).as("a supervisor asking for a centre that does not exist").allSatisfy((path, status) -> assertThat(status).isEqualTo(404));
        api.get("/api/v1/branches/DR01/queue", api.token("clerk1")).expect(403);
        api.post("/api/v1/branches/DR01/tickets", api.token("kiosk1"), Map.of("serviceId", 1)).expect(403);
    }

    @Test
    void aKioskOnlyIssuesTickets() {
        long c = api.counterId("TR01", 5);
        api.act("kiosk1", "/api/v1/counters/" + c + "/call-next").expect(403);
        api.act("kiosk1", "/api/v1/counters/" + c + "/open").expect(403);
        api.get("/api/v1/branches/TR01/queue", api.token("kiosk1")).expect(403);
        JsonNode t = api.issue("TR01", "I", false);
        api.act("kiosk1", "/api/v1/tickets/" + t.get("id").asText() + "/cancel").expect(403);
        api.get("/api/v1/branches/TR01/services", api.token("kiosk1")).expect(200);
    }

    @Test
    void aClerkCannotActOnAnotherClerksTicketButTheSupervisorCan() {
        long c2 = api.counterId("DR01", 2);
        api.act("clerk8", "/api/v1/counters/" + c2 + "/open").expect(200);
        api.issue("DR01", "P", false);
        String id = api.act("clerk8", "/api/v1/counters/" + c2 + "/call-next").expect(200).json().get("id").asText();
        api.act("clerk9", "/api/v1/tickets/" + id + "/start").expect(403);
        api.act("clerk9", "/api/v1/counters/" + c2 + "/call-next").expect(403);
        api.act("supervisor2", "/api/v1/tickets/" + id + "/start").expect(200);
        api.act("supervisor1", "/api/v1/tickets/" + id + "/finish").expect(403);
        api.act("admin", "/api/v1/tickets/" + id + "/finish").expect(200);
    }

    @Test
    void onlyAnAdminCreatesCountersAndUsers() {
        Map<String, Object> user = Map.of("username", "clerk99", "displayName", "Test", "role", "CLERK",
                "branchCode", "TR01", "password", "long-enough-1");
        api.post("/api/v1/users", api.token("supervisor1"), user).expect(403);
        JsonNode created = api.post("/api/v1/users", api.token("admin"), user).expect(201).json();
        assertThat(created.get("role").asText()).isEqualTo("CLERK");
        api.post("/api/v1/users", api.token("admin"), user).expect(409);
        login("clerk99", "long-enough-1").expect(200);
        api.post("/api/v1/branches/DR01/counters", api.token("supervisor2"),
                Map.of("number", 9, "serviceIds", java.util.List.of(api.serviceId("DR01", "P")))).expect(403);
        JsonNode counter = api.post("/api/v1/branches/DR01/counters", api.token("admin"),
                Map.of("number", 9, "serviceIds", java.util.List.of(api.serviceId("DR01", "P")))).expect(201).json();
        assertThat(counter.get("status").asText()).isEqualTo("CLOSED");
        assertThat(counter.get("name").asText()).isEqualTo("Sporteli 9");
    }

    @Test
    void aNewRoleOrCentreEndsTheUsersSessionsSoAnOldTokenCarriesNoNewRights() {
        Map<String, Object> hall = Map.of("username", "kiosk.hall", "displayName", "Kioska e sallës", "role", "KIOSK",
                "branchCode", "TR01", "password", "long-enough-2");
        long id = api.post("/api/v1/users", api.token("admin"), hall).expect(201).json().get("id").asLong();
        String kioskToken = login("kiosk.hall", "long-enough-2").expect(200).json().get("token").asText();
        api.get("/api/v1/me", kioskToken).expect(200);

        // the hall device's token lasts a year: made a supervisor, the user signs in again, the device's token is over
        api.raw("PATCH", "/api/v1/users/" + id, api.token("admin"), Api.write(Map.of("role", "SUPERVISOR")), Map.of()).expect(200);
        api.get("/api/v1/me", kioskToken).expect(401);
        String supervisorToken = login("kiosk.hall", "long-enough-2").expect(200).json().get("token").asText();
        assertThat(api.get("/api/v1/me", supervisorToken).expect(200).json().get("role").asText()).isEqualTo("SUPERVISOR");

        // a move to another centre too; a new display name alone ends nothing
        api.raw("PATCH", "/api/v1/users/" + id, api.token("admin"), Api.write(Map.of("displayName", "Drita")), Map.of()).expect(200);
        api.get("/api/v1/me", supervisorToken).expect(200);
        api.raw("PATCH", "/api/v1/users/" + id, api.token("admin"), Api.write(Map.of("branchCode", "DR01")), Map.of()).expect(200);
        api.get("/api/v1/me", supervisorToken).expect(401);
    }
}
