package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a monitoring system sees: health for the load balancer, and the metrics behind their token. */
class OperationsTest {

    private static final String TOKEN = "ops-" + UUID.randomUUID();
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(Clock.systemUTC(),
                c -> c.withOps(c.ops().withOpsToken(TOKEN).withManagement("127.0.0.1", 0)));
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String metrics() {
        return api.raw("GET", "/metrics", null, "", Map.of("Authorization", "Bearer " + TOKEN)).expect(200).body();
    }

    @Test
    void liveAndReadyAnswerForTheLoadBalancer() {
        assertThat(api.get("/health/live", null).expect(200).json().get("status").asText()).isEqualTo("UP");
        var ready = api.get("/health/ready", null).expect(200).json();
        assertThat(ready.get("status").asText()).isEqualTo("UP");
        assertThat(ready.get("checks").get("database").asText()).isEqualTo("UP");
        assertThat(ready.get("checks").get("migrations").asText()).isEqualTo("UP");
        assertThat(ready.get("checks").get("eventPump").asText()).isEqualTo("UP");
    }

    @Test
    void metricsNeedTheTokenOnTheMainPort() {
        assertThat(api.get("/metrics", null).status()).isEqualTo(401);
        assertThat(api.raw("GET", "/metrics", null, "", Map.of("Authorization", "Bearer wrong")).status()).isEqualTo(401);
        assertThat(api.raw("GET", "/metrics", null, "", Map.of("Authorization", "Bearer " + TOKEN)).contentType())
                .startsWith("text/plain");
    }

    @Test
    void theManagementPortServesMetricsWithoutAToken() {
        int port = server.server().operations().managementPort();
        Api management = new Api("http://127.0.0.1:" + port);
        assertThat(management.get("/metrics", null).expect(200).body()).contains("jvm_memory_used_bytes");
        assertThat(management.get("/health/ready", null).expect(200).body()).contains("\"UP\"");
    }

    @Test
    void withATokenSetTheManagementPortsBackupAsksForItToo() throws Exception {
        Assumptions.assumeFalse(TestServer.onPostgres(), "the online backup is the embedded database's (PostgreSQL: pg_dump)");
        // the whole database (customers, cases, password hashes) is not one local curl away for every process
        int port = server.server().operations().managementPort();
        Api management = new Api("http://127.0.0.1:" + port);
        assertThat(management.raw("POST", "/ops/backup", null, "", Map.of()).status()).isEqualTo(401);
        assertThat(management.raw("POST", "/ops/backup", null, "", Map.of("Authorization", "Bearer wrong")).status()).isEqualTo(401);
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ops/backup"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.body()).startsWith('P', 'K'); // a zip
        HttpResponse<byte[]> main = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ops/backup"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(main.statusCode()).isEqualTo(200);
        assertThat(main.body()).startsWith('P', 'K');
    }

    @Test
    void metricsShowTheQueueThePaymentsAndTheRequests() {
        api.issue("DR01", "I", false);
        api.issue("DR01", "I", false);
        long counter = api.counterId("DR01", 1);
        api.act("clerk7", "/api/v1/counters/" + counter + "/open").expect(200); // payments only at the counter held
        String key = UUID.randomUUID().toString();
        Map<String, Object> payment = Map.of("customerCode", "100001", "amount", "12.50", "method", "CASH",
                "tendered", "20.00", "counterId", counter);
        api.raw("POST", "/api/v1/payments", api.token("clerk7"), Api.write(payment), Map.of("Idempotency-Key", key)).expect(201);
        api.raw("POST", "/api/v1/payments", api.token("clerk7"), Api.write(payment), Map.of("Idempotency-Key", key)).expect(201);

        String m = metrics();
        assertThat(m).contains("sportel_tickets_today{branch=\"DR01\",service=\"I\",stage=\"issued\"} 2.0");
        assertThat(m).contains("sportel_tickets_waiting{branch=\"DR01\",service=\"I\"} 2.0");
        assertThat(m).containsPattern("sportel_longest_wait_seconds\\{branch=\"DR01\",service=\"I\"} \\d");
        assertThat(m).contains("sportel_payments_today{branch=\"DR01\",method=\"CASH\"} 1.0");
        assertThat(m).contains("sportel_payments_amount_today_lek{branch=\"DR01\",method=\"CASH\"} 12.5");
        assertThat(m).contains("sportel_idempotent_replays_total{route=\"/api/v1/payments\"} 1.0");
        // timings by route template, not by the raw path with its ids
        assertThat(m).contains("http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/branches/{code}/tickets\",status=\"201\"}");
        assertThat(m).contains("hikaricp_connections_max");
        assertThat(m).contains("sportel_sse_subscribers");
    }
}
