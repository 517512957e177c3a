package al.sportel.server.events;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Writes queued frames to many streams at once. The writes never block ({@link Subscriber#drain()}), so a
 * few threads serve any number of streams: a handful of streams are written by the event pump itself,
 * with no hand-off; a thousand are split into slices written side by side, the pump taking the first
 * slice, so one event reaches the last screen after a fraction of the time one thread would take (and a
 * busy machine's scheduler gives the fan-out more than one thread's share).
 */
final class FanOut implements AutoCloseable {

    /** Up to this many streams the pump writes alone: a hand-off costs more than these writes. */
    static final int SLICE = 64;

    private final int threads;
    private final ExecutorService pool;

    FanOut(int threads, ThreadFactory factory) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    /** Drains every given stream; returns once the caller's own slice is written (the others go on in the pool). */
    void drain(List<Subscriber> streams) {
        int n = streams.size();
        if (n <= SLICE) {
            streams.forEach(Subscriber::drain);
            return;
        }
        int slices = Math.min(threads + 1, (n + SLICE - 1) / SLICE);
        int size = (n + slices - 1) / slices;
        for (int from = size; from < n; from += size) {
            List<Subscriber> slice = streams.subList(from, Math.min(n, from + size));
            try {
                pool.execute(() -> slice.forEach(Subscriber::drain));
            } catch (RejectedExecutionException e) {
                return; // shutting down
            }
        }
        streams.subList(0, size).forEach(Subscriber::drain);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
