package al.sportel.model.cases;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code PATCH /api/v1/complaints/{id}} or {@code /applications/{id}}: the next status and an optional note. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseChange(String status, String note) {
}
