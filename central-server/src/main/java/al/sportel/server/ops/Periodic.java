package al.sportel.server.ops;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background job (reminders, alerts, the day's end, the fiscal outbox) run at a fixed delay on a daemon
 * thread of its own. A round that throws is logged and the next one runs as usual: an exception that
 * reached the timer would end it and silently stop the job for the rest of the server's life.
 */
public final class Periodic implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private final ScheduledExecutorService timer;

    private Periodic(String name) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sportel-" + name.replace(' ', '-'));
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code round} after {@code first}, then {@code every} after each round ends. */
    public static Periodic start(String name, Duration first, Duration every, Runnable round) {
        Periodic job = new Periodic(name);
        job.timer.scheduleWithFixedDelay(() -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                log.error("{} failed; trying again in {}", name, every, e);
            }
        }, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return job;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
