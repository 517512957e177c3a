package al.sportel.server.events;

import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.ClientAddress;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.Collection;
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
            Access.requireBranch(user, code);
            stream(ctx, code, Access.token(ctx));
        });
        app.get("/api/v1/public/branches/{code}/display/events", ctx -> stream(ctx, ctx.pathParam("code"), null));
        app.events(e -> e.serverStopping(staffStreams::close));
    }

    /** A staff stream with the token it was opened with ({@link StaffStreams}), or the display's with none. */
    private void stream(Context ctx, String branchCode, String staffToken) throws Exception {
        boolean publicView = staffToken == null;
        if (!branchExists.test(branchCode)) {
            throw ApiException.notFound("No branch " + branchCode);
        }
        String accept = ctx.header("Accept");
        if (!"text/event-stream".equals(accept)) {
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
            new SseHandler(0, onConnect).handle(ctx);
        } catch (Exception | Error e) {
            giveBack.run();
            throw e;
        }
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
