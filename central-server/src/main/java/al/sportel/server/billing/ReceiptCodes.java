package al.sportel.server.billing;

import al.sportel.server.db.Database;
import java.security.SecureRandom;
import java.util.List;

/**
 * The code that opens a receipt's public verification page: 120 random bits in 24 base-32 letters,
 * so receipts cannot be found by counting their numbers. The number stays on the paper for people.
 */
public final class ReceiptCodes {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptCodes() {
    }

    public static String newCode() {
        byte[] bytes = new byte[LENGTH * 5 / 8];
        RANDOM.nextBytes(bytes);
        StringBuilder sb = new StringBuilder(LENGTH);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return sb.toString();
    }

    /** Only letters of the alphabet and the right length can be a code; anything else is not looked up. */
    public static boolean plausible(String code) {
        return code != null && code.length() == LENGTH && code.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '2' && c <= '7');
    }

    /** Gives receipts made before codes existed a code of their own. */
    public static void backfill(Database db) {
        List<Long> ids = db.read(h -> h.createQuery("SELECT id FROM payments WHERE verification_code IS NULL").mapTo(Long.class).list());
        for (long id : ids) {
            db.tx(h -> h.execute("UPDATE payments SET verification_code = ? WHERE id = ? AND verification_code IS NULL", newCode(), id));
        }
    }
}
