package al.sportel.desktop.offline;

import al.sportel.desktop.api.Refusal;
import al.sportel.desktop.api.Transport;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox, oldest first, on its own thread. A 2xx (including a replayed answer) marks a
 * command done; a 4xx marks it failed with the server's refusal (type, fields and words); no answer, a 5xx, 401, 408 or 429
 * means try again later with {@link Backoff}. Only the signed-in user's commands are sent: the
 * server scopes idempotency keys to the user, so another clerk must never send them.
 */
public final class OutboxSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final Transport transport;
    private final Supplier<String> username;
    private final Backoff backoff;
    private final Thread thread;
    private final Object signal = new Object();
    private final Map<Long, CompletableFuture<Outbox.Item>> waiting = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<Boolean>> reachability = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private volatile boolean woken;

    public OutboxSender(Outbox outbox, Transport transport, Supplier<String> username, Backoff backoff) {
        this.outbox = outbox;
        this.transport = transport;
        this.username = username;
        this.backoff = backoff;
        this.thread = new Thread(this::loop, "sportel-outbox");
        thread.setDaemon(true);
    }

    public OutboxSender start() {
        thread.start();
        return this;
    }

    /** Told true after any answer from the server and false when none came. */
    public void onReachability(Consumer<Boolean> listener) {
        reachability.add(listener);
    }

    /** Something new is in the outbox, or the link is back: look now instead of at the next retry time. */
    public void wake(boolean linkBack) {
        if (linkBack) {
            try {
                outbox.dueNow();
            } catch (SQLException e) {
                log.warn("could not reschedule the outbox", e);
            }
        }
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Completes when the command is done or failed; it may never complete while the link is down. */
    public CompletableFuture<Outbox.Item> settled(long id) {
        CompletableFuture<Outbox.Item> f = waiting.computeIfAbsent(id, k -> new CompletableFuture<>());
        try {
            outbox.get(id).filter(i -> i.state() != Outbox.State.PENDING).ifPresent(f::complete);
        } catch (SQLException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    private void loop() {
        while (running) {
            try {
                String user = username.get();
                Optional<Outbox.Item> due = user == null ? Optional.empty() : outbox.nextDue(user, Instant.now());
                if (due.isPresent()) {
                    attempt(due.get());
                    continue;
                }
                long waitMs = 1000;
                if (user != null) {
                    Optional<Instant> next = outbox.nextAttemptAt(user);
                    if (next.isPresent()) {
                        waitMs = Math.max(1, Math.min(waitMs, Duration.between(Instant.now(), next.get()).toMillis()));
                    }
                }
                pause(waitMs);
            } catch (SQLException e) {
                log.error("the local file failed; the outbox pauses", e);
                pause(5000);
            } catch (RuntimeException e) {
                log.error("unexpected error in the outbox sender", e);
                pause(1000);
            }
        }
    }

    private void attempt(Outbox.Item item) throws SQLException {
        Transport.Answer answer;
        try {
            // the item's age, by this machine's clock: how long ago the money changed hands, for a payment
            Duration held = Duration.between(item.createdAt(), Instant.now());
            answer = transport.send(item.method(), item.path(), item.body(), item.idempotencyKey(), held.isNegative() ? Duration.ZERO : held);
        } catch (IOException e) {
            reachable(false);
            retry(item, "no answer: " + e.getMessage());
            return;
        }
        int s = answer.status();
        reachable(s < 500);
        if (s >= 200 && s < 300) {
            outbox.done(item.id(), answer.body());
            settledNow(item.id());
        } else if (s >= 500 || s == 401 || s == 408 || s == 429) {
            retry(item, "HTTP " + s + (answer.problemDetail() == null ? "" : ": " + answer.problemDetail()));
        } else {
            // the refusal whole, type and fields with the English words: the clerk reads it in her language
            outbox.failed(item.id(), answer.refusal() != null ? answer.refusal() : new Refusal(s, "http-" + s, "HTTP " + s, null));
            settledNow(item.id());
        }
    }

    private void retry(Outbox.Item item, String error) throws SQLException {
        Duration d = backoff.delay(item.attempts());
        outbox.retryAt(item.id(), error, Instant.now().plus(d));
    }

    private void settledNow(long id) throws SQLException {
        CompletableFuture<Outbox.Item> f = waiting.remove(id);
        if (f != null) {
            outbox.get(id).ifPresent(f::complete);
        }
    }

    private void reachable(boolean up) {
        reachability.forEach(l -> l.accept(up));
    }

    private void pause(long ms) {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /**
     * Stops the sender. Off the FX thread it waits (up to 5 s) for a send in flight; on it, it does not: a
     * send can hang for its whole timeout, and the window would freeze on logout. An exchange cut off by
     * the local file closing stays PENDING and goes again with its key, which the server answers once.
     */
    @Override
    public void close() {
        running = false;
        wake(false);
        if (Platform.isFxApplicationThread()) {
            return;
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
