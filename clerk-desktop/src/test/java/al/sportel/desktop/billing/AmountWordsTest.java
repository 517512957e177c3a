package al.sportel.desktop.billing;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.app.I18n;
import org.junit.jupiter.api.Test;

/** The amount in words on the payment's confirmation, in the clerk's language and its grammar. */
class AmountWordsTest {

    private final I18n sq = new I18n("sq");
    private final I18n en = new I18n("en");

    @Test
    void lekAndQindarkaInAlbanianSingularAndPlural() {
        assertThat(AmountWords.say(10050, sq)).isEqualTo("njëqind lekë e 50 qindarka");
        assertThat(AmountWords.say(20000, sq)).isEqualTo("dyqind lekë");
        assertThat(AmountWords.say(101, sq)).isEqualTo("një lek e 1 qindarkë");
    }

    @Test
    void lekAndQindarkaInEnglish() {
        assertThat(AmountWords.say(10050, en)).isEqualTo("one hundred lek and 50 qindarka");
        assertThat(AmountWords.say(100, en)).isEqualTo("one lek");
    }
}
