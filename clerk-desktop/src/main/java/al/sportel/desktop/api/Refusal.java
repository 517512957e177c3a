package al.sportel.desktop.api;

import al.sportel.model.Json;
import al.sportel.model.Problem.FieldError;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * A refusal of the server as the desktop keeps it: the HTTP status, the problem type's last part
 * ({@code validation}, {@code counter-busy}), the server's English {@code detail} and its field errors.
 * The type and the fields are what the clerk's screen translates; the outbox stores the refusal with a
 * command it sent, so a refusal that comes back later is told in the clerk's language too.
 */
public record Refusal(int status, String type, String detail, List<FieldError> errors) {

    public Refusal {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The server's own words: its detail and, when it named fields, which and why ("…: amount is more than …"). */
    public String serverWords() {
        if (errors.isEmpty()) {
            return detail;
        }
        StringBuilder fields = new StringBuilder();
        for (FieldError e : errors) {
            fields.append(fields.length() == 0 ? "" : "; ").append(e.field()).append(' ').append(e.message());
        }
        return detail + ": " + fields;
    }

    /** As the outbox keeps it. */
    public String toJson() {
        try {
            return Mapper.JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException("a refusal is always serialisable", e);
        }
    }

    /** What {@link #toJson} wrote, or null for null (a command refused before refusals were kept). */
    public static Refusal fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Mapper.JSON.readValue(json, Refusal.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a stored refusal: " + json, e);
        }
    }

    /** Made when a refusal is first stored or read: most sessions never meet one. */
    private static final class Mapper {
        static final ObjectMapper JSON = Json.newMapper();
    }
}
