package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.offline.Backoff;
import al.sportel.desktop.offline.LocalStore;
import al.sportel.desktop.offline.LocalStoreException;
import al.sportel.desktop.offline.Outbox;
import al.sportel.desktop.offline.OutboxSender;
import al.sportel.model.Money;
import al.sportel.model.billing.Customer;
import al.sportel.model.billing.Payment;
import al.sportel.model.billing.PaymentRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fault injection on the offline path, with the real server process, the real local file and real
 * TCP: the server killed between commit and answer, the client killed after writing, a line that
 * drops and stalls, a damaged or locked file. Every run ends with the server's books checked.
 */
class OfflineOutboxTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(50), Duration.ofMillis(800));

    private ServerProcess server;
    private Path data;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        data = Files.createTempDirectory("sportel-outbox");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (server != null) {
            server.close();
        }
    }

    private <T extends AutoCloseable> T keep(T c) {
        open.add(c);
        return c;
    }

    private ApiClient clerk(String url) throws Exception {
        ApiClient api = new ApiClient(url);
        api.login("clerk1", "sportel");
        return api;
    }

    private static String payment(ApiClient api, String customer, long amount, long counterId) {
        return api.toJson(Map.of("customerCode", customer, "amount", Money.format(amount), "method", "CARD",
                "counterId", counterId, "offline", true, "takenAt", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
    }

    /** The server's own record of the counter's payments today: count and sum in qindarka. */
    private long[] serverBooks(long counterId) throws Exception {
        JsonNode report = server.get("/api/v1/reports/cash?counterId=" + counterId, server.token("clerk1"));
        long sum = 0;
        for (JsonNode p : report.get("payments")) {
            sum += Money.parse(p.get("amount").asText());
        }
        return new long[] {report.get("payments").size(), sum};
    }

    private static void waitFor(Outbox outbox, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (outbox.pendingCount() > 0 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(outbox.pendingCount()).as("outbox drained").isZero();
    }

    @Test
    void theServerDiesAfterCommittingAPaymentBeforeAnsweringAndEndsWithExactlyOne() throws Exception {
        server = new ServerProcess();
        long counter = server.counterId(3);
        server.openCounter("clerk1", counter);
        FaultProxy proxy = keep(new FaultProxy(server.port()));
        ApiClient api = clerk(proxy.url());
        LocalStore store = keep(LocalStore.open(data));
        Outbox outbox = new Outbox(store);
        proxy.onceWhenAnswering("POST /api/v1/payments", () -> {
            try {
                server.kill(); // committed, answer not yet out: the client never hears back
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Outbox.Item item = outbox.add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments", payment(api, "100020", 123_45, counter),
                "clerk1", "payment");
        OutboxSender sender = keep(new OutboxSender(outbox, api::exchange, () -> "clerk1", FAST)).start();

        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (proxy.triggered.get() == 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(proxy.triggered.get()).as("the server was killed while answering").isEqualTo(1);
        end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (outbox.get(item.id()).orElseThrow().attempts() == 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        Outbox.Item unanswered = outbox.get(item.id()).orElseThrow();
        assertThat(unanswered.state()).as("no answer: still pending").isEqualTo(Outbox.State.PENDING);
        assertThat(unanswered.attempts()).as("and retried while the server was down").isGreaterThanOrEqualTo(1);

        server.restart();
        Outbox.Item settled = sender.settled(item.id()).get(60, TimeUnit.SECONDS);
        assertThat(settled.state()).isEqualTo(Outbox.State.DONE);
        long[] books = serverBooks(counter);
        assertThat(books[0]).as("payments on the server").isEqualTo(1);
        assertThat(books[1]).isEqualTo(123_45);
        assertThat(api.fromJson(settled.response(), Payment.class).receiptNumber()).startsWith("TR01-");
    }

    /**
     * The link looked up when the clerk took the money, but the payment's answer did not come within the counter's
     * wait: the customer left with an offline receipt, and the outbox kept the request as it was first sent,
     * online. Meanwhile the bills were paid at another counter. When the line comes back the payment is kept as
     * money taken offline back then (all of it credit), not refused as "more than the customer owes".
     */
    @Test
    void aPaymentTheCounterStoppedWaitingForIsKeptWhenItArrivesAfterTheBillsWerePaidElsewhere() throws Exception {
        server = new ServerProcess();
        long counter = server.counterId(3);
        server.openCounter("clerk1", counter);
        long other = server.counterId(4);
        server.openCounter("clerk2", other);
        FaultProxy proxy = keep(new FaultProxy(server.port()));
        ApiClient api = clerk(proxy.url());
        LocalStore store = keep(LocalStore.open(data));
        Outbox outbox = new Outbox(store);
        String customer = "100021";
        String owed = api.customer(customer).balance();

        proxy.cutRequests("POST /api/v1/payments");
        Instant taken = Instant.now();
        Outbox.Item item = outbox.add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments",
                api.toJson(PaymentRequest.online(customer, "10.00", PaymentRequest.CARD, null, counter, null)), "clerk1", "payment");
        OutboxSender sender = keep(new OutboxSender(outbox, api::exchange, () -> "clerk1", FAST)).start();
        assertThatThrownBy(() -> sender.settled(item.id()).get(PaymentRequest.ANSWER_WAIT.toMillis() + 1000, TimeUnit.MILLISECONDS))
                .as("no answer within the counter's wait: an offline receipt is printed").isInstanceOf(TimeoutException.class);
        ApiClient clerk2 = new ApiClient(server.url());
        clerk2.login("clerk2", "sportel");
        clerk2.pay(UUID.randomUUID().toString(), PaymentRequest.online(customer, owed, PaymentRequest.CARD, null, other, null));
        assertThat(Money.parse(clerk2.customer(customer).balance())).as("the bills are paid").isZero();

        proxy.cutRequests(null);
        Outbox.Item settled = sender.settled(item.id()).get(30, TimeUnit.SECONDS);
        assertThat(settled.state()).as("kept, not refused: " + settled.lastError()).isEqualTo(Outbox.State.DONE);
        Payment p = api.fromJson(settled.response(), Payment.class);
        assertThat(p.offline()).as("booked as taken offline").isTrue();
        assertThat(p.takenAt()).as("when the money changed hands").isBetween(taken.minusSeconds(2), taken.plusSeconds(2));
        assertThat(p.credit()).isEqualTo("10.00");
        assertThat(serverBooks(counter)[1]).isEqualTo(10_00);
    }

    /**
     * The server booked a payment but its answer was lost, and the line stays cut: the item is still pending.
     * Looking the customer up again, the counter names its pending payments and hears that this one is booked,
     * so it does not take it off the balance a second time (the clerk would have asked too little).
     */
    @Test
    void aBookedPaymentWhoseAnswerWasLostIsNotTakenOffTheBalanceTwice() throws Exception {
        server = new ServerProcess();
        long counter = server.counterId(3);
        server.openCounter("clerk1", counter);
        FaultProxy proxy = keep(new FaultProxy(server.port()));
        ApiClient api = clerk(proxy.url());
        Outbox outbox = new Outbox(keep(LocalStore.open(data)));
        String customer = "100001";
        long owed = Money.parse(api.customer(customer).balance());
        proxy.onceWhenAnswering("POST /api/v1/payments", () -> proxy.cutRequests("POST /api/v1/payments"));
        Outbox.Item item = outbox.add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments",
                api.toJson(PaymentRequest.online(customer, "10.00", PaymentRequest.CARD, null, counter, null)), "clerk1", "payment",
                new Outbox.Payer(customer, 10_00));
        keep(new OutboxSender(outbox, api::exchange, () -> "clerk1", FAST)).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (outbox.get(item.id()).orElseThrow().attempts() < 2 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(proxy.triggered.get()).as("the answer was lost").isEqualTo(1);
        List<Outbox.PendingPayment> pending = outbox.pendingPayments(customer);
        assertThat(pending).as("still pending here").extracting(Outbox.PendingPayment::idempotencyKey).containsExactly(item.idempotencyKey());

        Customer fresh = api.customer(customer, List.of(item.idempotencyKey(), UUID.randomUUID().toString()));
        assertThat(fresh.paidKeys()).as("the server has it").containsExactly(item.idempotencyKey());
        assertThat(Money.parse(fresh.balance())).as("and its balance already counts it").isEqualTo(owed - 10_00);
        assertThat(api.customer(customer).paidKeys()).as("not asked, not said").isNull();
    }

    @Test
    void aClientKilledRightAfterWritingToItsOutboxSendsThePaymentOnceAfterItsRestart() throws Exception {
        server = new ServerProcess();
        long counter = server.counterId(4);
        server.openCounter("clerk1", counter);
        ApiClient api = clerk(server.url());
        String body = payment(api, "100021", 77_00, counter);
        Process child = new ProcessBuilder(ChildJvm.command(
                "-cp", System.getProperty("java.class.path"), OutboxWriterMain.class.getName(), data.toString(), body))
                .redirectErrorStream(true).start();
        String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).startsWith("WRITTEN ");
        child.destroyForcibly(); // SIGKILL, right after the commit
        child.waitFor(10, TimeUnit.SECONDS);

        LocalStore store = keep(LocalStore.open(data));
        Outbox outbox = new Outbox(store);
        assertThat(outbox.pendingCount()).as("the payment survived the kill").isEqualTo(1);
        assertThat(outbox.all().get(0).idempotencyKey()).isEqualTo(line.substring("WRITTEN ".length()));
        keep(new OutboxSender(outbox, api::exchange, () -> "clerk1", FAST)).start();
        waitFor(outbox, 30);
        assertThat(outbox.all()).extracting(Outbox.Item::state).containsExactly(Outbox.State.DONE);
        assertThat(serverBooks(counter)).containsExactly(1, 77_00);
    }

    @Test
    void twoHundredPaymentsThroughALineThatDropsAndStallsArriveExactlyOnce() throws Exception {
        server = new ServerProcess();
        long counter = server.counterId(5);
        server.openCounter("clerk1", counter);
        FaultProxy proxy = keep(new FaultProxy(server.port()));
        ApiClient api = clerk(proxy.url());
        LocalStore store = keep(LocalStore.open(data));
        Outbox outbox = new Outbox(store);
        proxy.chaos(0.08, 0.08, 400);
        OutboxSender sender = keep(new OutboxSender(outbox, api::exchange, () -> "clerk1", FAST)).start();
        Random random = new Random(7);
        long clientSum = 0;
        for (int i = 0; i < 200; i++) {
            long amount = 100 + random.nextInt(500_00);
            clientSum += amount;
            outbox.add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments", payment(api, "1000" + (30 + i % 50), amount, counter),
                    "clerk1", "payment " + i);
            sender.wake(false);
        }
        waitFor(outbox, 240);
        assertThat(proxy.dropped.get()).as("the line really dropped connections").isGreaterThan(5);
        assertThat(proxy.stalled.get()).as("and stalled them").isGreaterThan(5);
        assertThat(outbox.all()).hasSize(200).allMatch(i -> i.state() == Outbox.State.DONE);
        long[] books = serverBooks(counter);
        assertThat(books[0]).as("payments on the server").isEqualTo(200);
        assertThat(books[1]).as("their sum equals the client's").isEqualTo(clientSum);
        System.out.printf("chaos run: 200 payments, %d connections cut, %d stalls, %d outbox retries, server %d payments / %s lek, client %s lek%n",
                proxy.dropped.get(), proxy.stalled.get(), outbox.all().stream().mapToInt(Outbox.Item::attempts).sum() - 200,
                books[0], Money.format(books[1]), Money.format(clientSum));
    }

    @Test
    void aDamagedLocalFileIsKeptAsideAndReportedNeverSilentlyReplaced() throws Exception {
        try (LocalStore store = LocalStore.open(data)) {
            new Outbox(store).add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments", "{}", "clerk1", "unsent");
        }
        Path file = LocalStore.fileIn(data);
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i += 7) {
            bytes[i] = (byte) (bytes[i] ^ 0x5A);
        }
        Files.write(file, bytes);

        LocalStoreException e = catchThrowableOfType(() -> LocalStore.open(data), LocalStoreException.class);
        assertThat(e.kind()).isEqualTo(LocalStoreException.Kind.CORRUPT);
        assertThat(e.keptAt()).exists();
        assertThat(Files.readAllBytes(e.keptAt())).as("kept as it was, for IT").isEqualTo(bytes);
        assertThat(file).doesNotExist();
        // only after the clerk was told does the counter start a new file
        try (LocalStore fresh = LocalStore.open(data)) {
            assertThat(new Outbox(fresh).pendingCount()).isZero();
        }
    }

    @Test
    void aLocalFileInUseByAnotherClientIsReportedAndLeftAlone() throws Exception {
        try (LocalStore store = LocalStore.open(data)) {
            new Outbox(store).add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments", "{}", "clerk1", "unsent");
        }
        Process other = new ProcessBuilder(ChildJvm.command(
                "-cp", System.getProperty("java.class.path"), OutboxWriterMain.class.getName(), data.toString()))
                .redirectErrorStream(true).start();
        try {
            assertThat(new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8)).readLine()).isEqualTo("OPEN");
            LocalStoreException e = catchThrowableOfType(() -> LocalStore.open(data), LocalStoreException.class);
            assertThat(e.kind()).isEqualTo(LocalStoreException.Kind.LOCKED);
            assertThat(e.keptAt()).isNull();
            assertThat(LocalStore.fileIn(data)).exists();
        } finally {
            other.destroyForcibly();
            other.waitFor(10, TimeUnit.SECONDS);
        }
        try (LocalStore again = LocalStore.open(data)) {
            assertThat(new Outbox(again).pendingCount()).as("nothing was lost").isEqualTo(1);
        }
    }
}
