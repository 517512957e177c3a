package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public booking and rating endpoints take at most so many requests per address and hour (30
 * bookings, 240 ratings); over that a 429 problem with Retry-After, and the hour later they open again.
 * Every attempt counts, a rejected one too, since a flood need not be well-formed.
 */
class PublicThrottleTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-10T08:00:00Z"));
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(CLOCK);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void bookingsFromOneAddressAreLimitedPerHour() {
        String book = "/api/v1/public/branches/TR01/appointments";
        for (int i = 0; i < 30; i++) {
            api.post(book, null, Map.of("serviceId", api.serviceId("TR01", "P"))).expect(422); // no start, no name
        }
        Api.Response refused = api.post(book, null, Map.of("serviceId", api.serviceId("TR01", "P"))).expect(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        long retry = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retry).isBetween(1L, 3601L);
        api.post("/api/v1/public/appointments/nosuch/cancel", null, Map.of()).expect(429); // the same budget
        // Ratings have their own budget, and reading the slots is not limited.
        api.post("/api/v1/public/tickets/nosuch/rating", null, Map.of("score", 4)).expect(404);
        api.get("/api/v1/public/branches/TR01/appointment-slots?serviceId=" + api.serviceId("TR01", "P") + "&date=2026-12-11", null)
                .expect(200);

        CLOCK.advance(Duration.ofSeconds(retry));
        api.post(book, null, Map.of("serviceId", api.serviceId("TR01", "P"))).expect(422);
        CLOCK.advance(Duration.ofDays(1));
    }

    @Test
    void ratingsFromOneAddressAreLimitedPerHour() {
        CLOCK.advance(Duration.ofDays(1));
        // the counter tablet's ratings (signed in as the centre's kiosk) share the address's budget with the phones'
        String kiosk = api.token("kiosk1");
        for (int i = 0; i < 240; i++) {
            api.post("/api/v1/counters/999999/rating", kiosk, Map.of("ticketNumber", "P001", "score", 5)).status();
        }
        Api.Response refused = api.post("/api/v1/public/tickets/nosuch/rating", null, Map.of("score", 4)).expect(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        CLOCK.advance(Duration.ofHours(1));
        api.post("/api/v1/public/tickets/nosuch/rating", null, Map.of("score", 4)).expect(404);
    }
}
