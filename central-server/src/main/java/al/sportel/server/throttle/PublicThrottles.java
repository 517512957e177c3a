package al.sportel.server.throttle;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Duration;

/**
 * Per-address limits on the public, login-free writes of issue 20: booking or cancelling an appointment
 * and rating a ticket. The address is the connection's own: a forwarded header is not believed here, so
 * nobody can pose as many addresses. The limits leave room for a centre's kiosks and counter tablets
 * sharing one address behind NAT.
 */
public final class PublicThrottles {

    /** Requests per address and hour. */
    public record Limits(int bookings, int ratings) {
        public static Limits defaults() {
            return new Limits(30, 240);
        }
    }

    private static final Duration HOUR = Duration.ofHours(1);
    private final AddressThrottle bookings;
    private final AddressThrottle ratings;

    public PublicThrottles(Limits limits, Clock clock) {
        this.bookings = new AddressThrottle(limits.bookings(), HOUR, clock);
        this.ratings = new AddressThrottle(limits.ratings(), HOUR, clock);
    }

    public void register(Javalin app) {
        app.before("/api/v1/public/branches/{code}/appointments", ctx -> onPost(ctx, bookings, "appointment bookings"));
        app.before("/api/v1/public/appointments/{id}/cancel", ctx -> onPost(ctx, bookings, "appointment changes"));
        app.before("/api/v1/public/tickets/{id}/rating", ctx -> onPost(ctx, ratings, "ratings"));
        app.before("/api/v1/public/counters/{id}/rating", ctx -> onPost(ctx, ratings, "ratings"));
    }

    private static void onPost(Context ctx, AddressThrottle throttle, String what) {
        if (ctx.method() == HandlerType.POST) {
            throttle.check(ctx.req().getRemoteAddr(), what);
        }
    }
}
