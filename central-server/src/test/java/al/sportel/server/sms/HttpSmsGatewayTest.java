package al.sportel.server.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP SMS driver against a real local HTTP server: templates, escaping, and failures that are never fatal. */
class HttpSmsGatewayTest {

    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private static HttpServer provider;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/ok", x -> {
            REQUESTS.add(x.getRequestMethod() + " " + x.getRequestURI().getRawQuery() + " " + x.getRequestHeaders().getFirst("X-Key")
                    + " " + new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        provider.createContext("/refuse", x -> {
            x.sendResponseHeaders(401, -1);
            x.close();
        });
        provider.createContext("/slow", x -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        provider.setExecutor(Executors.newCachedThreadPool());
        provider.start();
        base = "http://127.0.0.1:" + provider.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        provider.stop(0);
    }

    private static SmsConfig config(String path, String method, String body, String type) {
        return SmsConfig.logOnly().withHttp(base + path, method, body, type).withAuth("X-Key", "k-1").withTimeout(Duration.ofMillis(500));
    }

    @Test
    void fillsTheTemplateEscapedForItsContentType() {
        String text = "Radha: \"A012\" & sporteli 3\n";
        assertThat(new HttpSmsGateway(config("/ok", "POST", SmsConfig.DEFAULT_BODY, "application/json")).send("+355691234567", text))
                .isEqualTo("sent 200");
        assertThat(REQUESTS.get(REQUESTS.size() - 1)).isEqualTo("POST null k-1 {\"to\":\"+355691234567\",\"text\":\"Radha: \\\"A012\\\" & sporteli 3\\n\"}");
        assertThat(new HttpSmsGateway(config("/ok", "POST", "to={phone}&msg={text}", "application/x-www-form-urlencoded"))
                .send("+355691234567", "a & b")).isEqualTo("sent 200");
        assertThat(REQUESTS.get(REQUESTS.size() - 1)).endsWith("to=%2B355691234567&msg=a+%26+b");
        assertThat(new HttpSmsGateway(config("/ok?to={phone}&text={text}", "GET", "", "text/plain")).send("0691234567", "ë?"))
                .isEqualTo("sent 200");
        assertThat(REQUESTS.get(REQUESTS.size() - 1)).startsWith("GET to=0691234567&text=%C3%AB%3F k-1");
    }

    @Test
    void aRefusalATimeoutOrNoProviderIsAnOutcomeNotAnException() throws IOException {
        assertThat(new HttpSmsGateway(config("/refuse", "POST", SmsConfig.DEFAULT_BODY, "application/json")).send("1", "x"))
                .isEqualTo("refused: HTTP 401");
        long started = System.nanoTime();
        assertThat(new HttpSmsGateway(config("/slow", "POST", SmsConfig.DEFAULT_BODY, "application/json")).send("1", "x"))
                .startsWith("failed: HttpTimeoutException");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        SmsConfig nobody = SmsConfig.logOnly().withHttp("http://127.0.0.1:" + closed + "/sms", "POST", SmsConfig.DEFAULT_BODY, "application/json");
        assertThat(nobody.gateway().send("1", "x")).startsWith("failed: ");
        assertThat(SmsConfig.logOnly().gateway().send("0691234567", "x")).isEqualTo("logged");
        assertThat(config("/ok", "POST", "", "application/json").toString()).doesNotContain("k-1");
    }
}
