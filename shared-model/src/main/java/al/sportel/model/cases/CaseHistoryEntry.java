package al.sportel.model.cases;

import java.time.Instant;

/** One step in a case's life: the status it reached, when, and the note that went with it. */
public record CaseHistoryEntry(String status, Instant at, String note) {
}
