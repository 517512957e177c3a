package al.sportel.desktop.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.billing.PrinterChoice;
import al.sportel.desktop.billing.ReceiptPrinter;
import al.sportel.desktop.offline.LocalStore;
import al.sportel.model.fees.Fee;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One idempotency key per sale attempt, against a real HTTP server that answers as scripted and records
 * what the desktop sent: an unknown outcome is locked and retried as is, a definite answer ends the attempt.
 * The lock is in the counter's real local file, so a new model (a restarted client, a new login) finds it.
 */
class FeeSaleModelTest {

    private static final Fee RECONNECTION = new Fee("RECONNECTION", "Tarifë rilidhjeje", "Reconnection fee", "1500.00", "20.00", true);
    private static final String SOLD = """
            {"id":7,"receiptNumber":"TR01-F-7","branchCode":"TR01","counterId":3,"feeCode":"RECONNECTION",
             "itemName":"Tarifë rilidhjeje","amount":"1500.00","vatRatePercent":"20.00","method":"CASH","tendered":"2000.00",
             "change":"500.00","caseTrackingCode":null,"createdAt":"2026-11-25T10:00:00Z","clerkName":"Arta","fiscalized":true}""";
    private static final String REFUSED = """
            {"type":"about:blank","title":"Invalid","status":422,"detail":"caseTrackingCode: no such application"}""";

    private record Sent(String key, String body) {
    }

    private final Deque<int[]> script = new ArrayDeque<>();
    private final List<Sent> sent = new ArrayList<>();
    private HttpServer server;
    private LocalStore store;
    private FeeSaleModel model;
    private Runnable whileAnswering = () -> { };

    @TempDir
    Path dataDir;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/fee-sales", this::answer);
        server.start();
        store = LocalStore.open(dataDir);
        model = model("clerk1");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        store.close();
    }

    /** A model as the payment panel makes it when {@code user} logs in at counter 3. */
    private FeeSaleModel model(String user) {
        return model(user, 3);
    }

    private FeeSaleModel model(String user, long counter) {
        ApiClient api = new ApiClient("http://127.0.0.1:" + server.getAddress().getPort());
        return new FeeSaleModel(new FeeApi(api), new ReceiptPrinter(dataDir, PrinterChoice::systemDefault), counter, "sq",
                new FeeSaleAttempts(store), user);
    }

    /** The client closed (or killed) and started again on the same local file. */
    private void restartClient() throws Exception {
        store.close();
        store = LocalStore.open(dataDir);
    }

    private void answer(HttpExchange x) throws IOException {
        try (x) {
            if (!"POST".equals(x.getRequestMethod())) {
                x.sendResponseHeaders(404, -1); // the receipt: not printed here, the sale stands
                return;
            }
            sent.add(new Sent(x.getRequestHeaders().getFirst("Idempotency-Key"),
                    new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            whileAnswering.run();
            int status = script.isEmpty() ? 201 : script.poll()[0];
            byte[] body = (status == 201 ? SOLD : status == 422 ? REFUSED : "{}").getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", status == 201 ? "application/json" : "application/problem+json");
            x.sendResponseHeaders(status, body.length);
            x.getResponseBody().write(body);
        }
    }

    private void then(int status) {
        script.add(new int[] {status});
    }

    @Test
    void anUnknownOutcomeLocksTheSaleAndTheRetryReusesItsKeyAndBody() throws Exception {
        model.begin();
        then(503);
        assertThatThrownBy(() -> model.sell(RECONNECTION, true, "2000", "")).isInstanceOf(ApiException.class);

        assertThat(model.unknownOutcome()).as("the form is locked on what was sent")
                .hasValueSatisfying(r -> assertThat(r.tendered()).isEqualTo("2000.00"));
        assertThatThrownBy(() -> model.sell(RECONNECTION, true, "2500", ""))
                .as("a changed form cannot become a second sale").isInstanceOf(IllegalStateException.class);
        model.end(); // the dialog cannot drop it either: the next one opens on the same attempt
        model.begin();

        FeeSaleModel.Sold sold = model.retry();
        assertThat(sold.sale().receiptNumber()).isEqualTo("TR01-F-7");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).as("same key, same body").isEqualTo(sent.get(0));
        assertThat(model.unknownOutcome()).isEmpty();
    }

    @Test
    void aRefusalEndsTheAttemptSoTheCorrectedSaleHasANewKey() throws Exception {
        model.begin();
        then(422);
        assertThatThrownBy(() -> model.sell(RECONNECTION, true, "2000", "APL-2026-NOPE99"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThat(model.unknownOutcome()).as("a definite answer does not lock the form").isEmpty();

        model.sell(RECONNECTION, true, "2000", "");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).key()).isNotEqualTo(sent.get(0).key());
    }

    @Test
    void theNextCustomersIdenticalSaleIsANewAttemptNotAReplay() throws Exception {
        model.begin();
        model.sell(RECONNECTION, false, "", "");
        model.end();

        model.begin();
        model.sell(RECONNECTION, false, "", "");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).body()).isEqualTo(sent.get(0).body());
        assertThat(sent.get(1).key()).as("same fee, method and amount, yet another sale").isNotEqualTo(sent.get(0).key());
    }

    @Test
    void givingUpAnUnknownSaleMakesTheNextOneANewAttempt() throws Exception {
        model.begin();
        then(502);
        assertThatThrownBy(() -> model.sell(RECONNECTION, false, "", "")).isInstanceOf(ApiException.class);
        String unknownKey = model.key();

        model.resolve();
        model.begin();
        model.sell(RECONNECTION, false, "", "");
        assertThat(sent.get(1).key()).isNotEqualTo(unknownKey);
    }

    @Test
    void anUnknownSaleOutlivesARestartAndANewLoginAndIsRetriedWithItsKeyAndBody() throws Exception {
        model.begin();
        then(503);
        assertThatThrownBy(() -> model.sell(RECONNECTION, true, "2000", "APL-2026-AB12CD")).isInstanceOf(ApiException.class);

        restartClient();
        FeeSaleModel again = model("clerk1");
        again.begin();
        again.restore();
        assertThat(again.unknownOutcome()).as("the restarted client's form is locked on what was sent")
                .hasValueSatisfying(r -> {
                    assertThat(r.fee()).isEqualTo(RECONNECTION);
                    assertThat(r.tendered()).isEqualTo("2000.00");
                    assertThat(r.caseCode()).isEqualTo("APL-2026-AB12CD");
                });
        assertThatThrownBy(() -> again.sell(RECONNECTION, true, "2000", ""))
                .as("no second sale under a new key").isInstanceOf(IllegalStateException.class);
        FeeSaleModel otherClerk = model("clerk2");
        otherClerk.restore();
        assertThat(otherClerk.unknownOutcome()).as("another clerk's form is not hers to retry").isEmpty();

        again.retry();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).as("same key, same body: the server replays, never sells twice").isEqualTo(sent.get(0));

        restartClient();
        FeeSaleModel later = model("clerk1");
        later.restore();
        assertThat(later.unknownOutcome()).as("answered: the next start is free").isEmpty();
    }

    @Test
    void aSaleIsKeptBeforeItIsSentSoAClientKilledWhileTheAnswerIsOnItsWayIsLockedWhenStartedAgain() throws Exception {
        List<Boolean> lockedMeanwhile = new ArrayList<>();
        whileAnswering = () -> {
            FeeSaleModel started = model("clerk1"); // what a client started at this moment would show
            try {
                started.restore();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            lockedMeanwhile.add(started.unknownOutcome().isPresent());
        };
        model.begin();
        model.sell(RECONNECTION, false, "", "");

        assertThat(lockedMeanwhile).containsExactly(true);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 408, 429})
    void aRetryTheServerDidNotTakeInKeepsTheLockAndItsKey(int status) throws Exception {
        model.begin();
        then(502);
        assertThatThrownBy(() -> model.sell(RECONNECTION, false, "", "")).isInstanceOf(ApiException.class);
        then(status); // the session ran out during the outage, or the server is throttling
        if (status == 408) {
            then(408); // OkHttp itself sends a request again once after a 408
        }
        assertThatThrownBy(model::retry).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(status));
        assertThat(model.unknownOutcome()).as("still unknown: the first attempt may have been sold").isPresent();

        restartClient(); // she logs in again, at the counter next door
        FeeSaleModel again = model("clerk1", 4);
        again.restore();
        assertThat(again.unknownOutcome()).isPresent();
        again.retry();
        assertThat(sent).as("every send the same attempt, at the counter it was made at, never a new sale")
                .hasSizeGreaterThanOrEqualTo(3).containsOnly(sent.get(0));
    }

    @Test
    void aRefusedRetryAndAGivenUpSaleAreForgottenInTheLocalFile() throws Exception {
        model.begin();
        then(503);
        assertThatThrownBy(() -> model.sell(RECONNECTION, true, "2000", "APL-2026-NOPE99")).isInstanceOf(ApiException.class);
        then(422);
        assertThatThrownBy(model::retry).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
        FeeSaleModel afterRefusal = model("clerk1");
        afterRefusal.restore();
        assertThat(afterRefusal.unknownOutcome()).as("refused: nothing was sold").isEmpty();

        model.begin();
        then(503);
        assertThatThrownBy(() -> model.sell(RECONNECTION, false, "", "")).isInstanceOf(ApiException.class);
        model.resolve();
        restartClient();
        FeeSaleModel afterResolve = model("clerk1");
        afterResolve.restore();
        assertThat(afterResolve.unknownOutcome()).as("given up after checking the sales list").isEmpty();
    }
}
