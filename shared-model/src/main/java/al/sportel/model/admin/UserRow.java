package al.sportel.model.admin;

import al.sportel.model.Role;

/** A user account as the administration screens list it; never the password hash. */
public record UserRow(long id, String username, String displayName, Role role, String branchCode, boolean active) {
}
