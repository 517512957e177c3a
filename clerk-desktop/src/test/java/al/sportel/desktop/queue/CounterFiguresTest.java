package al.sportel.desktop.queue;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.app.I18n;
import al.sportel.model.ServiceInfo;
import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import al.sportel.model.queue.CounterStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counter screen's figures in plain JUnit: counts per service, waits that grow with the clock, the day's stats. */
class CounterFiguresTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private final I18n i18n = new I18n("en");
    private final MovableClock clock = new MovableClock();
    private final CounterFigures figures = new CounterFigures(i18n, clock, new ServiceNames(i18n, List.of(
            new ServiceInfo(1, "P", "Pagesa", "Payments", 300), new ServiceInfo(2, "A", "Ankesa", "Complaints", 300))));

    @Test
    void countsTheQueuePerServiceAndTheWaitsGrowWithTheClock() {
        Ticket current = ticket("P001", 1, NOW.minusSeconds(300), NOW.minusSeconds(60));
        figures.show(current, List.of(ticket("P002", 1, NOW.minusSeconds(120), null),
                ticket("A001", 2, NOW.minusSeconds(30), null), ticket("P003", 1, NOW, null)));

        assertThat(figures.waitingText().get()).isEqualTo(i18n.t("queue.waiting", 3));
        assertThat(figures.serviceCounts().get()).isEqualTo("P · Payments: 2   A · Complaints: 1");
        assertThat(figures.waitedText().get()).as("until it was called")
                .isEqualTo(i18n.t("counter.waited", I18n.duration(Duration.ofMinutes(4))));
        assertThat(figures.longestText().get()).isEqualTo(i18n.t("queue.longest", I18n.duration(Duration.ofMinutes(2))));

        clock.now = NOW.plusSeconds(60);
        figures.tick();
        assertThat(figures.waitedText().get()).isEqualTo(i18n.t("counter.waited", I18n.duration(Duration.ofMinutes(4))));
        assertThat(figures.longestText().get()).isEqualTo(i18n.t("queue.longest", I18n.duration(Duration.ofMinutes(3))));
    }

    @Test
    void anEmptyCounterShowsNoWaits() {
        figures.show(null, List.of());

        assertThat(figures.waitingText().get()).isEqualTo(i18n.t("queue.waiting", 0));
        assertThat(figures.serviceCounts().get()).isEmpty();
        assertThat(figures.waitedText().get()).isEmpty();
        assertThat(figures.longestText().get()).isEmpty();
    }

    @Test
    void theDayFiguresComeFromTheServer() {
        figures.stats(new CounterStats(7, LocalDate.of(2026, 11, 25), 12, 1, 245));
        assertThat(figures.servedText().get()).isEqualTo(i18n.t("status.served", i18n.number(12)));
        assertThat(figures.averageText().get()).isEqualTo(i18n.t("status.average", I18n.duration(Duration.ofSeconds(245))));

        figures.stats(new CounterStats(7, LocalDate.of(2026, 11, 25), 0, 0, null));
        assertThat(figures.averageText().get()).isEqualTo(i18n.t("status.average", "—"));
    }

    private static Ticket ticket(String number, long serviceId, Instant issued, Instant called) {
        return new Ticket(number.toLowerCase(), number, serviceId, number.substring(0, 1), "TR01",
                called == null ? TicketStatus.WAITING : TicketStatus.CALLED, false, issued, called, null, null, null, null, null,
                null, null);
    }

    private static final class MovableClock extends Clock {
        private Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
