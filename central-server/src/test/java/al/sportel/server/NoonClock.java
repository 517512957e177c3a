package al.sportel.server;

import al.sportel.model.BusinessTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A real, ticking clock moved to noon of today in Tirana. Tickets belong to the Tirana day they were taken on,
 * so a test that waits seconds between taking a ticket and calling it fails if Tirana's midnight falls in between
 * (a CI run at 23:00 UTC did); this clock keeps it hours away, on the same date.
 */
final class NoonClock {

    private NoonClock() {
    }

    static Clock today() {
        Instant now = Instant.now();
        Instant noon = LocalDate.ofInstant(now, BusinessTime.ZONE).atTime(LocalTime.NOON).atZone(BusinessTime.ZONE).toInstant();
        return Clock.offset(Clock.systemUTC(), Duration.between(now, noon));
    }
}
