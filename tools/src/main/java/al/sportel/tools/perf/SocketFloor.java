package al.sportel.tools.perf;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor of the event rows, as the bare claim is call-next's: a server that does nothing but write one
 * display-sized frame to every connected stream, on as many threads as the machine has cores, with
 * non-blocking writes of the same bytes. What it takes to reach 1,000 screens is what moving a frame
 * through 1,000 sockets and reading it back costs on these cores, before any server does anything.
 */
final class SocketFloor implements AutoCloseable {

    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            + "Cache-Control: no-cache\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocketChannel server;
    private final List<SocketChannel> streams = new CopyOnWriteArrayList<>();
    private final int writers = Runtime.getRuntime().availableProcessors();
    private final ExecutorService pool = Executors.newFixedThreadPool(writers, r -> daemon(r, "socket-floor-writer"));
    private final Thread acceptor;
    private volatile boolean closed;
    /** Why the acceptor stopped early (out of file handles, say), for the next caller to report. */
    private volatile IOException acceptFailure;

    SocketFloor() throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        acceptor = daemon(this::acceptLoop, "socket-floor-accept");
        acceptor.start();
    }

    String base() throws IOException {
        if (acceptFailure != null) {
            throw new IOException("the socket floor stopped accepting streams", acceptFailure);
        }
        return "http://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    /** Writes the frame to every stream, the streams split over the writer threads; returns when all is written. */
    void broadcast(byte[] frame) throws Exception {
        List<SocketChannel> all = new ArrayList<>(streams);
        int slice = (all.size() + writers - 1) / writers;
        List<Future<?>> done = new ArrayList<>();
        for (int from = 0; from < all.size(); from += slice) {
            List<SocketChannel> part = all.subList(from, Math.min(all.size(), from + slice));
            done.add(pool.submit(() -> {
                for (SocketChannel ch : part) {
                    write(ch, frame);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
    }

    private static void write(SocketChannel ch, byte[] frame) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(frame);
        while (buf.hasRemaining()) {
            if (ch.write(buf) == 0) {
                Thread.onSpinWait(); // a full socket buffer: a few hundred bytes per event never fill one
            }
        }
    }

    private void acceptLoop() {
        ByteBuffer request = ByteBuffer.allocate(4096);
        while (!closed) {
            try {
                SocketChannel ch = server.accept();
                request.clear();
                while (!endOfHeaders(request)) {
                    if (ch.read(request) < 0) {
                        break;
                    }
                }
                ch.write(ByteBuffer.wrap(RESPONSE));
                ch.configureBlocking(false);
                streams.add(ch);
            } catch (IOException e) {
                if (!closed) {
                    acceptFailure = e;
                    return;
                }
            }
        }
    }

    private static boolean endOfHeaders(ByteBuffer request) {
        int n = request.position();
        return n >= 4 && request.get(n - 4) == '\r' && request.get(n - 3) == '\n' && request.get(n - 2) == '\r'
                && request.get(n - 1) == '\n';
    }

    /** Drops the streams of one measurement. */
    void disconnectAll() throws IOException {
        for (SocketChannel ch : streams) {
            ch.close();
        }
        streams.clear();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        disconnectAll();
        pool.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
