package al.sportel.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt with a per-password salt; cost 10 takes tens of milliseconds, which is the point. */
public final class PasswordHasher {

    private static final int COST = 10;
    // Compared against when the username is unknown, so both answers take the same time.
    private static final String DUMMY_HASH = hash("not-a-real-password");

    private PasswordHasher() {
    }

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public static boolean verify(String password, String hash) {
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    public static void burnTime(String password) {
        verify(password, DUMMY_HASH);
    }
}
