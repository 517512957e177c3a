package al.sportel.server.fiscal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every so often: send what the authority does not have yet, and raise the 36-hour alerts. */
public final class FiscalOutbox implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(FiscalOutbox.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fiscal-outbox");
        t.setDaemon(true);
        return t;
    });

    public FiscalOutbox(FiscalService fiscal, Duration every) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                fiscal.deliverPending();
                fiscal.checkDeadlines();
            } catch (RuntimeException e) {
                // the next round tries again; a dead timer would silently stop all late deliveries
                log.error("fiscal outbox round failed", e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
