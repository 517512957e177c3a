package al.sportel.server.throttle;

import al.sportel.server.http.ClientAddress;
import al.sportel.server.http.RateLimiter;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Duration;

/**
 * Per-address limits on the writes of issue 20 that citizens reach: booking or cancelling an appointment
 * and rating a ticket (from the phone, without login, or from the counter's tablet, which signs in as a
 * kiosk of its centre but keeps the same budget); over the limit a 429 problem with Retry-After. The
 * address is the one {@link ClientAddress} trusts (a forwarded header only from a configured proxy). The
 * limits leave room for a centre's kiosks and counter tablets sharing one address behind NAT.
 */
public final class PublicThrottles {

    /** Requests per address and hour ({@code SecurityConfig#bookingsPerHour}, {@code #ratingsPerHour}). */
    public record Limits(int bookings, int ratings) {
    }

    private static final Duration HOUR = Duration.ofHours(1);
    private final RateLimiter bookings;
    private final RateLimiter ratings;
    private final ClientAddress address;

    public PublicThrottles(Limits limits, ClientAddress address, Clock clock) {
        this.bookings = new RateLimiter(limits.bookings(), HOUR, clock);
        this.ratings = new RateLimiter(limits.ratings(), HOUR, clock);
        this.address = address;
    }

    public void register(Javalin app) {
        app.before("/api/v1/public/branches/{code}/appointments", ctx -> onPost(ctx, bookings, "appointment bookings"));
        app.before("/api/v1/public/appointments/{id}/cancel", ctx -> onPost(ctx, bookings, "appointment changes"));
        app.before("/api/v1/public/tickets/{id}/rating", ctx -> onPost(ctx, ratings, "ratings"));
        app.before("/api/v1/counters/{id}/rating", ctx -> onPost(ctx, ratings, "ratings"));
    }

    private void onPost(Context ctx, RateLimiter limiter, String what) {
        if (ctx.method() == HandlerType.POST) {
            limiter.check(address.of(ctx), "Too many " + what + " from this address; try again later");
        }
    }
}
