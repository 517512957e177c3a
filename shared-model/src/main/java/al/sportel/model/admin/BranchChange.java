package al.sportel.model.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code PATCH /api/v1/branches/{code}}: only the fields that are set change. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BranchChange(String name, String city, String address) {
}
