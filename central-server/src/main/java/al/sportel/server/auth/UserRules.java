package al.sportel.server.auth;

import al.sportel.model.Role;
import al.sportel.server.http.JsonBody;
import java.util.List;
import java.util.Locale;

/** The checks a user's fields pass wherever they are set: on creation and in administration. */
public final class UserRules {

    // the words attackers try first, in English and Albanian; a password containing one is refused
    private static final List<String> COMMON = List.of("password", "passw0rd", "sportel", "admin", "123456", "qwerty",
            "letmein", "welcome", "fjalekalim");

    private UserRules() {
    }

    /** The role named, or null (with a field error when the name is not a role). */
    public static Role role(JsonBody body, String roleName) {
        if (roleName == null) {
            return null;
        }
        try {
            return Role.valueOf(roleName);
        } catch (IllegalArgumentException e) {
            body.addError("role", "must be one of CLERK, SUPERVISOR, ADMIN, KIOSK");
            return null;
        }
    }

    /** Usernames: 3 to 50 letters, digits, dots, dashes or underscores. */
    public static boolean validUsername(String username) {
        return username != null && username.matches("[a-zA-Z0-9._-]{3,50}");
    }

    /**
     * Why a password is too weak for an administrator, or null: at least 10 characters, letters and
     * something else, not containing the username, not one of the passwords every attacker tries first.
     */
    public static String weakness(String password, String username) {
        if (!PasswordHasher.fits(password)) {
            return "use at most " + PasswordHasher.MAX_BYTES + " bytes (bcrypt reads no more)";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (password.length() < 10) {
            return "use at least 10 characters";
        }
        boolean letters = password.chars().anyMatch(Character::isLetter);
        boolean others = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letters || !others) {
            return "mix letters with digits or other characters";
        }
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return "do not put the username in the password";
        }
        for (String common : COMMON) {
            if (lower.contains(common)) {
                return "it contains a word every attacker tries first (" + common + ")";
            }
        }
        if (password.chars().distinct().count() < 5) {
            return "use more different characters";
        }
        return null;
    }

    public static void checkPassword(JsonBody body, String password) {
        if (password != null && password.length() < 8) {
            body.addError("password", "must be at least 8 characters");
        } else if (password != null && !PasswordHasher.fits(password)) {
            body.addError("password", "must be at most " + PasswordHasher.MAX_BYTES + " bytes (about as many letters; fewer with ë, ç)");
        }
    }
}
