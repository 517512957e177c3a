package al.sportel.desktop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy between the client and the server that misbehaves on purpose: it can drop a
 * connection or stall it for a while at random, or run an action (kill the server) the moment the
 * server starts answering a given request — after the server committed, before the client hears.
 */
final class FaultProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int upstreamPort;
    private final Random random = new Random(42);
    private volatile double dropChance;
    private volatile double stallChance;
    private volatile int stallMaxMs;
    private final AtomicReference<String> killMarker = new AtomicReference<>();
    private volatile Runnable onAnswer;
    private volatile String cutMarker;
    private volatile String holdMarker;
    private volatile CountDownLatch holding = new CountDownLatch(0);
    final AtomicInteger dropped = new AtomicInteger();
    final AtomicInteger stalled = new AtomicInteger();
    final AtomicInteger triggered = new AtomicInteger();
    final AtomicInteger held = new AtomicInteger();

    FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "fault-proxy");
        t.setDaemon(true);
        t.start();
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Each chunk in either direction may be dropped (connection cut) or stalled up to {@code stallMaxMs}. */
    void chaos(double drop, double stall, int stallMaxMs) {
        this.dropChance = drop;
        this.stallChance = stall;
        this.stallMaxMs = stallMaxMs;
    }

    /** Once: when the server starts answering a request whose text contains {@code marker}, run {@code action} and cut the line. */
    void onceWhenAnswering(String marker, Runnable action) {
        onAnswer = action;
        killMarker.set(marker);
    }

    /** While set, every request whose text contains {@code marker} has its line cut before it reaches the server. */
    void cutRequests(String marker) {
        cutMarker = marker;
    }

    /**
     * Until {@link #release}, every request whose text contains {@code marker} waits here (30 s at most) before it
     * reaches the server: the client sees a slow answer, as from a busy server.
     */
    void hold(String marker) {
        holding = new CountDownLatch(1);
        holdMarker = marker;
    }

    /** Lets the held requests, and any later one, through. */
    void release() {
        holdMarker = null;
        holding.countDown();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                } catch (IOException down) {
                    close(client); // the server is down: its port would refuse the client, so the line closes at once
                    continue;
                }
                boolean[] marked = {false};
                pump(client, server, true, marked);
                pump(server, client, false, marked);
            } catch (IOException e) {
                // the listener closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean request, boolean[] marked) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    String cut = cutMarker;
                    if (request && cut != null && new String(buf, 0, n, StandardCharsets.ISO_8859_1).contains(cut)) {
                        dropped.incrementAndGet();
                        break;
                    }
                    String hold = holdMarker;
                    if (request && hold != null && new String(buf, 0, n, StandardCharsets.ISO_8859_1).contains(hold)) {
                        held.incrementAndGet();
                        holding.await(30, TimeUnit.SECONDS);
                    }
                    String marker = killMarker.get();
                    if (request && marker != null && new String(buf, 0, n, StandardCharsets.ISO_8859_1).contains(marker)) {
                        marked[0] = true;
                    }
                    if (!request && marked[0] && marker != null && killMarker.compareAndSet(marker, null)) {
                        triggered.incrementAndGet();
                        onAnswer.run();
                        break;
                    }
                    double roll;
                    synchronized (random) {
                        roll = random.nextDouble();
                    }
                    if (roll < dropChance) {
                        dropped.incrementAndGet();
                        break;
                    }
                    if (roll < dropChance + stallChance) {
                        stalled.incrementAndGet();
                        Thread.sleep(1 + (long) (Math.random() * stallMaxMs));
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side went away
            } finally {
                close(from);
                close(to);
            }
        }, "fault-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
