package al.sportel.model.cases;

import java.time.Instant;

/**
 * One step in a case's life: the status it reached, when, and the note that went with it. {@code publicNote}:
 * the clerk marked the note visible to the citizen; on the public tracking page other notes are null.
 */
public record CaseHistoryEntry(String status, Instant at, String note, boolean publicNote) {
}
