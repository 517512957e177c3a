package al.sportel.server.events;

import al.sportel.server.db.Database;
import al.sportel.server.events.EventSequencer.Numbered;
import al.sportel.server.events.Subscriber.Frame;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the event table to connected streams. One pump thread numbers each branch's committed
 * events ({@link EventSequencer}): woken by a local commit it numbers that branch at once and hands the
 * rows it numbered to the branch's subscribers; every poll interval it also numbers and reads the rows of
 * other server instances sharing the database. The pump writes each event's bytes to every stream without
 * blocking ({@link Subscriber}); what a connection cannot take at once the server's threads write later.
 * Only the pump thread touches cursors, so a resuming client's replay and the live rows never
 * interleave out of order.
 */
public final class EventHub implements AutoCloseable {

    /** A client further behind than this is told to reload the snapshot instead of replaying. */
    static final int REPLAY_LIMIT = 1_000;
    private static final int BATCH = 500;
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** Threads that write alongside the pump when an event goes to many streams (see {@link FanOut}). */
    private static final int FAN_OUT_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private static final Logger log = LoggerFactory.getLogger(EventHub.class);

    private final Database db;
    private final DisplayEvents display;
    private final ScheduledExecutorService pump;
    private final ExecutorService closer;
    private final FanOut fanOut;
    private final Map<String, List<Subscriber>> channels = new ConcurrentHashMap<>();
    /** Set first by {@link #close}: nothing joins after it. */
    private volatile boolean closed;
    private final Set<String> wakePending = ConcurrentHashMap.newKeySet();
    private final Duration pollInterval;
    /** The server's clock, so a snapshot.required frame is dated as every other event is. */
    private final Clock clock;
    private volatile long lastPollNanos = System.nanoTime();

    public EventHub(Database db, ObjectMapper mapper, Duration pollInterval, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.display = new DisplayEvents(mapper);
        this.pollInterval = pollInterval;
        this.pump = Executors.newSingleThreadScheduledExecutor(daemon("sportel-event-pump"));
        this.closer = Executors.newCachedThreadPool(daemon("sportel-sse-closer"));
        this.fanOut = new FanOut(FAN_OUT_THREADS, daemon("sportel-sse-fanout"));
        pump.scheduleWithFixedDelay(this::pollAll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        pump.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Called after a commit that appended events for the branch: numbers them (whether or not anyone
     * listens here, so snapshots and other nodes find them numbered) and delivers them. Wakes that
     * arrive while one is pending share it, so a busy branch is numbered in batches.
     */
    public void wake(String branchCode) {
        if (wakePending.add(branchCode)) {
            submit(() -> {
                wakePending.remove(branchCode);
                numberAndDispatch(branchCode);
            });
        }
    }

    /**
     * Connects a stream. With {@code lastEventId} it first replays what the client missed (or sends
     * {@code snapshot.required} when that is too much or unknown); without it, it starts from now.
     */
    Subscriber subscribe(String branchCode, Long lastEventId, boolean publicView, Subscriber.Sink sink) {
        Subscriber[] holder = new Subscriber[1];
        Subscriber s = new Subscriber(branchCode, publicView, sink, closer, () -> {
            List<Subscriber> subs = channels.get(branchCode);
            if (subs != null) {
                subs.remove(holder[0]);
            }
        });
        holder[0] = s;
        // A stream that arrives as the server stops (a screen reconnecting at once) is closed, not left open: an
        // open one would hold the server's stop for its whole timeout.
        if (closed || !submit(() -> attach(s, lastEventId))) {
            s.close();
        }
        return s;
    }

    public int subscriberCount() {
        return channels.values().stream().mapToInt(List::size).sum();
    }

    private void attach(Subscriber s, Long lastEventId) {
        if (s.isClosed()) {
            return;
        }
        long max = EventSequencer.sequence(db, s.branchCode);
        if (lastEventId == null) {
            s.cursor = max;
        } else if (lastEventId > max || max - lastEventId > REPLAY_LIMIT) {
            s.offer(new Frame(max, "snapshot.required", display.snapshotRequired(clock.instant())));
            s.cursor = max;
        } else {
            s.cursor = lastEventId;
            deliver(s, readAfter(s.branchCode, lastEventId, REPLAY_LIMIT));
        }
        channels.computeIfAbsent(s.branchCode, b -> new CopyOnWriteArrayList<>()).add(s);
        if (closed) { // the hub closed while this one joined: close() may have missed it
            s.close();
            return;
        }
        // Rows committed between reading max and joining the channel come with the next dispatch.
        dispatch(s.branchCode);
    }

    /** For the readiness check: the pump has polled within a few intervals (it is not stuck or stopped). */
    public boolean pumpRunning() {
        long age = System.nanoTime() - lastPollNanos;
        return !pump.isShutdown() && age < Math.max(pollInterval.toNanos() * 8, Duration.ofSeconds(5).toNanos());
    }

    private void pollAll() {
        lastPollNanos = System.nanoTime();
        for (String branch : channels.keySet()) {
            // Numbering here too covers a node that committed and stopped before numbering its rows.
            sequenceAndDispatch(branch);
        }
    }

    private void sequenceAndDispatch(String branchCode) {
        try {
            EventSequencer.sequence(db, branchCode);
        } catch (RuntimeException e) {
            log.warn("could not number events of {}: {}", branchCode, e.getMessage());
        }
        dispatch(branchCode);
    }

    /**
     * After a local commit: numbers at once (no "anything unnumbered?" read first) and hands the rows it
     * numbered straight to the streams, unless one of them is further behind than those rows start.
     */
    private void numberAndDispatch(String branchCode) {
        Numbered numbered;
        try {
            numbered = EventSequencer.number(db, branchCode);
        } catch (RuntimeException e) {
            log.warn("could not number events of {}: {}", branchCode, e.getMessage());
            dispatch(branchCode);
            return;
        }
        List<Subscriber> subs = channels.get(branchCode);
        if (subs != null && !subs.isEmpty()) {
            long from = subs.stream().mapToLong(s -> s.cursor).min().orElse(0);
            if (from < numbered.before()) {
                dispatch(branchCode);
            } else {
                deliverAll(subs, numbered.rows());
            }
        }
        if (numbered.full()) {
            submit(() -> numberAndDispatch(branchCode));
        }
    }

    private void dispatch(String branchCode) {
        List<Subscriber> subs = channels.get(branchCode);
        if (subs == null || subs.isEmpty()) {
            return;
        }
        long from = subs.stream().mapToLong(s -> s.cursor).min().orElse(0);
        try {
            List<EventRow> rows = readAfter(branchCode, from, BATCH);
            deliverAll(subs, rows);
            if (rows.size() == BATCH) {
                submit(() -> sequenceAndDispatch(branchCode));
            }
        } catch (RuntimeException e) {
            log.warn("could not read events of {}: {}", branchCode, e.getMessage());
        }
    }

    /** Queues each stream's new rows (in order, on the pump), then writes them to all streams at once. */
    private void deliverAll(List<Subscriber> subs, List<EventRow> rows) {
        List<Subscriber> touched = new ArrayList<>(subs.size());
        for (Subscriber s : subs) {
            if (enqueue(s, rows)) {
                touched.add(s);
            }
        }
        fanOut.drain(touched);
    }

    private void deliver(Subscriber s, List<EventRow> rows) {
        if (enqueue(s, rows)) {
            s.drain();
        }
    }

    private boolean enqueue(Subscriber s, List<EventRow> rows) {
        boolean any = false;
        for (EventRow r : rows) {
            if (r.seq() > s.cursor) {
                s.cursor = r.seq();
                s.enqueue(r.frame(s.publicView, display));
                any = true;
            }
        }
        return any;
    }

    private List<EventRow> readAfter(String branchCode, long after, int limit) {
        return db.read(h -> h.createQuery("""
                        SELECT seq, event_type, payload FROM events WHERE branch_code = :b AND seq > :after
                        ORDER BY seq LIMIT :n
                        """)
                .bind("b", branchCode).bind("after", after).bind("n", limit)
                .map((rs, ctx) -> new EventRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list());
    }

    private void heartbeat() {
        Frame ping = Frame.comment("keep-alive");
        for (List<Subscriber> subs : channels.values()) {
            subs.forEach(s -> s.enqueue(ping));
            fanOut.drain(new ArrayList<>(subs));
        }
    }

    /** False when the pump no longer takes work (the hub is closing). */
    private boolean submit(Runnable r) {
        try {
            pump.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    log.warn("event pump task failed", e);
                }
            });
            return true;
        } catch (RejectedExecutionException ignored) {
            return false; // shutting down
        }
    }

    /** Closes every stream (clients will reconnect to another instance) and stops the threads. */
    @Override
    public void close() {
        closed = true;
        pump.shutdownNow();
        fanOut.close();
        channels.values().forEach(subs -> subs.forEach(Subscriber::close));
        channels.clear();
        closer.shutdown();
        try {
            closer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
