package al.sportel.desktop.offline;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.I18n;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command the outbox sent and the server refused keeps the refusal's type and fields, so the clerk reads it in her
 * language when the answer comes, and after a restart, in the attention list; not the server's English.
 */
class OutboxRefusalTest {

    private static final String OWED = """
            {"type":"https://sportel.al/problems/validation","title":"Invalid input","status":422,
             "detail":"Some fields are missing or invalid",
             "errors":[{"field":"amount","message":"is more than the customer owes (2450.50 lek)"}]}""";

    @TempDir
    Path dir;
    private HttpServer server;
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/payments", x -> answer(x, 422, "application/problem+json", OWED));
        // what a proxy in front of the server may send: no problem document
        server.createContext("/api/v1/complaints", x -> answer(x, 409, "text/html", "<html><body>Conflict</body></html>"));
        server.start();
        api = new ApiClient("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getRequestBody().readAllBytes();
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Test
    void aRefusedPaymentIsToldInTheClerksLanguageWithTheAmountAsScreensWriteIt() throws Exception {
        I18n sq = new I18n("sq");
        long payment;
        long complaint;
        try (LocalStore store = LocalStore.open(dir)) {
            Outbox outbox = new Outbox(store);
            try (OutboxSender sender = new OutboxSender(outbox, api::exchange, () -> "clerk1",
                    new Backoff(Duration.ofMillis(10), Duration.ofMillis(50))).start()) {
                payment = outbox.add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments", "{}", "clerk1", "Pagesë").id();
                complaint = outbox.add(Outbox.Kind.COMPLAINT, "POST", "/api/v1/complaints", "{}", "clerk1", "Ankesë").id();
                sender.wake(false);
                Outbox.Item refused = sender.settled(payment).get(10, TimeUnit.SECONDS);
                sender.settled(complaint).get(10, TimeUnit.SECONDS);

                assertThat(refused.state()).isEqualTo(Outbox.State.FAILED);
                // what the payment panel says (pay.refused), from what the outbox kept
                assertThat(sq.t("pay.refused", AppContext.describe(sq, refused)))
                        .isEqualTo("Serveri nuk e pranoi pagesën: Shuma është më e madhe se sa detyrohet klienti tani: 2 450,50 L.");
                assertThat(refused.lastError()).as("the server's words stay as the refusal's history")
                        .isEqualTo("Some fields are missing or invalid: amount is more than the customer owes (2450.50 lek)");
            }
        }
        try (LocalStore store = LocalStore.open(dir)) {
            Outbox outbox = new Outbox(store);
            assertThat(outbox.needsAttention()).extracting(i -> AppContext.describe(new I18n("en"), i)).as("after a restart, in English")
                    .containsExactly("The server refused the request (HTTP 409).", "The amount is more than the customer now owes: 2 450,50 L.");
            assertThat(outbox.get(payment).orElseThrow().refusal().type()).isEqualTo("validation");
            assertThat(outbox.get(complaint).orElseThrow().refusal().status()).isEqualTo(409);
        }
    }
}
