package al.sportel.model.admin;

import al.sportel.model.Role;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code POST /api/v1/users}; {@code branchCode} is left out for an administrator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewUser(String username, String displayName, Role role, String branchCode, String password) {
}
