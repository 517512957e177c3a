package al.sportel.server.auth;

import al.sportel.model.Role;
import al.sportel.server.http.JsonBody;

/** The checks a user's fields pass wherever they are set: on creation and in administration. */
public final class UserRules {

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

    public static void checkPassword(JsonBody body, String password) {
        if (password != null && password.length() < 8) {
            body.addError("password", "must be at least 8 characters");
        }
    }
}
