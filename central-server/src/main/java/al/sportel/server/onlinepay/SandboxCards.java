package al.sportel.server.onlinepay;

import al.sportel.server.http.JsonBody;
import java.time.YearMonth;

/**
 * The sandbox's card rules, the same as the page checks as the citizen types: a Luhn-valid number of
 * 13-19 digits, an expiry month not in the past, a 3-4 digit code. The success test card is paid, every
 * other valid card is declined (the decline test card is the documented one), so no real card ever "pays".
 */
final class SandboxCards {

    static final String SUCCESS = "4242424242424242";
    static final String DECLINE = "4000000000000002";

    private SandboxCards() {
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** Adds a field error for each bad field; the number without spaces, or null when it is bad. */
    static String check(JsonBody body, String number, String expiry, String cvc, YearMonth now) {
        String digits = number == null ? null : number.replace(" ", "").replace("-", "");
        if (digits != null && (!digits.matches("\\d{13,19}") || !luhn(digits))) {
            body.addError("number", "is not a valid card number");
            digits = null;
        }
        if (expiry != null) {
            if (!expiry.strip().matches("(0[1-9]|1[0-2])/\\d{2}")) {
                body.addError("expiry", "must be MM/YY");
            } else if (YearMonth.of(2000 + Integer.parseInt(expiry.strip().substring(3)), Integer.parseInt(expiry.strip().substring(0, 2)))
                    .isBefore(now)) {
                body.addError("expiry", "the card has expired");
            }
        }
        if (cvc != null && !cvc.strip().matches("\\d{3,4}")) {
            body.addError("cvc", "must be 3 or 4 digits");
        }
        return digits;
    }

    static PaymentProvider.Outcome outcome(String digits) {
        return SUCCESS.equals(digits) ? PaymentProvider.Outcome.PAID : PaymentProvider.Outcome.DECLINED;
    }
}
