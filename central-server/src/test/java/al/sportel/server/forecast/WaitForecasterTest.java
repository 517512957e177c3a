package al.sportel.server.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The forecast's arithmetic against values worked out by hand. */
class WaitForecasterTest {

    @Test
    void erlangCMatchesTheTextbook() {
        assertThat(WaitForecaster.erlangC(2, 1)).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(WaitForecaster.erlangC(1, 0.5)).isCloseTo(0.5, within(1e-9)); // M/M/1: the load
        assertThat(WaitForecaster.erlangC(3, 0)).isZero();
    }

    @Test
    void aBacklogTheCountersCannotClearIsWaitedThrough() {
        // 2 counters at 180 s serve 40 an hour; 40 arrive; 20 already wait: each newcomer finds 20 ahead
        // (the backlog stays), 20 × 180 / 2 = 1800 s, and no random part at full load
        assertThat(WaitForecaster.forecastSeconds(40, 180, 2, 20)).isCloseTo(1800, within(1.0));
    }

    @Test
    void aQuietHourStillForecastsTheWaitOfBunchedArrivals() {
        // M/M/1 at load 0.5: Wq = ρ/(1−ρ) × μ = 180 s
        assertThat(WaitForecaster.forecastSeconds(10, 180, 1, 0)).isCloseTo(180, within(1.0));
    }

    @Test
    void oneMoreCounterCutsTheForecastAndNoCounterMeansTheWholeHour() {
        double two = WaitForecaster.forecastSeconds(50, 180, 2, 10);
        double three = WaitForecaster.forecastSeconds(50, 180, 3, 10);
        assertThat(three).isLessThan(two / 2);
        assertThat(WaitForecaster.forecastSeconds(50, 180, 0, 10)).isEqualTo(3600);
        assertThat(WaitForecaster.forecastSeconds(0, 180, 0, 0)).as("no counter, but nobody waits or comes: no alarm").isZero();
    }
}
