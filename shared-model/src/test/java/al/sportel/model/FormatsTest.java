package al.sportel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void moneyHasSpacedThousandsADecimalCommaAndTheLekSign() {
        assertThat(Formats.money(1_626_319)).isEqualTo("16 263,19 L");
        assertThat(Formats.money(5)).isEqualTo("0,05 L");
        assertThat(Formats.money(100_000_000)).isEqualTo("1 000 000,00 L");
        assertThat(Formats.money(99_900)).isEqualTo("999,00 L");
        assertThat(Formats.money(-250_000)).isEqualTo("-2 500,00 L");
        assertThat(Formats.money("16263.19")).isEqualTo("16 263,19 L");
        assertThat(Formats.amount(1_626_319)).isEqualTo("16 263,19");
    }

    @Test
    void wireAmountsAreShownAsTheClerkReadsThemDifferencesWithTheirSign() {
        assertThat(Formats.amount("16263.19")).isEqualTo("16 263,19");
        assertThat(Formats.amount("-1200.00")).isEqualTo("-1 200,00");
        assertThat(Formats.amount("0.00")).isEqualTo("0,00");
        assertThat(Formats.amount("n/a")).as("shown as it came, not a failed table").isEqualTo("n/a");
    }

    @Test
    void datesAreReadAsAlbaniansWriteThem() {
        assertThat(Formats.parseDate("25.11.2026")).contains(LocalDate.of(2026, 11, 25));
        assertThat(Formats.parseDate("5.1.2026")).contains(LocalDate.of(2026, 1, 5));
        assertThat(Formats.parseDate("2026-11-25")).contains(LocalDate.of(2026, 11, 25));
        assertThat(Formats.parseDate("11/25/2026")).isEmpty();
        assertThat(Formats.parseDate("31.02.2026")).isEmpty();
        assertThat(Formats.date(LocalDate.of(2026, 11, 25))).isEqualTo("25.11.2026");
    }

    @Test
    void parsesWhatAClerkTypes() {
        for (String typed : new String[] {"16263,19", "16 263,19", "16263.19", "16.263,19", " 16 263,19 L", "16263,19 lekë",
                "16\u00a0263,19"}) {
            assertThat(Formats.parseMoney(typed)).as(typed).isEqualTo(1_626_319);
        }
        assertThat(Formats.parseMoney("2450")).isEqualTo(245_000);
        assertThat(Formats.parseMoney("2450,5")).isEqualTo(245_050);
    }

    @Test
    void refusesWhatIsNotAnAmount() {
        for (String typed : new String[] {"", "abc", "-5", "1,234,56", "12,345", "1e3", "12.3.4"}) {
            assertThat(Formats.tryParseMoney(typed)).as(typed).isEmpty();
        }
        assertThatThrownBy(() -> Formats.parseMoney(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFormattedAmountParsesBack() {
        for (long q : new long[] {0, 1, 99, 100_000, 1_626_319, 123_456_789_01L}) {
            assertThat(Formats.parseMoney(Formats.money(q))).isEqualTo(q);
        }
    }

    @Test
    void datesAndTimesAreTiranaTimeTheAlbanianWay() {
        Instant evening = Instant.parse("2026-11-25T17:47:00Z"); // 18:47 in Tirana (CET)
        assertThat(Formats.date(evening)).isEqualTo("25.11.2026");
        assertThat(Formats.time(evening)).isEqualTo("18:47");
        assertThat(Formats.dateTime(evening)).isEqualTo("25.11.2026 18:47");
        assertThat(Formats.date(LocalDate.of(2026, 3, 5))).isEqualTo("05.03.2026");
        // just before midnight UTC in summer it is already the next day in Tirana
        assertThat(Formats.date(Instant.parse("2026-07-31T22:30:00Z"))).isEqualTo("01.08.2026");
    }
}
