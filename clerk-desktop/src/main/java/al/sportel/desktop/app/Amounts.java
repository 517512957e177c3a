package al.sportel.desktop.app;

import al.sportel.model.Money;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Money as the desktop shows and reads it: {@code 16 263,19} (a space between thousands, a comma
 * before the qindarka) in Albanian, {@code 16,263.19} in English; amounts are qindarka, never double.
 */
public final class Amounts {

    private Amounts() {
    }

    public static String format(long qindarka, String lang) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance("en".equals(lang) ? Locale.ENGLISH : I18n.ALBANIAN);
        if (!"en".equals(lang)) {
            symbols.setGroupingSeparator(' ');
            symbols.setDecimalSeparator(',');
        }
        DecimalFormat f = new DecimalFormat("#,##0.00", symbols);
        return f.format(Money.toDecimal(qindarka));
    }

    /** Accepts "16263,19", "16 263,19", "16263.19" and "2450"; null for anything else. */
    public static Long parse(String text) {
        String t = text == null ? "" : text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace(',', '.');
        try {
            return Money.parse(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
