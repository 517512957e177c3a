package al.sportel.server.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected stream. Frames wait in its own bounded queue and are written by a writer thread, so a
 * slow or dead client only ever delays itself; one that falls too far behind is disconnected and
 * catches up from the database when it reconnects with Last-Event-ID.
 */
final class Subscriber {

    static final int MAX_PENDING = 2_000;
    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);

    /** Where frames go; a Javalin SSE client in production. */
    interface Sink {
        void send(Frame frame) throws Exception;

        void close();
    }

    /**
     * One SSE frame; {@code event == null} means a comment (keep-alive). Its wire bytes are encoded
     * once, when it is made, and the same instance goes to every subscriber of the event.
     */
    record Frame(long id, String event, String data, byte[] wire) {
        Frame(long id, String event, String data) {
            this(id, event, data, encode(id, event, data));
        }

        static Frame comment(String text) {
            return new Frame(-1, null, text);
        }

        private static byte[] encode(long id, String event, String data) {
            StringBuilder b = new StringBuilder(data.length() + 48);
            if (event == null) {
                for (String line : data.split("\n", -1)) {
                    b.append(": ").append(line).append('\n');
                }
            } else {
                b.append("id: ").append(id).append("\nevent: ").append(event).append('\n');
                for (String line : data.split("\n", -1)) {
                    b.append("data: ").append(line).append('\n');
                }
                b.append('\n');
            }
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    final String branchCode;
    final boolean publicView;
    private final Sink sink;
    private final Executor writers;
    private final Runnable onClose;
    private final ArrayDeque<Frame> pending = new ArrayDeque<>();
    private boolean draining;
    private volatile boolean closed;
    /** The last event id queued to this client; touched only by the event pump thread. */
    long cursor;

    Subscriber(String branchCode, boolean publicView, Sink sink, Executor writers, Runnable onClose) {
        this.branchCode = branchCode;
        this.publicView = publicView;
        this.sink = sink;
        this.writers = writers;
        this.onClose = onClose;
    }

    void offer(Frame frame) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (pending.size() >= MAX_PENDING) {
                log.info("disconnecting a {} subscriber of {} that fell {} events behind", publicView ? "display" : "staff",
                        branchCode, pending.size());
                closeLater();
                return;
            }
            pending.add(frame);
            if (draining) {
                return;
            }
            draining = true;
        }
        writers.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Frame next;
            synchronized (this) {
                next = pending.poll();
                if (next == null || closed) {
                    draining = false;
                    return;
                }
            }
            try {
                sink.send(next);
            } catch (Exception e) {
                close();
                return;
            }
        }
    }

    boolean isClosed() {
        return closed;
    }

    private void closeLater() {
        pending.clear();
        writers.execute(this::close);
    }

    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending.clear();
        }
        try {
            sink.close();
        } catch (RuntimeException ignored) {
            // the connection is gone either way
        }
        onClose.run();
    }
}
