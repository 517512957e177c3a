package al.sportel.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text and dates every database can store: no NUL byte or other control character (PostgreSQL
 * refuses NUL outright), no unpaired surrogate, and dates within years the business can mean.
 */
public final class TextRules {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    private TextRules() {
    }

    /** Refuses a request whose path or query carries a character no field may hold (422). */
    public static void install(Javalin app) {
        app.before(TextRules::checkPathAndQuery);
    }

    static void checkPathAndQuery(Context ctx) {
        String uri = ctx.req().getRequestURI();
        if (uri != null && uri.toLowerCase(Locale.ROOT).contains("%00")) {
            throw ApiException.invalid("path", "must not contain a NUL character");
        }
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (!storable(e.getKey())) {
                throw ApiException.invalid("query", "a parameter name contains a control character");
            }
            for (String v : e.getValue()) {
                if (!storable(v)) {
                    throw ApiException.invalid(e.getKey(), "must not contain a control character");
                }
            }
        }
    }

    /** True when every character may be stored: tab, newline and carriage return are the only controls allowed. */
    public static boolean storable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public static boolean yearInRange(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /** A required query parameter that is a counter id (422 when absent or not a number; an unknown id is the caller's 404). */
    public static long queryCounterId(Context ctx, String name) {
        try {
            return Long.parseLong(String.valueOf(ctx.queryParam(name)));
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "is required and must be a counter id");
        }
    }

    /** A query parameter date (YYYY-MM-DD) within the supported years; {@code null} when absent or blank. */
    public static LocalDate queryDate(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v.strip());
            if (yearInRange(d.getYear())) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ApiException.invalid(name, "must be a date such as 2026-11-25, between " + MIN_YEAR + " and " + MAX_YEAR);
    }

    /** A date (YYYY-MM-DD) in the path, within the supported years; 422 otherwise. */
    public static LocalDate pathDate(Context ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            LocalDate d = LocalDate.parse(v.strip());
            if (yearInRange(d.getYear())) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ApiException.invalid(name, "must be a date such as 2026-11-25, between " + MIN_YEAR + " and " + MAX_YEAR);
    }

    /** {@link #queryDate} for a parameter the request cannot do without. */
    public static LocalDate requiredQueryDate(Context ctx, String name) {
        LocalDate d = queryDate(ctx, name);
        if (d == null) {
            throw ApiException.invalid(name, "is required (a date such as 2026-11-25)");
        }
        return d;
    }

    /** Parses an ISO-8601 date-time; {@code null} when it is malformed or outside the supported years. */
    public static OffsetDateTime dateTime(String text) {
        try {
            OffsetDateTime t = OffsetDateTime.parse(text);
            return yearInRange(t.getYear()) ? t : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
