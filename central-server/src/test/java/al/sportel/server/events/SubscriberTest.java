package al.sportel.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A stuck client must never hold up the pump or the other clients. */
class SubscriberTest {

    @Test
    void aStuckClientIsCutOffWithoutBlockingTheOthers() throws Exception {
        ExecutorService writers = Executors.newCachedThreadPool();
        AtomicBoolean stuckClosed = new AtomicBoolean();
        Subscriber stuck = new Subscriber("TR01", false, new Subscriber.Sink() {
            @Override
            public boolean ready() {
                return false; // a client whose TCP window never opens
            }

            @Override
            public void write(byte[] bytes) {
                throw new AssertionError("written while not ready");
            }

            @Override
            public void flush() {
                throw new AssertionError("flushed while not ready");
            }

            @Override
            public void close() {
                stuckClosed.set(true);
            }
        }, writers, () -> { });
        AtomicInteger delivered = new AtomicInteger();
        int frames = 2_000 + Subscriber.MAX_PENDING;
        int healthyFrames = frames / 20;
        CountDownLatch allDelivered = new CountDownLatch(healthyFrames);
        Subscriber healthy = new Subscriber("TR01", false, new Subscriber.Sink() {
            @Override
            public boolean ready() {
                return true;
            }

            @Override
            public void write(byte[] bytes) {
                delivered.incrementAndGet();
                allDelivered.countDown();
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }, writers, () -> { });

        long started = System.nanoTime();
        for (int i = 1; i <= frames; i++) {
            Subscriber.Frame f = new Subscriber.Frame(i, "ticket.issued", "{}");
            stuck.offer(f);
            if (i % 20 == 0) {
                healthy.offer(f);
            }
        }
        long offerMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(allDelivered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(delivered.get()).isEqualTo(healthyFrames);
        for (int i = 0; i < 100 && !stuckClosed.get(); i++) {
            Thread.sleep(20);
        }
        assertThat(stuckClosed).as("the stuck client is disconnected once too far behind").isTrue();
        assertThat(stuck.isClosed()).isTrue();
        assertThat(offerMillis).as("offering never waits for the network (sanity bound, not a benchmark)").isLessThan(5_000);
        writers.shutdownNow();
    }
}
