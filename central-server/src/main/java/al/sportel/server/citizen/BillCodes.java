package al.sportel.server.citizen;

import al.sportel.server.db.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The verification code printed on a bill: six letters and digits without look-alikes (no I, O, 0 or 1),
 * printed as "K7M-2QX". About 10⁹ values, and {@link AccountCheck} allows five failures per code an
 * hour, so the code is a proof of holding the paper bill as the amount is.
 */
public final class BillCodes {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BillCodes() {
    }

    public static String newCode() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** The demo's codes are the same on every machine and every month, so the README can show one. */
    public static String forDemo(String customerCode, int monthsAgo) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("sportel-demo-bill|" + customerCode + "|" + monthsAgo).getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                b.append(ALPHABET.charAt((hash[i] & 0xff) % ALPHABET.length()));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "k7m-2qx", "K7M 2QX" and "K7M2QX" are one code; anything else is not a code. */
    static Optional<String> normalize(String proof) {
        String plain = proof.replaceAll("[\\s\\u00a0\\u202f-]", "").toUpperCase(Locale.ROOT);
        if (plain.length() != LENGTH || !plain.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(plain);
    }

    /** As printed on the bill. */
    public static String display(String code) {
        return code.substring(0, 3) + "-" + code.substring(3);
    }

    /** Gives bills loaded without a code one of their own (before this column existed, or by an import). */
    public static void backfill(Database db) {
        List<Long> ids = db.read(h -> h.createQuery("SELECT id FROM bills WHERE verify_code IS NULL").mapTo(Long.class).list());
        for (long id : ids) {
            db.tx(h -> h.execute("UPDATE bills SET verify_code = ? WHERE id = ? AND verify_code IS NULL", newCode(), id));
        }
    }
}
