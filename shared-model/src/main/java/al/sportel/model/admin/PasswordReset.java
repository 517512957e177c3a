package al.sportel.model.admin;

/** {@code POST /api/v1/users/{id}/password}. */
public record PasswordReset(String password) {
}
