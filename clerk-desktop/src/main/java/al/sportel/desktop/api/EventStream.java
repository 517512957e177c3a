package al.sportel.desktop.api;

import al.sportel.desktop.offline.Backoff;
import al.sportel.model.LiveEvent;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;

/**
 * The branch's live events. Reconnects by itself with exponential backoff and jitter (0.5 s up to
 * 15 s), resuming with Last-Event-ID. Callbacks run on OkHttp's threads; the UI hops to the FX thread.
 */
public final class EventStream implements AutoCloseable {

    public interface Listener {
        void onEvent(long id, LiveEvent event);

        /** {@code true} when the stream is up, {@code false} while it is trying to reconnect. */
        void onConnected(boolean connected);

        /**
         * The server refused the session (401), or the user may no longer see the branch (403): logged out
         * elsewhere, password reset, disabled or moved. The stream stops; reconnecting cannot help.
         */
        default void onSessionEnded() {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    /** Reconnects after 0.5 s, doubling up to 15 s, jittered so a centre's counters do not all knock at once. */
    public static final Backoff STANDARD_BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15));

    private final ApiClient api;
    private final String branchCode;
    private final Listener listener;
    private final OkHttpClient streaming;
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sportel-sse-retry");
        t.setDaemon(true);
        return t;
    });
    private volatile long lastEventId;
    private volatile EventSource source;
    private volatile boolean closed;
    private int failures;
    private final Backoff backoff;

    public EventStream(ApiClient api, String branchCode, long lastEventId, Listener listener) {
        this(api, branchCode, lastEventId, STANDARD_BACKOFF, listener);
    }

    public EventStream(ApiClient api, String branchCode, long lastEventId, Backoff backoff, Listener listener) {
        this.backoff = backoff;
        this.api = api;
        this.branchCode = branchCode;
        this.lastEventId = lastEventId;
        this.listener = listener;
        // no read timeout: the server sends a comment every 15 s; 40 s of silence means a dead link
        this.streaming = api.http().newBuilder().readTimeout(Duration.ofSeconds(40))
                .callTimeout(Duration.ZERO).build();
    }

    public void start() {
        connect();
    }

    /** After the client reloaded the snapshot, continue from its id. */
    public void resumeFrom(long id) {
        lastEventId = id;
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        Request.Builder b = new Request.Builder()
                .url(api.baseUrl() + "/api/v1/branches/" + branchCode + "/events")
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", Long.toString(lastEventId));
        if (api.token() != null) {
            b.header("Authorization", "Bearer " + api.token());
        }
        source = EventSources.createFactory(streaming).newEventSource(b.build(), new EventSourceListener() {
            @Override
            public void onOpen(EventSource es, Response response) {
                synchronized (EventStream.this) {
                    failures = 0;
                }
                listener.onConnected(true);
            }

            @Override
            public void onEvent(EventSource es, String id, String type, String data) {
                try {
                    LiveEvent e = api.mapper().readValue(data, LiveEvent.class);
                    long seq = id == null ? lastEventId : Long.parseLong(id);
                    lastEventId = Math.max(lastEventId, seq);
                    listener.onEvent(seq, e);
                } catch (Exception ex) {
                    log.warn("ignoring an event that could not be read: {}", ex.getMessage());
                }
            }

            @Override
            public void onClosed(EventSource es) {
                reconnectLater();
            }

            @Override
            public void onFailure(EventSource es, Throwable t, Response response) {
                if (response != null && (response.code() == 401 || response.code() == 403)) {
                    sessionEnded();
                } else {
                    reconnectLater();
                }
            }
        });
    }

    private synchronized void reconnectLater() {
        if (closed) {
            return;
        }
        listener.onConnected(false);
        long delay = backoff.delay(failures).toMillis();
        failures++;
        retry.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void sessionEnded() {
        synchronized (this) {
            if (closed) {
                return;
            }
            close();
        }
        log.info("the server ended the live stream's session");
        listener.onSessionEnded();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (source != null) {
            source.cancel();
        }
        retry.shutdownNow();
    }
}
