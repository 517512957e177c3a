package al.sportel.model.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code PATCH /api/v1/services/{id}}: only the fields that are set change (a supervisor sets only the wait threshold). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceChange(String name, String nameEn, Boolean active, Integer maxWaitMinutes, Integer averageServiceSeconds) {
}
