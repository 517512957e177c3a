package al.sportel.server.sms;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers as the SMS provider wants them (E.164, {@code +35569…}) however a citizen typed them: spaces, dashes,
 * a leading 0 or 00. One number written two ways is then one number, for the provider and for the per-phone limits.
 */
public final class PhoneNumbers {

    private static final Pattern TYPED = Pattern.compile("\\+?[0-9 ()-]{6,25}");

    private PhoneNumbers() {
    }

    /** The number in E.164, or empty when it cannot be one (too short or long, letters). Albania (+355) by default. */
    public static Optional<String> normalize(String typed) {
        if (typed == null || !TYPED.matcher(typed.strip()).matches()) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[^0-9]", "");
        String e164;
        if (typed.strip().startsWith("+")) {
            e164 = digits;
        } else if (digits.startsWith("00")) {
            e164 = digits.substring(2);
        } else if (digits.startsWith("355")) {
            e164 = digits;
        } else if (digits.startsWith("0")) {
            e164 = "355" + digits.substring(1);
        } else if (digits.length() <= 9) {
            e164 = "355" + digits; // an Albanian number without its 0
        } else {
            e164 = digits; // longer than any Albanian one: a foreign number without its +
        }
        if (e164.startsWith("0")) {
            return Optional.empty(); // no country code starts with 0 (+0…, 000…)
        }
        // E.164: at most 15 digits; an Albanian number is 355 and 8 or 9 more
        return e164.length() < 10 || e164.length() > 15 ? Optional.empty() : Optional.of("+" + e164);
    }
}
