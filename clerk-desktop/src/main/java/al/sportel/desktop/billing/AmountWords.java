package al.sportel.desktop.billing;

import com.ibm.icu.text.RuleBasedNumberFormat;
import java.util.Locale;

/** "2450.50" → "dy mijë e katërqind e pesëdhjetë lekë e 50 qindarka", as printed cheques say it. */
public final class AmountWords {

    private AmountWords() {
    }

    public static String say(long qindarka, String lang) {
        boolean en = "en".equals(lang);
        RuleBasedNumberFormat f = new RuleBasedNumberFormat(en ? Locale.ENGLISH : new Locale("sq"), RuleBasedNumberFormat.SPELLOUT);
        long lek = qindarka / 100;
        long q = qindarka % 100;
        String words = f.format(lek) + (en ? " lek" : " lekë");
        if (q > 0) {
            words += (en ? " and " : " e ") + q + (en ? " qindarka" : " qindarka");
        }
        return words;
    }
}
