package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Test;

/**
 * The event pump writes each event to every stream itself, so a connection that stops reading must cost
 * the others nothing: here a staff stream on a real socket that never reads is buried under more than any
 * socket buffer holds, and a waiting-room screen on the same branch still gets the next change at once.
 */
class StalledStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Filler events: 600 of 19 kB, about 11 MB for the stalled staff stream. */
    private static final int FILLER = 600;

    @Test
    void aStreamThatStopsReadingDoesNotDelayTheOthers() throws Exception {
        try (TestServer server = TestServer.start(); Socket stalled = new Socket()) {
            Api api = server.api();
            URI base = URI.create(server.baseUrl());
            stalled.setReceiveBufferSize(4 * 1024);
            stalled.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /api/v1/branches/TR01/events HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Bearer " + api.token("supervisor1") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitTrue(() -> server.server().subscriberCount() == 1);

            try (SseReader screen = new SseReader(server.baseUrl() + "/api/v1/public/branches/TR01/display/events", null, null)) {
                assertThat(screen.awaitStatus()).isEqualTo(200);
                awaitTrue(() -> server.server().subscriberCount() == 2);
                fill(server);
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
    private static void fill(TestServer server) {
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
