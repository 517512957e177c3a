package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Admission control (issue 21, ADR 0009): a server that runs as many requests at once as it has places. One more
 * waits without a thread and runs when a place frees; one that waits too long is answered 503 with Retry-After and
 * changes nothing. Reads (event streams, health checks, the queue) and changes whose body is still arriving never
 * wait for a place.
 *
 * <p>The one place is held by a real clerk's call-next that waits for its counter, which the test has locked in
 * the database, as a long transaction would.
 */
class AdmissionTest {

    private static final String OPS_TOKEN = "admission-test-ops-token";

    private TestServer server;
    private Api api;
    private long counter;

    private void start(Duration wait) {
        server = TestServer.start(Clock.systemUTC(), c -> c.withOps(c.ops().withAdmission(1, wait).withOpsToken(OPS_TOKEN)));
        api = server.api();
        counter = api.counterId("TR01", 1);
        api.act("clerk1", "/api/v1/counters/" + counter + "/open").expect(200);
        api.token("kiosk1");
        api.token("admin");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRequestThatFindsNoPlaceInTimeIsRefusedWith503AndChangesNothing() throws Exception {
        start(Duration.ofMillis(300));
        long service = api.serviceId("TR01", "A");
        int waitingBefore = waiting();

        Api.Response refused;
        long waitedMs;
        try (PlaceHolder holder = new PlaceHolder()) {
            long start = System.nanoTime();
            refused = issue(service);
            waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(metrics()).as("the monitoring sees it, while the place is still taken")
                    .contains("sportel_http_refused_busy_total 1.0");
            assertThat(holder.release()).as("the request holding the place runs to its end").isIn(200, 204);
        }
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asText()).endsWith("/busy");
        assertThat(problem.get("detail").asText()).contains("nothing was changed");
        assertThat(waitedMs).as("it waited for a place before it was refused").isGreaterThanOrEqualTo(250);

        // nothing was issued for the refused kiosk, and the place is free again
        assertThat(waiting()).isEqualTo(waitingBefore);
        assertThat(issue(service).status()).isEqualTo(201);
        assertThat(waiting()).isEqualTo(waitingBefore + 1);
    }

    @Test
    void aWaitingRequestRunsWhenAPlaceFrees() throws Exception {
        start(Duration.ofSeconds(20));
        long service = api.serviceId("TR01", "A");
        CompletableFuture<Api.Response> waitingIssue;
        try (PlaceHolder holder = new PlaceHolder()) {
            waitingIssue = CompletableFuture.supplyAsync(() -> issue(service));
            Thread.sleep(400);
            assertThat(waitingIssue).as("no place yet: the kiosk's request waits").isNotDone();
            holder.release();
        }
        Api.Response issued = waitingIssue.get(10, TimeUnit.SECONDS);
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().get("status").asText()).isEqualTo("WAITING");
    }

    @Test
    void readsAndBodiesStillArrivingDoNotWaitForAPlace() throws Exception {
        start(Duration.ofMillis(300));
        try (PlaceHolder holder = new PlaceHolder();
             SseReader screen = new SseReader(server.baseUrl() + "/api/v1/public/branches/TR01/display/events", null, null)) {
            assertThat(screen.awaitStatus()).isEqualTo(200);
            // a load balancer must not take a busy node for a dead one
            assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/branches/TR01/queue", api.token("admin")).status()).isEqualTo(200);
            // a sender that takes its time runs as a request did before admission, and is answered when it is done
            try (SlowBody slow = new SlowBody(URI.create(server.baseUrl()).getPort())) {
                Thread.sleep(500);
                assertThat(slow.finish()).startsWith("HTTP/1.1 401");
            }
            holder.release();
        }
    }

    private Api.Response issue(long service) {
        return api.post("/api/v1/branches/TR01/tickets", api.token("kiosk1"), Map.of("serviceId", service, "priority", false));
    }

    private int waiting() {
        return api.get("/api/v1/branches/TR01/queue", api.token("admin")).expect(200).json().get("waiting").size();
    }

    private String metrics() {
        return api.raw("GET", "/metrics", null, "", Map.of("Authorization", "Bearer " + OPS_TOKEN)).expect(200).body();
    }

    /** Locks the counter in the database and sends the clerk's call-next, which waits for the lock inside the place. */
    private final class PlaceHolder implements AutoCloseable {
        private final Handle lock;
        private final CompletableFuture<Api.Response> call;

        PlaceHolder() throws InterruptedException {
            lock = server.server().database().jdbi().open();
            lock.begin();
            lock.createQuery("SELECT id FROM counters WHERE id = :c FOR UPDATE").bind("c", counter).mapTo(Long.class).one();
            call = CompletableFuture.supplyAsync(() -> api.act("clerk1", "/api/v1/counters/" + counter + "/call-next"));
            awaitBlockedBy(lock); // admitted, and waiting for the counter
            assertThat(call).as("call-next waits for the locked counter").isNotDone();
        }

        /** Until the database shows a session waiting for the lock this handle holds. */
        private void awaitBlockedBy(Handle holder) throws InterruptedException {
            boolean pg = TestServer.onPostgres();
            String me = holder.createQuery(pg ? "SELECT CAST(pg_backend_pid() AS VARCHAR)" : "SELECT CAST(SESSION_ID() AS VARCHAR)")
                    .mapTo(String.class).one();
            String blocked = pg
                    ? "SELECT COUNT(*) FROM pg_stat_activity WHERE CAST(:me AS INTEGER) = ANY (pg_blocking_pids(pid))"
                    : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = CAST(:me AS INTEGER)";
            for (int i = 0; i < 200; i++) {
                if (server.server().database().read(h -> h.createQuery(blocked).bind("me", me).mapTo(Integer.class).one()) > 0) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("call-next never waited for the locked counter");
        }

        /** Ends the lock; returns the status call-next was answered. */
        int release() throws Exception {
            if (lock.isInTransaction()) {
                lock.rollback();
            }
            return call.get(20, TimeUnit.SECONDS).status();
        }

        @Override
        public void close() throws Exception {
            release();
            lock.close();
        }
    }

    /** A login whose body is sent in part: the server has its headers and the first bytes, and waits for the rest. */
    private static final class SlowBody implements AutoCloseable {
        private static final String BODY = "{\"username\":\"nobody\",\"password\":\"wrong-password\"}";

        private final Socket socket;
        private final OutputStream out;

        SlowBody(int port) throws Exception {
            socket = new Socket("127.0.0.1", port);
            out = socket.getOutputStream();
            out.write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + BODY.length() + "\r\nConnection: close\r\n\r\n" + BODY.substring(0, 5))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
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
