package al.sportel.desktop.billing;

import al.sportel.desktop.app.I18n;
import com.ibm.icu.text.RuleBasedNumberFormat;
import java.util.Locale;

/**
 * "2450.50" → "dy mijë e katërqind e pesëdhjetë lekë e 50 qindarka", as printed cheques say it: the number in
 * words by ICU's spell-out rules, the currency's words and their grammar from the bundle (pay.words.*).
 */
public final class AmountWords {

    private AmountWords() {
    }

    public static String say(long qindarka, I18n i18n) {
        Locale language = "en".equals(i18n.lang()) ? Locale.ENGLISH : new Locale("sq");
        RuleBasedNumberFormat f = new RuleBasedNumberFormat(language, RuleBasedNumberFormat.SPELLOUT);
        long lek = qindarka / 100;
        long q = qindarka % 100;
        String words = i18n.t("pay.words.lek", f.format(lek), lek);
        return q > 0 ? i18n.t("pay.words.qindarka", words, q) : words;
    }
}
