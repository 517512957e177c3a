package al.sportel.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dates, times and money as people in Albania write them, for every screen, slip and report a person
 * reads (CSV files and the JSON wire keep their machine forms: ISO dates, "16263.19").
 * Dates "25.11.2026", times "18:47", both in {@link BusinessTime#ZONE}; money "16 263,19 L": a space
 * between thousands, a decimal comma, always two decimals, and the lek sign "L" after the amount.
 */
public final class Formats {

    /** The lek sign printed after every amount. */
    public static final String LEK = "L";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f]");
    private static final Pattern CURRENCY = Pattern.compile("(?i)(lekë|leke|lek|all|l)$");

    private Formats() {
    }

    public static String date(LocalDate date) {
        return date.format(DATE);
    }

    /** A date typed as Albanians write it (25.11.2026, also 25.11.26 or 2026-11-25); empty when it is not one. */
    public static Optional<LocalDate> parseDate(String text) {
        String t = text == null ? "" : text.strip();
        for (String pattern : new String[] {"d.M.uuuu", "d.M.uu", "uuuu-MM-dd"}) {
            try {
                // strict, so 31.02.2026 is refused instead of becoming 28.02.2026
                return Optional.of(LocalDate.parse(t, DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT)));
            } catch (DateTimeParseException e) {
                // try the next way of writing it
            }
        }
        return Optional.empty();
    }

    public static String date(Instant at) {
        return DATE.format(at.atZone(BusinessTime.ZONE));
    }

    public static String time(Instant at) {
        return TIME.format(at.atZone(BusinessTime.ZONE));
    }

    public static String dateTime(Instant at) {
        return DATE_TIME.format(at.atZone(BusinessTime.ZONE));
    }

    /** 1626319 qindarka → "16 263,19 L". */
    public static String money(long qindarka) {
        return amount(qindarka) + " " + LEK;
    }

    /** A wire amount ("16263.19") for a person: "16 263,19 L". */
    public static String money(String wireAmount) {
        return money(Money.parse(wireAmount));
    }

    /**
     * A wire amount ("16263.19", or a difference like "-12.00") for a column or a sentence that already says L:
     * "16 263,19". Text that is not a wire amount is shown as it came rather than failing a whole table.
     */
    public static String amount(String wireAmount) {
        if (wireAmount == null) {
            return "";
        }
        String t = wireAmount.strip();
        boolean negative = t.startsWith("-");
        try {
            long q = Money.parse(negative ? t.substring(1) : t);
            return amount(negative ? -q : q);
        } catch (IllegalArgumentException e) {
            return wireAmount;
        }
    }

    /** 1626319 qindarka → "16 263,19", for a column whose header already says L. */
    public static String amount(long qindarka) {
        String plain = Money.toDecimal(Math.abs(qindarka)).toPlainString();
        int dot = plain.indexOf('.');
        String whole = plain.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(whole.charAt(i));
        }
        return (qindarka < 0 ? "-" : "") + grouped + "," + plain.substring(dot + 1);
    }

    /**
     * What a clerk types: "16263,19", "16 263,19", "16263.19", "16.263,19", "16263" or any of these
     * followed by "L" or "lekë". Throws {@link IllegalArgumentException} for anything else (a sign,
     * more than two decimals, letters).
     */
    public static long parseMoney(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no amount");
        }
        String t = CURRENCY.matcher(SPACES.matcher(text).replaceAll("")).replaceFirst("");
        if (t.contains(",")) {
            // a comma is the decimal mark, so any dots before it group the thousands
            t = t.replace(".", "").replace(',', '.');
        }
        return Money.parse(t);
    }

    /** {@link #parseMoney} without the exception: empty for anything that is not an amount. */
    public static Optional<Long> tryParseMoney(String text) {
        try {
            return Optional.of(parseMoney(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** For callers that compute with decimals (charts): the amount in lek. */
    public static BigDecimal lek(long qindarka) {
        return Money.toDecimal(qindarka);
    }
}
