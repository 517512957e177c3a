package al.sportel.tools.perf;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many waiting-room screens on a few selector threads: each holds a display event stream on its own socket,
 * and the time a {@code ticket.called} frame arrives is taken right after the read that brought it. A
 * client with a thread (or a line-decoding pipeline) per stream would itself be what a thousand streams on
 * two shared cores measure; this one costs one read and a scan of the bytes per frame.
 */
final class DisplayStreams implements AutoCloseable {

    /** One arrival: the hash of the called ticket's number and {@link System#nanoTime()} at its read. */
    record Arrival(int numberHash, long nanos) {
    }

    private static final byte[] CALLED = "event: ticket.called".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NUMBER = "\"number\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATUS = "HTTP/1.1 ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

    /** Selector threads; the streams are spread over them in turn. */
    private static final int READERS = 4;

    private final CountDownLatch connected;
    private final AtomicInteger refused = new AtomicInteger();
    private final Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final List<Reader> readers = new ArrayList<>();
    private volatile boolean closed;

    /** Opens {@code n} streams of {@code path} on the server at {@code base}; the streams answer in the background. */
    DisplayStreams(String base, String path, int n) throws IOException {
        URI uri = URI.create(base);
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        this.connected = new CountDownLatch(n);
        for (int i = 0; i < READERS; i++) {
            readers.add(new Reader(i));
        }
        for (int i = 0; i < n; i++) {
            SocketChannel ch = SocketChannel.open(address);
            ch.write(ByteBuffer.wrap(request));
            ch.configureBlocking(false);
            readers.get(i % READERS).add(ch);
        }
    }

    /** Waits until every stream has its response headers; false if some did not come in time or were refused. */
    boolean awaitConnected(long seconds) throws InterruptedException {
        return connected.await(seconds, TimeUnit.SECONDS) && refused.get() == 0;
    }

    int refused() {
        return refused.get();
    }

    /** Takes what arrived so far. */
    Queue<Arrival> arrivals() {
        return arrivals;
    }

    /** One selector thread and the streams it reads. */
    private final class Reader {
        private final Selector selector;
        private final Queue<SocketChannel> toRegister = new ConcurrentLinkedQueue<>();
        private final Thread thread;

        Reader(int index) throws IOException {
            selector = Selector.open();
            thread = new Thread(this::readLoop, "display-streams-" + index);
            thread.setDaemon(true);
            thread.start();
        }

        void add(SocketChannel ch) {
            toRegister.add(ch);
            selector.wakeup();
        }

        private void readLoop() {
            ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
            byte[] bytes = new byte[buf.capacity()];
            try {
                while (!closed) {
                    selector.select();
                    for (SocketChannel ch; (ch = toRegister.poll()) != null; ) {
                        ch.register(selector, SelectionKey.OP_READ, new Stream());
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        SocketChannel ch = (SocketChannel) key.channel();
                        buf.clear();
                        int read;
                        try {
                            read = ch.read(buf);
                        } catch (IOException e) {
                            read = -1;
                        }
                        long now = System.nanoTime();
                        if (read < 0) {
                            key.cancel();
                            ch.close();
                            continue;
                        }
                        buf.flip();
                        buf.get(bytes, 0, read);
                        ((Stream) key.attachment()).take(bytes, read, now);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException | ClosedSelectorException e) {
                if (!closed) {
                    throw new IllegalStateException("display streams failed", e);
                }
            } finally {
                closeAll();
            }
        }

        private void closeAll() {
            try {
                for (SelectionKey key : selector.keys()) {
                    key.channel().close();
                }
                selector.close();
            } catch (IOException | ClosedSelectorException e) {
                // closing anyway
            }
        }

        void stop() throws IOException {
            selector.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (SocketChannel ch; (ch = toRegister.poll()) != null; ) {
                ch.close();
            }
        }
    }

    /**
     * One stream's parse state: lines are scanned as bytes; a {@code ticket.called} event line arms it, and
     * the next data line's ticket number is recorded with the read's time. Chunk-size lines of the
     * chunked encoding are neither, so they pass by.
     */
    private final class Stream {
        private final byte[] line = new byte[8 * 1024];
        private int length;
        private boolean headers = true;
        private boolean called;

        void take(byte[] bytes, int n, long now) {
            for (int i = 0; i < n; i++) {
                byte b = bytes[i];
                if (b != '\n') {
                    if (length < line.length) {
                        line[length++] = b;
                    }
                    continue;
                }
                int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                onLine(end, now);
                length = 0;
            }
        }

        private void onLine(int end, long now) {
            if (headers) {
                if (startsWith(STATUS, end)) {
                    boolean ok = end >= 12 && line[9] == '2';
                    if (!ok) {
                        refused.incrementAndGet();
                    }
                    connected.countDown();
                } else if (end == 0) {
                    headers = false;
                }
                return;
            }
            if (startsWith(EVENT, end)) {
                called = end == CALLED.length && startsWith(CALLED, end);
            } else if (called && startsWith(DATA, end)) {
                called = false;
                int at = indexOf(NUMBER, end);
                if (at >= 0) {
                    int from = at + NUMBER.length;
                    int to = from;
                    while (to < end && line[to] != '"') {
                        to++;
                    }
                    arrivals.add(new Arrival(new String(line, from, to - from, StandardCharsets.UTF_8).hashCode(), now));
                }
            }
        }

        private boolean startsWith(byte[] prefix, int end) {
            if (end < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (line[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        private int indexOf(byte[] needle, int end) {
            outer:
            for (int i = 0; i + needle.length <= end; i++) {
                for (int k = 0; k < needle.length; k++) {
                    if (line[i + k] != needle[k]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        for (Reader r : readers) {
            r.stop();
        }
    }
}
