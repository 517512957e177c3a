package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Admission control (issue 21): a server that runs as many requests at once as it has places. One more waits
 * without a thread and runs when a place frees; one that waits too long is answered 503 with Retry-After and
 * changes nothing. Event streams are never kept waiting. The places are held here by a real request whose body
 * the client has not finished sending (the server is reading it, inside its place).
 */
class AdmissionTest {

    private static final String OPS_TOKEN = "admission-test-ops-token";

    private TestServer server;

    private void start(int places, Duration wait) {
        server = TestServer.start(Clock.systemUTC(), c -> c.withOps(c.ops().withAdmission(places, wait).withOpsToken(OPS_TOKEN)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRequestThatFindsNoPlaceInTimeIsRefusedWith503AndChangesNothing() throws Exception {
        start(1, Duration.ofMillis(300));
        Api api = server.api();
        String kiosk = api.token("kiosk1");
        String admin = api.token("admin");
        int waitingBefore = api.get("/api/v1/branches/TR01/queue", admin).expect(200).json().get("waiting").size();
        long service = api.serviceId("TR01", "A");

        try (SlowRequest holder = SlowRequest.open(URI.create(server.baseUrl()).getPort())) {
            long start = System.nanoTime();
            Api.Response refused = api.post("/api/v1/branches/TR01/tickets", kiosk,
                    Map.of("serviceId", service, "priority", false));
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).contains("1");
            JsonNode problem = refused.json();
            assertThat(problem.get("type").asText()).endsWith("/busy");
            assertThat(problem.get("detail").asText()).contains("nothing was changed");
            assertThat(waitedMs).as("it waited for a place before it was refused").isGreaterThanOrEqualTo(250);

            assertThat(metrics(api)).as("the monitoring sees it, while the place is still taken")
                    .contains("sportel_http_refused_busy_total 1.0");
            assertThat(holder.finish()).as("the request holding the place still runs to its end").startsWith("HTTP/1.1 4");
        }
        // nothing was issued for the refused kiosk, and the place is free again
        assertThat(api.get("/api/v1/branches/TR01/queue", admin).expect(200).json().get("waiting")).hasSize(waitingBefore);
        api.issue("TR01", "A", false);
        assertThat(api.get("/api/v1/branches/TR01/queue", admin).expect(200).json().get("waiting")).hasSize(waitingBefore + 1);
    }

    @Test
    void aWaitingRequestRunsWhenAPlaceFrees() throws Exception {
        start(1, Duration.ofSeconds(20));
        Api api = server.api();
        String kiosk = api.token("kiosk1");
        HttpRequest issue = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/branches/TR01/tickets"))
                .header("Authorization", "Bearer " + kiosk).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.write(Map.of("serviceId", api.serviceId("TR01", "A"),
                        "priority", false))))
                .build();
        CompletableFuture<HttpResponse<String>> waiting;
        try (SlowRequest holder = SlowRequest.open(URI.create(server.baseUrl()).getPort())) {
            waiting = HttpClient.newHttpClient().sendAsync(issue, HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);
            assertThat(waiting).as("no place yet: the kiosk's request waits").isNotDone();
            holder.finish();
        }
        HttpResponse<String> answered = waiting.get(10, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(201);
        assertThat(Api.JSON.readTree(answered.body()).get("status").asText()).isEqualTo("WAITING");
    }

    @Test
    void eventStreamsAndHealthChecksAnswerWhileEveryPlaceIsTaken() throws Exception {
        start(1, Duration.ofMillis(300));
        Api api = server.api();
        try (SlowRequest holder = SlowRequest.open(URI.create(server.baseUrl()).getPort());
             SseReader screen = new SseReader(server.baseUrl() + "/api/v1/public/branches/TR01/display/events", null, null)) {
            assertThat(screen.awaitStatus()).isEqualTo(200);
            // a load balancer must not take a busy node for a dead one
            assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
            holder.finish();
        }
    }

    private static String metrics(Api api) {
        return api.raw("GET", "/metrics", null, "", Map.of("Authorization", "Bearer " + OPS_TOKEN)).expect(200).body();
    }

    /**
     * A login whose body is sent only in part: the server has admitted it and is reading the rest, so it holds a
     * place until {@link #finish()} sends the rest.
     */
    private static final class SlowRequest implements AutoCloseable {
        private static final String BODY = "{\"username\":\"nobody\",\"password\":\"wrong-password\"}";

        private final Socket socket;
        private final OutputStream out;

        private SlowRequest(Socket socket) throws Exception {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        static SlowRequest open(int port) throws Exception {
            SlowRequest r = new SlowRequest(new Socket("127.0.0.1", port));
            r.out.write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + BODY.length() + "\r\nConnection: close\r\n\r\n" + BODY.substring(0, 5))
                    .getBytes(StandardCharsets.US_ASCII));
            r.out.flush();
            Thread.sleep(200); // the server admits it and starts reading the body
            return r;
        }

        /** Sends the rest of the body; returns the answer's status line. */
        String finish() throws Exception {
            out.write(BODY.substring(5).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
