package al.sportel.server.fiscal;

import al.sportel.server.ops.Periodic;
import java.time.Duration;

/** Every so often: send what the authority does not have yet, and raise the 36-hour alerts. */
public final class FiscalOutbox implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private final Periodic timer;

    public FiscalOutbox(FiscalService fiscal, Duration every) {
        timer = Periodic.start("fiscal outbox", every, every, () -> {
            fiscal.deliverPending();
            fiscal.checkDeadlines();
        });
    }

    @Override
    public void close() {
        timer.close();
    }
}
