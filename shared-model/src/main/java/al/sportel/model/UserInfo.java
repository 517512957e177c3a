package al.sportel.model;

/** A user as the API shows it: never the password hash. */
public record UserInfo(long id, String username, String displayName, Role role, String branchCode) {
}
