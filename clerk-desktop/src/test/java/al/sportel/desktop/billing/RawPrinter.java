package al.sportel.desktop.billing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A network thermal printer as far as the desktop can tell: a real socket on port 9100's role that
 * keeps every job it receives (one job per connection), as a JetDirect printer does.
 */
public final class RawPrinter implements AutoCloseable {

    private final ServerSocket socket;
    private final LinkedBlockingQueue<byte[]> jobs = new LinkedBlockingQueue<>();
    private final List<Throwable> failures = new ArrayList<>();

    public RawPrinter() throws IOException {
        socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "raw-printer");
        t.setDaemon(true);
        t.start();
    }

    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** The next job received, waiting up to 15 seconds for it. */
    public byte[] nextJob() throws InterruptedException {
        byte[] job = jobs.poll(15, TimeUnit.SECONDS);
        if (job == null) {
            throw new AssertionError("the printer received nothing" + (failures.isEmpty() ? "" : ": " + failures));
        }
        return job;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept(); InputStream in = s.getInputStream()) {
                ByteArrayOutputStream job = new ByteArrayOutputStream();
                in.transferTo(job);
                jobs.add(job.toByteArray());
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    failures.add(e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
