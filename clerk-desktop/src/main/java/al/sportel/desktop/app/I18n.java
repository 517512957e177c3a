package al.sportel.desktop.app;

import al.sportel.model.Formats;
import com.ibm.icu.text.MessageFormat;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;

/** Strings and formats for the chosen language: Albanian by default, English selectable. */
public final class I18n {

    public static final ZoneId ZONE = ZoneId.of("Europe/Tirane");
    public static final Locale ALBANIAN = new Locale("sq", "AL");

    private final Locale locale;
    private final ResourceBundle bundle;

    public I18n(String lang) {
        this.locale = "en".equals(lang) ? Locale.ENGLISH : ALBANIAN;
        // Locale.ROOT for Albanian: messages.properties is the Albanian bundle, so the JVM's own
        // default locale never sneaks in another language.
        this.bundle = ResourceBundle.getBundle("al.sportel.desktop.messages",
                "en".equals(lang) ? Locale.ENGLISH : Locale.ROOT, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    public String lang() {
        return locale == Locale.ENGLISH ? "en" : "sq";
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /**
     * The text for {@code key} with its arguments. ICU's MessageFormat, so counted messages use the
     * language's plural rules ({@code {0, plural, one {# veprim} other {# veprime}}}) and a lone
     * apostrophe stays an apostrophe.
     */
    public String t(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args, new StringBuffer(), null).toString();
    }

    /** A date as Albanians write it, 25.11.2026 (the English screens too: one format everywhere). */
    public String date(LocalDate date) {
        return date == null ? "" : Formats.date(date);
    }

    public String time(Instant instant) {
        return instant == null ? "" : Formats.time(instant);
    }

    /** "4:05" or "1:02:09". */
    public static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    /** A number of seconds, as {@link #duration}. */
    public static String seconds(long seconds) {
        return duration(Duration.ofSeconds(seconds));
    }

    /** The time from {@code from} to {@code to}, as {@link #duration}. */
    public static String between(Instant from, Instant to) {
        return duration(Duration.between(from, to));
    }

    /**
     * A rate from the wire ("20.00", "20.50") as the receipts write it, in either language: "20", "20,5"; text that
     * is not a number is shown as it came.
     */
    public static String rate(String wirePercent) {
        if (wirePercent == null) {
            return "";
        }
        try {
            return new BigDecimal(wirePercent.strip()).stripTrailingZeros().toPlainString().replace('.', ',');
        } catch (NumberFormatException e) {
            return wirePercent; // an odd value from an older server is still worth showing
        }
    }

    /**
     * A share (0.125) as a percentage with at most one decimal, in the language's way: "12,5 %" in Albanian,
     * "12.5%" in English (the bundle's ICU number pattern, so the locale gives the decimal mark).
     */
    public String percent(double fraction) {
        return t("format.percent", Math.round(fraction * 1000) / 10.0);
    }

    public String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }
}
