package al.sportel.desktop.offline;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The counter's link after a request failed: it looks at the server's {@code /health} until it answers, and a busy
 * server's Retry-After holds that look back, so a centre's counters do not all knock again at once. A small HTTP server
 * stands in for the head office (its login and health answers only); the local file is real.
 */
class CounterLinkProbeTest {

    @TempDir
    Path dir;
    private HttpServer office;
    private final List<Long> healthAsked = new CopyOnWriteArrayList<>();
    private LocalStore store;
    private CounterLink link;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage(); // the link's properties live on the JavaFX thread
        office = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        office.createContext("/health", x -> {
            healthAsked.add(System.nanoTime());
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        office.createContext("/api/v1/auth/login", x -> {
            byte[] body = """
                    {"token":"t","expiresAt":"2030-01-01T00:00:00Z",
                     "user":{"id":1,"username":"clerk1","displayName":"Clerk","role":"CLERK","branchCode":"TR01"}}"""
                    .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        office.start();
        ApiClient api = new ApiClient("http://127.0.0.1:" + office.getAddress().getPort());
        api.login("clerk1", "sportel");
        store = LocalStore.open(dir);
        link = new CounterLink(api, new LocalCache(store), new Outbox(store), new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
    }

    @AfterEach
    void stop() throws Exception {
        link.close();
        store.close();
        office.stop(0);
    }

    @Test
    void aFailedRequestNextToAHealthyServerBringsTheLinkBackByItself() throws Exception {
        link.failed(ApiException.unreachable(new IOException("read timed out")));
        assertThat(link.isUp()).isFalse();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, link::isUp);
        assertThat(healthAsked).isNotEmpty();
    }

    @Test
    void aBusyServersRetryAfterHoldsTheLookBack() throws Exception {
        long failedAt = System.nanoTime();
        link.failed(new ApiException(503, "busy", "The server is busy", 2));
        assertThat(link.isUp()).isFalse();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, link::isUp);
        // without Retry-After the first look comes after 25-50 ms (the backoff above)
        assertThat(TimeUnit.NANOSECONDS.toMillis(healthAsked.get(0) - failedAt)).as("not before the server said").isGreaterThanOrEqualTo(1900);
    }
}
