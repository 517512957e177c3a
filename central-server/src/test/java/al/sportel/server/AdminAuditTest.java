package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Administration leaves no half-made record, never strands a counter, and every change is in an audit log someone can read. */
class AdminAuditTest {

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

    private static String admin() {
        return api.token("admin");
    }

    private static Api.Response patch(String path, Object body) {
        return api.raw("PATCH", path, admin(), Api.write(body), Map.of());
    }

    private static List<JsonNode> audit(String query, String token) {
        JsonNode log = api.get("/api/v1/audit?" + query, token).expect(200).json();
        return StreamSupport.stream(log.spliterator(), false).toList();
    }

    private static List<String> lines(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("action").asText() + " | " + e.get("target").asText() + " | " + e.get("details").asText())
                .toList();
    }

    @Test
    void aCounterWithAnotherCentresServicesIsRefusedAndLeavesNothingBehind() {
        long trService = api.serviceId("TR01", "P");
        api.post("/api/v1/branches/DR01/counters", admin(), Map.of("number", 7, "serviceIds", List.of(trService))).expect(422);
        JsonNode counters = api.get("/api/v1/branches/DR01/counters", admin()).expect(200).json();
        assertThat(counters.findValuesAsText("number")).as("no counter 7 was left behind").doesNotContain("7");

        long drService = api.serviceId("DR01", "P");
        JsonNode made = api.post("/api/v1/branches/DR01/counters", admin(), Map.of("number", 7, "serviceIds", List.of(drService)))
                .expect(201).json();
        assertThat(made.get("serviceIds").get(0).asLong()).isEqualTo(drService);
        assertThat(lines(audit("branchCode=DR01&kind=changes", api.token("supervisor2"))))
                .anySatisfy(l -> assertThat(l).startsWith("counter.created | counter 7"));
    }

    @Test
    void aUserMovedBetweenCentresIsInBothLogsAndOneMadeAdminInTheCompanyLog() {
        JsonNode user = api.post("/api/v1/users", admin(), Map.of("username", "drita.move", "displayName", "Drita Leka", "role", "CLERK",
                "branchCode", "TR01", "password", "a-long-enough-password")).expect(201).json();
        long id = user.get("id").asLong();
        assertThat(lines(audit("branchCode=TR01&kind=changes", api.token("supervisor1"))))
                .anySatisfy(l -> assertThat(l).startsWith("user.created | user drita.move | ").contains("role=CLERK"));

        patch("/api/v1/users/" + id, Map.of("branchCode", "DR01")).expect(200);
        assertThat(lines(audit("branchCode=TR01&kind=changes", api.token("supervisor1"))))
                .as("the centre she left sees the move").anySatisfy(l -> assertThat(l).contains("user drita.move").contains("TR01 → DR01"));
        assertThat(lines(audit("branchCode=DR01&kind=changes", api.token("supervisor2"))))
                .as("and the centre she joined").anySatisfy(l -> assertThat(l).contains("user drita.move").contains("TR01 → DR01"));

        patch("/api/v1/users/" + id, Map.of("role", "ADMIN")).expect(200);
        assertThat(lines(audit("kind=changes", admin()))).as("the company-wide log")
                .anySatisfy(l -> assertThat(l).contains("user drita.move").contains("role=CLERK → ADMIN"));
        api.get("/api/v1/audit", api.token("supervisor1")).expect(422);
        api.get("/api/v1/audit?branchCode=TR01&kind=everything", admin()).expect(422);
        api.get("/api/v1/audit?branchCode=TR01&from=2026-11-20&to=2026-11-10", admin()).expect(422);
        assertThat(audit("branchCode=TR01&from=2001-01-01&to=2001-12-31", admin())).as("a range before anything happened").isEmpty();
    }

    @Test
    void aClerkAtAnOpenCounterIsNeitherMovedNorGivenAnotherRoleUntilItIsClosed() {
        long counter = api.counterId("TR01", 5);
        api.act("clerk5", "/api/v1/counters/" + counter + "/open").expect(200);
        long clerk5 = StreamSupport.stream(api.get("/api/v1/users?branchCode=TR01", admin()).expect(200).json().spliterator(), false)
                .filter(u -> u.get("username").asText().equals("clerk5")).findFirst().orElseThrow().get("id").asLong();

        JsonNode problem = patch("/api/v1/users/" + clerk5, Map.of("branchCode", "DR01")).expect(409).json();
        assertThat(problem.get("type").asText()).endsWith("user-at-counter");
        patch("/api/v1/users/" + clerk5, Map.of("role", "SUPERVISOR")).expect(409);
        patch("/api/v1/users/" + clerk5, Map.of("displayName", "Klerk Pesë")).expect(200); // a new name strands nothing
        assertThat(api.get("/api/v1/branches/TR01/counters", admin()).expect(200).json().findValuesAsText("status")).contains("OPEN");

        api.act("clerk5", "/api/v1/counters/" + counter + "/close").expect(200);
        patch("/api/v1/users/" + clerk5, Map.of("branchCode", "DR01")).expect(200);
    }

    @Test
    void feeAndQueueRuleChangesAreAuditedWithBeforeAndAfterAndAFeeAboveAnyPaymentIsRefused() {
        Map<String, Object> fee = Map.of("name", "Provë matësi", "nameEn", "Meter test", "price", "2500.00", "vatRatePercent", 20);
        api.put("/api/v1/fees/METER_TEST", admin(), fee).expect(200);
        Map<String, Object> typo = Map.of("name", "Provë matësi", "nameEn", "Meter test", "price", "99999999999.99", "vatRatePercent", 20);
        api.put("/api/v1/fees/METER_TEST", admin(), typo).expect(422);
        assertThat(lines(audit("kind=changes", admin()))).anySatisfy(l -> assertThat(l).startsWith("fee.changed | fee METER_TEST | ")
                .contains("2500.00 lek"));

        long service = api.serviceId("TR01", "P");
        api.put("/api/v1/services/" + service + "/fairness-rule", api.token("supervisor1"),
                Map.of("maxPriorityInRow", 5, "maxRegularWaitMinutes", 45)).expect(200);
        api.put("/api/v1/branches/TR01/queue-settings", api.token("supervisor1"),
                Map.of("noShowGraceMinutes", 20, "reactivateTo", "NEXT_CALL")).expect(200);
        List<String> tr01 = lines(audit("branchCode=TR01&kind=changes", api.token("supervisor1")));
        assertThat(tr01).anySatisfy(l -> assertThat(l).startsWith("fairness-rule.changed | service TR01/P | ")
                .contains("maxPriorityInRow=3 → 5"));
        assertThat(tr01).anySatisfy(l -> assertThat(l).startsWith("queue-settings.changed | branch TR01 | ").contains("NEXT_CALL"));
    }
}
