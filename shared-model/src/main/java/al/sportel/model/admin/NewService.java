package al.sportel.model.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code POST /api/v1/branches/{code}/services}; the server fills in what is left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewService(String letter, String name, String nameEn, Integer averageServiceSeconds, Integer maxWaitMinutes) {
}
