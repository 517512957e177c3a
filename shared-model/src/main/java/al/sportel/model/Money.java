package al.sportel.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Lek amounts as whole qindarka (1/100 lek) in a {@code long}, and their wire form, a decimal string
 * with two places ("2450.00"). Never a double.
 */
public final class Money {

    private Money() {
    }

    /**
     * Parses "2450", "2450.5" or "2450.00"; throws {@link IllegalArgumentException} for anything with
     * more than two decimals, a sign, an exponent or no digits.
     */
    public static long parse(String text) {
        if (text == null || !text.strip().matches("\\d{1,13}(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException("must be an amount in lek with at most two decimals, like 2450.00");
        }
        return new BigDecimal(text.strip()).movePointRight(2).longValueExact();
    }

    public static String format(long qindarka) {
        return BigDecimal.valueOf(qindarka, 2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    public static BigDecimal toDecimal(long qindarka) {
        return BigDecimal.valueOf(qindarka, 2);
    }
}
