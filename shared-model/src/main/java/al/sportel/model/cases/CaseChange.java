package al.sportel.model.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code PATCH /api/v1/complaints/{id}} or {@code /applications/{id}}: the next status and an optional note;
 * {@code visibleToCitizen} (sent as {@code "public"}) shows the note on the public tracking page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseChange(String status, String note, @JsonProperty("public") Boolean visibleToCitizen) {

    public CaseChange(String status, String note) {
        this(status, note, null);
    }
}
