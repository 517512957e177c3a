package al.sportel.server.events;

import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.ClientAddress;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The branch event streams: full for staff, numbers only for the waiting-room display. */
public final class EventRoutes {

    private final EventHub hub;
    private final Predicate<String> branchExists;
    private final ClientAddress clientAddress;
    private final StreamSlots publicSlots;

    public EventRoutes(EventHub hub, Predicate<String> branchExists, ClientAddress clientAddress, int publicStreamsPerAddress) {
        this.hub = hub;
        this.branchExists = branchExists;
        this.clientAddress = clientAddress;
        this.publicSlots = new StreamSlots(publicStreamsPerAddress);
    }

    public void register(Javalin app) {
        app.get("/api/v1/branches/{code}/events", ctx -> {
            UserInfo user = Access.requireStaff(ctx);
            String code = ctx.pathParam("code");
            Access.requireBranch(user, code);
            stream(ctx, code, false);
        });
        app.get("/api/v1/public/branches/{code}/display/events", ctx -> stream(ctx, ctx.pathParam("code"), true));
    }

    private void stream(Context ctx, String branchCode, boolean publicView) throws Exception {
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
            Subscriber s = hub.subscribe(branchCode, lastEventId, publicView, new Subscriber.Sink() {
                @Override
                public void send(Subscriber.Frame f) throws IOException {
                    if (client.terminated()) {
                        throw new IOException("client went away");
                    }
                    // The frame's bytes are shared by every subscriber: written as they are, not re-encoded.
                    OutputStream out = client.ctx().res().getOutputStream();
                    out.write(f.wire());
                    out.flush();
                }

                @Override
                public void close() {
                    client.close();
                }
            });
            client.onClose(() -> {
                s.close();
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
