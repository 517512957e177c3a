package al.sportel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void parsesLekToQindarkaExactly() {
        assertThat(Money.parse("2450.00")).isEqualTo(245_000L);
        assertThat(Money.parse("2450.5")).isEqualTo(245_050L);
        assertThat(Money.parse("0.01")).isEqualTo(1L);
        assertThat(Money.parse("19999999.99")).isEqualTo(1_999_999_999L);
        assertThat(Money.format(245_050L)).isEqualTo("2450.50");
        assertThat(Money.format(5L)).isEqualTo("0.05");
    }

    @Test
    void refusesWhatIsNotAnAmount() {
        for (String bad : new String[] {"1.001", "-5", "1e3", "", " ", "12,50", "abc", ".5", "1.", "NaN"}) {
            assertThatThrownBy(() -> Money.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
