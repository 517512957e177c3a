package al.sportel.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A background job outlives a bad round: the reminders go on after the database was briefly away. */
class PeriodicTest {

    @Test
    void aRoundThatFailsIsFollowedByTheNextAndCloseStopsThem() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch fourth = new CountDownLatch(1);
        try (Periodic job = Periodic.start("test job", Duration.ZERO, Duration.ofMillis(10), () -> {
            if (rounds.incrementAndGet() <= 2) {
                throw new IllegalStateException("database away");
            }
            if (rounds.get() == 4) {
                fourth.countDown();
            }
        })) {
            assertThat(fourth.await(10, TimeUnit.SECONDS)).as("rounds after two failures").isTrue();
        }
        int stoppedAt = rounds.get();
        Thread.sleep(100);
        assertThat(rounds.get()).as("no round after close").isLessThanOrEqualTo(stoppedAt + 1);
    }
}
