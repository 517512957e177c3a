package al.sportel.model;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one time zone of the business: a business day, a receipt year and every time printed for a
 * person are in Tirana time, wherever the server or a counter's clock happens to be set.
 */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Tirane");

    private BusinessTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** Today's business day in Tirana, whatever zone this machine's clock is set to. */
    public static LocalDate today() {
        return today(Clock.systemUTC());
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The first instant of a business day: midnight in Tirana (a day is 23 or 25 hours when the clocks change). */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
