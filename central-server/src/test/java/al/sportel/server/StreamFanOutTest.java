package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The event pump and a few writer threads write each event to every stream themselves, without blocking
 * ({@code FanOut}): every one of many screens gets every change in order, and a connection that stops
 * reading costs the others nothing. Real server, real sockets.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamFanOutTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Filler events: 600 of 19 kB, about 11 MB for the stalled staff stream. */
    private static final int FILLER = 600;
    /** More screens than the pump writes alone, so the writer threads take slices of them. */
    private static final int SCREENS = 300;
    private static TestServer server;
    private static Api api;
    private static URI base;

    @BeforeAll
    static void start() {
        server = TestServer.start(Clock.systemUTC(), c -> c.withSecurity(c.security().withThrottles(
                c.security().trackLookupsPerMinute(), c.security().kioskTicketsPerMinute(), SCREENS + 10)));
        api = server.api();
        base = URI.create(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(2)
    void everyOneOfManyScreensGetsEveryChangeInOrder() throws Exception {
        List<Socket> screens = new ArrayList<>();
        try {
            for (int i = 0; i < SCREENS; i++) {
                screens.add(openStream("/api/v1/public/branches/DR01/display/events", null, 0));
            }
            awaitTrue(() -> server.server().subscriberCount() >= SCREENS);
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                numbers.add(api.issue("DR01", "P", false).get("number").asText());
            }
            for (Socket screen : screens) {
                String seen = readUntil(screen, "\"number\":\"" + numbers.get(2) + "\"");
                int first = seen.indexOf("\"number\":\"" + numbers.get(0) + "\"");
                int second = seen.indexOf("\"number\":\"" + numbers.get(1) + "\"");
                assertThat(first).as("every screen gets every change, in order").isGreaterThan(0);
                assertThat(second).isGreaterThan(first);
            }
        } finally {
            for (Socket screen : screens) {
                screen.close();
            }
        }
    }

    /** First, on the fresh server, so the subscriber counts are this test's alone. */
    @Test
    @Order(1)
    void aStreamThatStopsReadingDoesNotDelayTheOthers() throws Exception {
        try (Socket stalled = openStream("/api/v1/branches/TR01/events", api.token("supervisor1"), 4 * 1024)) {
            awaitTrue(() -> server.server().subscriberCount() == 1);

            try (SseReader screen = new SseReader(server.baseUrl() + "/api/v1/public/branches/TR01/display/events", null, null)) {
                assertThat(screen.awaitStatus()).isEqualTo(200);
                awaitTrue(() -> server.server().subscriberCount() == 2);
                fill();
                JsonNode first = api.issue("TR01", "P", false); // commits and wakes the pump, which delivers the filler too
                assertThat(issued(screen, first.get("number").asText())).as("the screen gets the change behind the filler").isTrue();

                long started = System.nanoTime();
                JsonNode next = api.issue("TR01", "P", false);
                assertThat(issued(screen, next.get("number").asText())).isTrue();
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(millis).as("the next change reaches the screen while the stalled stream still waits").isLessThan(2_000);
                assertThat(server.server().subscriberCount()).as("the stalled stream is still connected, so it really was stalled")
                        .isEqualTo(2);
            }
        }
    }

    /** Commits the filler events unnumbered, as a change would; the next wake numbers and sends them. */
    private static void fill() {
        String pad = "x".repeat(19_000);
        String payload = "{\"type\":\"counter.updated\",\"at\":\"" + Instant.now() + "\",\"ticket\":null,\"counter\":null,\"pad\":\"" + pad + "\"}";
        server.server().database().tx(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO events (branch_code, event_type, occurred_at, payload) VALUES ('TR01', 'counter.updated', :at, :p)
                    """);
            for (int i = 0; i < FILLER; i++) {
                batch.bind("at", Instant.now()).bind("p", payload).add();
            }
            batch.execute();
            return null;
        });
    }

    /** A stream on a raw socket; {@code receiveBuffer} 0 leaves the system's size. */
    private static Socket openStream(String path, String token, int receiveBuffer) throws Exception {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
        socket.setSoTimeout((int) WAIT.toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAccept: text/event-stream\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** What the stream sent until {@code marker} (or until it stayed silent for the timeout). */
    private static String readUntil(Socket socket, String marker) throws Exception {
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[8192];
        InputStream in = socket.getInputStream();
        try {
            while (seen.indexOf(marker) < 0) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException e) {
            // silent for the whole timeout: the caller's assertions say what was missing
        }
        return seen.toString();
    }

    private static boolean issued(SseReader screen, String number) throws Exception {
        for (SseReader.Event e = screen.nextNamed("ticket.issued", WAIT); e != null; e = screen.nextNamed("ticket.issued", WAIT)) {
            if (Api.JSON.readTree(e.data()).path("ticket").path("number").asText().equals(number)) {
                return true;
            }
        }
        return false;
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
