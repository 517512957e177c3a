package al.sportel.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Reads a real Server-Sent Events stream line by line into a queue of events. */
public final class SseReader implements AutoCloseable {

    public record Event(long id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final CompletableFuture<Void> ended;
    private volatile int status;

    public SseReader(String url, String token, Long lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            b.header("Last-Event-ID", Long.toString(lastEventId));
        }
        response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines());
        ended = response.thenAcceptAsync(r -> {
            status = r.statusCode();
            long id = -1;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) r.body()::iterator) {
                if (line.isEmpty()) {
                    if (name != null) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).trim());
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        });
    }

    public int awaitStatus() throws Exception {
        response.get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 100 && status == 0; i++) {
            Thread.sleep(10);
        }
        return status;
    }

    /** Whether the server ends the stream within the timeout (a stream that stays open is false). */
    public boolean endsWithin(Duration timeout) throws InterruptedException {
        try {
            ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true; // the connection broke off: ended too
        }
    }

    /** The next event, or null after the timeout. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Skips events until one with this name arrives. */
    public Event nextNamed(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event e = next(Duration.ofNanos(deadline - System.nanoTime()));
            if (e != null && e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
