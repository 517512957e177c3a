package al.sportel.server.http;

import java.util.regex.Pattern;

/**
 * Paths as the access log writes them: tracking codes, customer codes, receipt verification codes, public
 * ticket, remote ticket and appointment ids are personal keys (each opens its holder's record), so only their
 * first characters are kept.
 */
public final class AccessLogMask {

    /** Also with its dashes percent-encoded ({@code %2D}), as a client may send them. */
    private static final Pattern TRACKING = Pattern.compile("(?i)((?:ANK|APL)(?:-|%2D)\\d{4}(?:-|%2D))[A-Z0-9]+");
    private static final Pattern KEYED = Pattern.compile(
            "(/(?:customers|track|receipts|tickets|remote-tickets|public/appointments|t)/)([^/?]{2})[^/?]*");

    private AccessLogMask() {
    }

    public static String path(String path) {
        // every request's path passes here: a tracking code has a '-' (or a '%'), and most paths have neither
        String masked = path.indexOf('-') < 0 && path.indexOf('%') < 0 ? path : TRACKING.matcher(path).replaceAll("$1***");
        return KEYED.matcher(masked).replaceAll("$1$2***");
    }
}
