package al.sportel.server.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected stream. Frames wait in its own bounded queue and are written without blocking, by whichever
 * thread has them — the event pump right after it got them, or the server's thread once the connection can
 * take more — so the pump hands the same bytes to every stream in turn and a slow or dead client only ever
 * delays itself. One that falls too far behind is disconnected and catches up from the database when it
 * reconnects with Last-Event-ID.
 */
final class Subscriber {

    static final int MAX_PENDING = 2_000;
    /** Frames written into the connection's buffer before it is pushed out; more wait for the next push. */
    private static final int FLUSH_BYTES = 4 * 1024;
    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);

    /**
     * Where frames go: a non-blocking connection (the servlet's asynchronous output in production). Its
     * methods are called under the subscriber's lock, one at a time.
     */
    interface Sink {
        /**
         * True when the connection takes a write or flush now without blocking; when false, it calls
         * {@link Subscriber#writable()} once it can.
         */
        boolean ready();

        /** Adds bytes to the connection's buffer; only after {@link #ready()} returned true. */
        void write(byte[] bytes) throws IOException;

        /** Pushes the buffer to the network without waiting for it; only after {@link #ready()} returned true. */
        void flush() throws IOException;

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
    private final Executor closer;
    private final Runnable onClose;
    private final ArrayDeque<Frame> pending = new ArrayDeque<>();
    /** Bytes written since the last flush (every frame has some, so 0 means nothing to push). */
    private int unflushedBytes;
    /** Set when the connection is to be closed; nothing more is queued or written to it. */
    private boolean closing;
    private volatile boolean closed;
    /** The last event id queued to this client; touched only by the event pump thread. */
    long cursor;

    /** {@code closer} runs the closing of a connection that failed or fell behind, off the writing thread. */
    Subscriber(String branchCode, boolean publicView, Sink sink, Executor closer, Runnable onClose) {
        this.branchCode = branchCode;
        this.publicView = publicView;
        this.sink = sink;
        this.closer = closer;
        this.onClose = onClose;
    }

    /** Queues a frame and writes what the connection takes now. */
    void offer(Frame frame) {
        enqueue(frame);
        drain();
    }

    /** Queues a frame; {@link #drain()} writes it. For several frames in a row, so they go out in one push. */
    synchronized void enqueue(Frame frame) {
        if (closed || closing) {
            return;
        }
        if (pending.size() >= MAX_PENDING) {
            log.info("disconnecting a {} subscriber of {} that fell {} events behind", publicView ? "display" : "staff",
                    branchCode, pending.size());
            closeLater();
            return;
        }
        pending.add(frame);
    }

    /** The connection can take more: called by the server once a write it could not finish at once is done. */
    void writable() {
        drain();
    }

    /** Writes queued frames as long as the connection takes them without blocking, then pushes them out. */
    synchronized void drain() {
        try {
            while (!closed && !closing && sink.ready()) {
                Frame next = unflushedBytes < FLUSH_BYTES ? pending.poll() : null;
                if (next != null) {
                    sink.write(next.wire());
                    unflushedBytes += next.wire().length;
                } else if (unflushedBytes > 0) {
                    unflushedBytes = 0;
                    sink.flush();
                } else {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Usually the client went away (a closed tab, a switched-off screen): nothing to alarm anyone about.
            log.debug("closing a {} stream of {}: {}", publicView ? "display" : "staff", branchCode, e.toString());
            closeLater();
        }
    }

    boolean isClosed() {
        return closed;
    }

    private void closeLater() {
        closing = true;
        pending.clear();
        try {
            closer.execute(this::close);
        } catch (RejectedExecutionException e) {
            close(); // shutting down: nothing else is waiting for this thread
        }
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
