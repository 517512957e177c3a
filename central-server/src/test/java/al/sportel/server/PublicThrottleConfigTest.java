package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public booking and rating limits come from the environment like the other SPORTEL_* limits
 * (SPORTEL_BOOKINGS_PER_HOUR, SPORTEL_RATINGS_PER_HOUR), and a server started with them enforces them.
 */
class PublicThrottleConfigTest {

    @Test
    void theEnvironmentSetsTheBookingAndRatingLimitsAndABadValueStopsTheStart() {
        SecurityConfig security = SecurityConfig.defaults()
                .withEnvironment(Map.of("SPORTEL_BOOKINGS_PER_HOUR", "2", "SPORTEL_RATINGS_PER_HOUR", " 3 "));
        assertThat(security.bookingsPerHour()).isEqualTo(2);
        assertThat(security.ratingsPerHour()).isEqualTo(3);
        assertThat(SecurityConfig.defaults().withEnvironment(Map.of()).bookingsPerHour()).isEqualTo(30);
        assertThat(SecurityConfig.defaults().withEnvironment(Map.of()).ratingsPerHour()).isEqualTo(240);
        assertThatThrownBy(() -> SecurityConfig.defaults().withEnvironment(Map.of("SPORTEL_RATINGS_PER_HOUR", "lots")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SPORTEL_RATINGS_PER_HOUR");

        try (TestServer server = TestServer.start(Clock.systemUTC(), c -> c.withSecurity(c.security().withPublicWriteLimits(2, 3)))) {
            Api api = server.api();
            String book = "/api/v1/public/branches/TR01/appointments";
            for (int i = 0; i < 2; i++) {
                api.post(book, null, Map.of("serviceId", api.serviceId("TR01", "P"))).expect(422);
            }
            api.post(book, null, Map.of("serviceId", api.serviceId("TR01", "P"))).expect(429);
            for (int i = 0; i < 3; i++) {
                api.post("/api/v1/public/tickets/nosuch/rating", null, Map.of("score", 4)).expect(404);
            }
            api.post("/api/v1/public/tickets/nosuch/rating", null, Map.of("score", 4)).expect(429);
        }
    }
}
