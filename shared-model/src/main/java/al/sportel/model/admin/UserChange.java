package al.sportel.model.admin;

import al.sportel.model.Role;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code PATCH /api/v1/users/{id}}: only the fields that are set change. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserChange(String displayName, Role role, String branchCode, Boolean active) {

    public static UserChange activeOnly(boolean active) {
        return new UserChange(null, null, null, active);
    }
}
