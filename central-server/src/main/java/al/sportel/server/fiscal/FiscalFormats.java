package al.sportel.server.fiscal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The authority's formats: dates with their offset, amounts with two decimals, codes and NUIS. */
public final class FiscalFormats {

    /** Receipts are issued in Albania; the spec's examples carry the local offset. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Tirane");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final Pattern NUIS = Pattern.compile("[A-Za-z][0-9]{8}[A-Za-z]");
    private static final Pattern CODE = Pattern.compile("[a-z]{2}[0-9]{3}[a-z]{2}[0-9]{3}");

    private FiscalFormats() {
    }

    /** "2019-06-12T17:05:43+02:00": whole seconds, Tirana's offset at that instant. */
    public static String dateTime(Instant at) {
        return DATE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE));
    }

    public static Instant parseDateTime(String text) {
        return OffsetDateTime.parse(text, DATE_TIME).toInstant();
    }

    /** Qindarka as the spec's decimal: "99.01". */
    public static String amount(long qindarka) {
        return BigDecimal.valueOf(qindarka, 2).toPlainString();
    }

    public static boolean isNuis(String s) {
        return s != null && NUIS.matcher(s).matches();
    }

    /** Business unit, TCR, software, maintainer and operator codes share one shape: ab123ab123. */
    public static boolean isCode(String s) {
        return s != null && CODE.matcher(s).matches();
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
