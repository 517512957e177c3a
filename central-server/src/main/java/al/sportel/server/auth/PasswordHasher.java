package al.sportel.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** bcrypt with a per-password salt; cost 10 takes tens of milliseconds, which is the point. */
public final class PasswordHasher {

    private static final int COST = 10;
    // Compared against when the username is unknown, so both answers take the same time.
    private static final String DUMMY_HASH = hash("not-a-real-password");

    private PasswordHasher() {
    }

    /** bcrypt reads at most 72 bytes of a password; a longer one is refused, never cut silently. */
    public static final int MAX_BYTES = 72;

    public static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    /** False for a password longer than any stored one can be, after the same work as a real check. */
    public static boolean verify(String password, String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            BCrypt.verifyer().verify(Arrays.copyOf(bytes, MAX_BYTES), hash.getBytes(StandardCharsets.UTF_8));
            return false;
        }
        return BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    public static void burnTime(String password) {
        verify(password, DUMMY_HASH);
    }
}
