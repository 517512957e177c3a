package al.sportel.desktop.offline;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import al.sportel.model.Money;
import al.sportel.model.billing.PaymentRequest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signed-in counter's link to the head office: whether it is up, the outbox and its sender, and
 * the local cache. The properties live on the JavaFX thread; the blocking methods are for
 * background tasks.
 */
public final class CounterLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CounterLink.class);
    /** The longest wait between two looks at the server while a failed request keeps the link down. */
    static final Duration PROBE_MAX = Duration.ofSeconds(5);

    private final ApiClient api;
    private final LocalCache cache;
    private final Outbox outbox;
    private final OutboxSender sender;
    private final SimpleBooleanProperty up = new SimpleBooleanProperty(true);
    private final SimpleIntegerProperty pending = new SimpleIntegerProperty();
    private final SimpleIntegerProperty needAttention = new SimpleIntegerProperty();
    private final SimpleIntegerProperty othersPending = new SimpleIntegerProperty();
    private volatile boolean upNow = true;
    private volatile boolean streamDown;
    private final Backoff probeBackoff;
    private int probes;
    private boolean probing;
    private Instant notBefore = Instant.EPOCH;
    private final Runnable stopListening;
    // The counts are H2 queries: they run here, never on the FX thread that builds this link.
    private final ExecutorService counting = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sportel-outbox-count");
        t.setDaemon(true);
        return t;
    });
    // A request that failed marks the link down, but only the stream's reconnect or another answer would mark it up:
    // with the stream still open and nothing in the outbox, the counter stayed "offline" next to a working server.
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sportel-link-probe");
        t.setDaemon(true);
        return t;
    });

    public CounterLink(ApiClient api, LocalCache cache, Outbox outbox, Backoff backoff) {
        this.api = api;
        this.cache = cache;
        this.outbox = outbox;
        this.probeBackoff = new Backoff(backoff.base(), backoff.max().compareTo(PROBE_MAX) < 0 ? backoff.max() : PROBE_MAX);
        String username = api.user().username();
        this.sender = new OutboxSender(outbox, api::exchange, () -> username, backoff);
        sender.onReachability(this::setUp);
        this.stopListening = outbox.onChange(() -> {
            if (!counting.isShutdown()) {
                counting.execute(this::recount);
            }
        });
        counting.execute(this::recount);
        sender.start();
    }

    public LocalCache cache() {
        return cache;
    }

    public Outbox outbox() {
        return outbox;
    }

    public ApiClient api() {
        return api;
    }

    /** False while the server cannot be reached (live stream down or no answer to a request). */
    public ReadOnlyBooleanProperty up() {
        return up;
    }

    public boolean isUp() {
        return upNow;
    }

    /** This clerk's commands still waiting to be sent (the sender sends only the logged-in clerk's). */
    public ReadOnlyIntegerProperty pending() {
        return pending;
    }

    /** Other users' commands still in this computer's outbox: sent when they log in here again. */
    public ReadOnlyIntegerProperty othersPending() {
        return othersPending;
    }

    public ReadOnlyIntegerProperty needAttention() {
        return needAttention;
    }

    /**
     * From any thread: a request was answered ({@code true}) or got none. Coming back up sends the outbox at once
     * instead of at its next retry. Going down starts asking the server's {@code /health} until it answers, unless the
     * live stream is down too: then its own reconnect brings the link back.
     */
    public void setUp(boolean isUp) {
        if (isUp) {
            synchronized (this) {
                probes = 0; // a real answer: the next look after a failure starts soon again
            }
        }
        changeTo(isUp);
    }

    private void changeTo(boolean isUp) {
        boolean was;
        synchronized (this) { // the FX thread sees the changes in the order they were made here, each one of them
            was = upNow;
            upNow = isUp;
            onFx(() -> up.set(isUp));
        }
        if (isUp && !was) {
            sender.wake(true);
        }
        if (!isUp) {
            probeSoon();
        }
    }

    /**
     * From any thread: a request got no answer it could use ({@code e} unreachable or a 5xx). A busy server's 503 says
     * when to come back (Retry-After): the link does not look before then, so the counters of a centre do not all
     * knock again at once at the morning rush.
     */
    public void failed(ApiException e) {
        synchronized (this) {
            notBefore = e.retryAfterSeconds() > 0 ? Instant.now().plusSeconds(e.retryAfterSeconds()) : Instant.EPOCH;
        }
        changeTo(false);
    }

    /** From any thread: the live stream connected or dropped. */
    public void streamConnected(boolean connected) {
        streamDown = !connected;
        setUp(connected);
    }

    private synchronized void probeSoon() {
        if (probing || prober.isShutdown()) {
            return;
        }
        probing = true;
        long wait = Math.max(probeBackoff.delay(probes++).toMillis(), Duration.between(Instant.now(), notBefore).toMillis());
        prober.schedule(this::probe, wait, TimeUnit.MILLISECONDS);
    }

    private void probe() {
        synchronized (this) {
            probing = false;
        }
        if (upNow || streamDown) {
            return; // an answer brought it up (and reset the count), or the stream's reconnect will
        }
        if (api.healthy()) {
            // the count stays: a request that keeps failing next to a healthy server is retried at most every 5 s
            changeTo(true);
        } else {
            probeSoon();
        }
    }

    /** Writes the command to the outbox (committed) and has it sent. Background thread only. */
    public Outbox.Item submit(Outbox.Kind kind, String method, String path, Object body, String summary) throws SQLException {
        Outbox.Item item = outbox.add(kind, method, path, api.toJson(body), api.user().username(), summary);
        sender.wake(false);
        return item;
    }

    /**
     * Waits for the server's verdict while the clerk and customer stand there: up to 12 s with the link
     * up, 2 s without it (the outbox sends it later). Empty when the command is still waiting to be sent.
     */
    public Optional<Outbox.Item> awaitSettled(Outbox.Item item) throws SQLException {
        // past the wait the customer leaves with an offline receipt; the server knows the same wait (HELD_FOR_HEADER)
        Duration wait = upNow ? PaymentRequest.ANSWER_WAIT : Duration.ofSeconds(2);
        try {
            return Optional.of(sender.settled(item.id()).get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
        }
    }

    /** A payment, written to the outbox with its customer and amount, and sent. Background thread only. */
    public Outbox.Item submitPayment(PaymentRequest payment, String summary) throws SQLException {
        Outbox.Item item = outbox.add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments", api.toJson(payment), api.user().username(),
                summary, new Outbox.Payer(payment.customerCode(), Money.parse(payment.amount())));
        sender.wake(false);
        return item;
    }

    /** One customer's payments still in the outbox, so a fresh balance from the server does not ask for them again. */
    public List<Outbox.PendingPayment> pendingPayments(String customerCode) throws SQLException {
        return outbox.pendingPayments(customerCode);
    }

    private void recount() {
        try {
            String user = api.user().username();
            int p = outbox.pendingCount(user, true);
            int others = outbox.pendingCount(user, false);
            int a = outbox.attentionCount();
            onFx(() -> {
                othersPending.set(others);
                pending.set(p);
                needAttention.set(a);
            });
        } catch (SQLException e) {
            LOG.warn("could not count the outbox; the banner keeps its last numbers", e);
        }
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    @Override
    public void close() {
        stopListening.run();
        counting.shutdownNow();
        synchronized (this) { // probeSoon checks and schedules under the same lock: nothing is scheduled once shut
            prober.shutdownNow();
        }
        sender.close();
    }
}
