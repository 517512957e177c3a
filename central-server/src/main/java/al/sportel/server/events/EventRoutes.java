package al.sportel.server.events;

import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.ClientAddress;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** The branch event streams: full for staff, numbers only for the waiting-room display. */
public final class EventRoutes {

    private final EventHub hub;
    private final Predicate<String> branchExists;
    private final ClientAddress clientAddress;
    private final StreamSlots publicSlots;
    private final StaffStreams staffStreams;

    /** {@code stillValid}: of some tokens, those still valid now, with their users (AuthService.stillValid). */
    public EventRoutes(EventHub hub, Predicate<String> branchExists, ClientAddress clientAddress, int publicStreamsPerAddress,
            Function<Collection<String>, Map<String, UserInfo>> stillValid) {
        this.hub = hub;
        this.branchExists = branchExists;
        this.clientAddress = clientAddress;
        this.publicSlots = new StreamSlots(publicStreamsPerAddress);
        this.staffStreams = new StaffStreams(stillValid);
    }

    public void register(Javalin app) {
        app.get("/api/v1/branches/{code}/events", ctx -> {
            UserInfo user = Access.requireStaff(ctx);
            String code = ctx.pathParam("code");
            Access.requireBranch(user, code, branchExists);
            stream(ctx, code, Access.token(ctx));
        });
        app.get("/api/v1/public/branches/{code}/display/events", ctx -> stream(ctx, ctx.pathParam("code"), null));
        app.events(e -> e.serverStopping(staffStreams::close));
    }

    private void requireBranch(String code) {
        if (!branchExists.test(code)) {
            throw ApiException.notFound("No branch " + code);
        }
    }

    /**
     * Whether a client's Accept allows an event stream: no header, {@code *}{@code /*}, {@code text/*} or
     * {@code text/event-stream} among its ranges (not with q=0). A client that asks only for JSON gets a 406.
     */
    static boolean acceptsEventStream(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].strip().replace(" ", "");
                refused |= param.matches("q=0(\\.0{0,3})?");
            }
            if (!refused && (type.equals("text/event-stream") || type.equals("text/*") || type.equals("*/*"))) {
                return true;
            }
        }
        return false;
    }

    /** A staff stream with the token it was opened with ({@link StaffStreams}), or the display's with none. */
    private void stream(Context ctx, String branchCode, String staffToken) throws Exception {
        boolean publicView = staffToken == null;
        requireBranch(branchCode);
        if (!acceptsEventStream(ctx.header("Accept"))) {
            throw new ApiException(406, "not-acceptable", "Not acceptable",
                    "This is a Server-Sent Events stream; send Accept: text/event-stream", null, null);
        }
        Long lastEventId = lastEventId(ctx);
        String address = publicView ? clientAddress.of(ctx) : null;
        if (address != null) {
            publicSlots.take(address);
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable giveBack = () -> {
            if (address != null && released.compareAndSet(false, true)) {
                publicSlots.release(address);
            }
        };
        Consumer<SseClient> onConnect = client -> {
            client.keepAlive();
            ServletOutputStream out;
            try {
                out = client.ctx().res().getOutputStream();
            } catch (IOException e) {
                client.close();
                giveBack.run();
                return;
            }
            AtomicReference<Subscriber> subscriber = new AtomicReference<>();
            // Non-blocking output: the pump writes the same bytes to every stream in turn, and a connection
            // that cannot take them now gets them when the server calls onWritePossible.
            out.setWriteListener(new WriteListener() {
                @Override
                public void onWritePossible() {
                    Subscriber s = subscriber.get();
                    if (s != null) {
                        s.writable();
                    }
                }

                @Override
                public void onError(Throwable t) {
                    Subscriber s = subscriber.get();
                    if (s != null) {
                        s.close();
                    }
                }
            });
            Subscriber s = hub.subscribe(branchCode, lastEventId, publicView, new Subscriber.Sink() {
                @Override
                public boolean ready() {
                    return !client.terminated() && out.isReady();
                }

                @Override
                public void write(byte[] bytes) throws IOException {
                    out.write(bytes);
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() {
                    client.close();
                }
            });
            subscriber.set(s);
            s.writable(); // in case the server offered a write before the subscriber was set
            Runnable unwatch = publicView ? () -> { } : staffStreams.watch(staffToken, branchCode, s);
            client.onClose(() -> {
                s.close();
                unwatch.run();
                giveBack.run();
            });
        };
        try {
            open(ctx, onConnect);
        } catch (Exception | Error e) {
            giveBack.run();
            throw e;
        }
    }

    /**
     * What Javalin's {@code SseHandler} does, for any Accept {@link #acceptsEventStream} allows: Javalin's own answers
     * an empty 200 unless the header is exactly {@code text/event-stream}.
     */
    private static void open(Context ctx, Consumer<SseClient> onConnect) throws IOException {
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.addHeader("Connection", "close");
        res.addHeader("Cache-Control", "no-cache");
        res.addHeader("X-Accel-Buffering", "no");
        res.flushBuffer();
        ctx.async(config -> config.timeout = 0, () -> onConnect.accept(new SseClient(ctx)));
    }

    /** {@code Last-Event-ID} as browsers send it on reconnect, or {@code ?lastEventId=} on a first connect. */
    private static Long lastEventId(Context ctx) {
        String raw = ctx.header("Last-Event-ID");
        if (raw == null || raw.isBlank()) {
            raw = ctx.queryParam("lastEventId");
        }
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // unknown id: the client must reload the snapshot
        }
    }
}
