package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Throws bad input at every endpoint: each answer is a 4xx problem+json, never a 5xx, and afterwards
 * the queues, counters and users are exactly as before.
 */
class BadInputTest {

    private static TestServer server;
    private static Api api;
    private static String ticketId;
    private static long counterId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
        counterId = api.counterId("TR01", 1);
        api.act("clerk1", "/api/v1/counters/" + counterId + "/open").expect(200);
        ticketId = api.issue("TR01", "P", false).get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Call(String method, String path, String user, String body) {
    }

    private static final String HUGE = "x".repeat(20_000);
    private static final String TOO_BIG_FOR_THE_SERVER = "{\"serviceId\":\"" + "y".repeat(100_000) + "\"}";

    private static List<String> badBodies(String field) {
        return List.of("", "{", "not json", "[]", "null", "\"text\"", "42", "{}",
                "{\"" + field + "\":\"abc\"}", "{\"" + field + "\":1.5}", "{\"" + field + "\":-3}",
                "{\"" + field + "\":true}", "{\"" + field + "\":[0]}", "{\"" + field + "\":{}}",
                "{\"" + field + "\":99999999999999999999999}", "{\"" + field + "\":999999}",
                "{\"" + field + "\":\"" + HUGE + "\"}", TOO_BIG_FOR_THE_SERVER);
    }

    private static List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        for (String b : badBodies("serviceId")) {
            calls.add(new Call("POST", "/api/v1/branches/TR01/tickets", "kiosk1", b));
            calls.add(new Call("POST", "/api/v1/tickets/" + ticketId + "/transfer", "clerk1", b));
        }
        for (String b : badBodies("serviceIds")) {
            calls.add(new Call("PUT", "/api/v1/counters/" + counterId + "/services", "supervisor1", b));
            calls.add(new Call("POST", "/api/v1/branches/TR01/counters", "admin", b));
        }
        for (String b : badBodies("username")) {
            calls.add(new Call("POST", "/api/v1/auth/login", null, b));
            calls.add(new Call("POST", "/api/v1/users", "admin", b));
        }
        calls.add(new Call("POST", "/api/v1/tickets/" + ticketId + "/transfer", "clerk1", "{\"serviceId\":1,\"counterId\":1}"));
        calls.add(new Call("PUT", "/api/v1/counters/" + counterId + "/services", "supervisor1", "{\"serviceIds\":[]}"));
        calls.add(new Call("PUT", "/api/v1/counters/" + counterId + "/services", "supervisor1", "{\"serviceIds\":[1,1]}"));
        calls.add(new Call("POST", "/api/v1/branches/TR01/counters", "admin", "{\"number\":1,\"serviceIds\":[1]}"));
        calls.add(new Call("POST", "/api/v1/users", "admin",
                "{\"username\":\"clerk1\",\"displayName\":\"x\",\"role\":\"CLERK\",\"branchCode\":\"TR01\",\"password\":\"12345678\"}"));
        calls.add(new Call("POST", "/api/v1/users", "admin",
                "{\"username\":\"new1\",\"displayName\":\"x\",\"role\":\"GOD\",\"branchCode\":\"TR01\",\"password\":\"12345678\"}"));
        calls.add(new Call("POST", "/api/v1/users", "admin",
                "{\"username\":\"new2\",\"displayName\":\"x\",\"role\":\"CLERK\",\"branchCode\":\"XX01\",\"password\":\"12345678\"}"));
        calls.add(new Call("POST", "/api/v1/auth/login", null, "{\"username\":\"admin\",\"password\":123}"));

        List<String> badIds = List.of("999999", "0", "-1", "abc", "1.5", "9".repeat(40), "%20", "x".repeat(300));
        for (String id : badIds) {
            for (String action : List.of("open", "pause", "close", "call-next")) {
                calls.add(new Call("POST", "/api/v1/counters/" + id + "/" + action, "clerk1", null));
            }
            calls.add(new Call("PUT", "/api/v1/counters/" + id + "/services", "supervisor1", "{\"serviceIds\":[1]}"));
            for (String action : List.of("recall", "start", "finish", "no-show", "return", "cancel")) {
                calls.add(new Call("POST", "/api/v1/tickets/" + id + "/" + action, "clerk1", null));
            }
            calls.add(new Call("POST", "/api/v1/tickets/" + id + "/transfer", "clerk1", "{\"serviceId\":1}"));
            calls.add(new Call("GET", "/api/v1/tickets/" + id, "clerk1", null));
        }
        for (String branch : List.of("XX99", "tr01", "x".repeat(300), "%27%3B--")) {
            calls.add(new Call("GET", "/api/v1/branches/" + branch + "/services", "admin", null));
            calls.add(new Call("GET", "/api/v1/branches/" + branch + "/counters", "admin", null));
            calls.add(new Call("GET", "/api/v1/branches/" + branch + "/queue", "admin", null));
            calls.add(new Call("POST", "/api/v1/branches/" + branch + "/tickets", "admin", "{\"serviceId\":1}"));
            calls.add(new Call("GET", "/api/v1/public/branches/" + branch + "/display", null, null));
        }
        // no token, and tokens of the wrong role or branch, at every protected endpoint
        List<String[]> protectedCalls = List.of(
                new String[] {"GET", "/api/v1/me"}, new String[] {"GET", "/api/v1/branches"},
                new String[] {"GET", "/api/v1/branches/TR01/services"}, new String[] {"GET", "/api/v1/branches/TR01/counters"},
                new String[] {"GET", "/api/v1/branches/TR01/queue"}, new String[] {"POST", "/api/v1/branches/TR01/tickets"},
                new String[] {"GET", "/api/v1/tickets/" + ticketId}, new String[] {"POST", "/api/v1/counters/" + counterId + "/call-next"},
                new String[] {"POST", "/api/v1/counters/" + counterId + "/open"}, new String[] {"POST", "/api/v1/counters/" + counterId + "/close"},
                new String[] {"POST", "/api/v1/tickets/" + ticketId + "/cancel"}, new String[] {"POST", "/api/v1/tickets/" + ticketId + "/transfer"},
                new String[] {"PUT", "/api/v1/counters/" + counterId + "/services"}, new String[] {"POST", "/api/v1/users"},
                new String[] {"POST", "/api/v1/branches/TR01/counters"}, new String[] {"POST", "/api/v1/auth/logout"});
        for (String[] p : protectedCalls) {
            calls.add(new Call(p[0], p[1], null, "{\"serviceId\":1}"));
            calls.add(new Call(p[0], p[1], "garbage-token", "{\"serviceId\":1}"));
            if (!p[1].equals("/api/v1/me") && !p[1].equals("/api/v1/branches") && !p[1].endsWith("logout")) {
                calls.add(new Call(p[0], p[1], "clerk7", "{\"serviceIds\":[1],\"serviceId\":1}"));
            }
        }
        for (String b : badBodies("amount")) {
            calls.add(new Call("POST", "/api/v1/payments", "clerk1", b));
            calls.add(new Call("POST", "/api/v1/payments/1/void", "supervisor1", b));
        }
        for (String id : badIds) {
            calls.add(new Call("GET", "/api/v1/customers/" + id, "clerk1", null));
            calls.add(new Call("GET", "/api/v1/payments/" + id, "clerk1", null));
            calls.add(new Call("GET", "/api/v1/payments/" + id + "/receipt.pdf", "clerk1", null));
            calls.add(new Call("POST", "/api/v1/payments/" + id + "/void", "supervisor1", "{\"reason\":\"x\"}"));
            calls.add(new Call("GET", "/api/v1/reports/cash?counterId=" + id, "clerk1", null));
            calls.add(new Call("GET", "/api/v1/public/receipts/" + id, null, null));
        }
        calls.add(new Call("POST", "/api/v1/payments", null, "{}"));
        calls.add(new Call("POST", "/api/v1/payments", "kiosk1", "{}"));
        calls.add(new Call("DELETE", "/api/v1/branches", "admin", null));
        calls.add(new Call("GET", "/api/v1/no-such-thing", "admin", null));
        return calls;
    }

    private Map<String, String> state() {
        return Map.of(
                "TR01", api.get("/api/v1/branches/TR01/queue", api.token("admin")).expect(200).body(),
                "DR01", api.get("/api/v1/branches/DR01/queue", api.token("admin")).expect(200).body(),
                "ticket", api.get("/api/v1/tickets/" + ticketId, api.token("admin")).expect(200).body(),
                "customer", api.get("/api/v1/customers/100001", api.token("admin")).expect(200).body(),
                "cash", api.get("/api/v1/reports/cash?counterId=" + counterId, api.token("admin")).expect(200).body());
    }

    @Test
    void everyBadRequestIsAClear4xxAndChangesNothing() {
        Map<String, String> before = state();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Call c : calls()) {
            String token = c.user() == null ? null : c.user().equals("garbage-token") ? "garbage-token" : api.token(c.user());
            // payments get a fresh key each: the body, not the missing header, is what is under test
            Map<String, String> headers = c.path().equals("/api/v1/payments") && c.user() != null && !c.user().equals("kiosk1")
                    ? Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()) : Map.of();
            Api.Response r = api.raw(c.method(), c.path(), token, c.body() == null ? "" : c.body(), headers);
            checked++;
            String what = c.method() + " " + abbreviate(c.path()) + " as " + c.user() + " with " + abbreviate(String.valueOf(c.body()));
            if (r.status() < 400 || r.status() >= 500) {
                failures.add(what + " -> " + r.status() + " " + abbreviate(r.body()));
                continue;
            }
            if (!r.contentType().startsWith("application/problem+json")) {
                failures.add(what + " -> " + r.status() + " with content type " + r.contentType());
                continue;
            }
            JsonNode p = r.json();
            if (p.get("status").asInt() != r.status() || p.get("title").asText().isBlank() || !p.get("type").asText().startsWith("https://")) {
                failures.add(what + " -> incomplete problem " + abbreviate(r.body()));
            }
        }
        assertThat(failures).as("%d requests checked", checked).isEmpty();
        assertThat(checked).isGreaterThan(250);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void fieldErrorsNameTheFields() {
        JsonNode p = api.raw("POST", "/api/v1/branches/TR01/tickets", api.token("kiosk1"),
                "{\"serviceId\":\"P\",\"priority\":\"yes\"}", Map.of()).expect(422).json();
        assertThat(p.get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder("serviceId", "priority");
        assertThat(api.raw("POST", "/api/v1/auth/login", null, "{bad", Map.of()).expect(400).json().get("detail").asText())
                .contains("JSON");
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
