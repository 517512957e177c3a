package al.sportel.model.cases;

import java.time.Instant;

/**
 * A file a citizen attached to a case, as staff see it listed ({@code GET /api/v1/cases/{id}/attachments}).
 * {@code name} is the citizen's file name made safe by the server; {@code contentType} is what the
 * server found in the file's first bytes (image/jpeg, image/png or application/pdf), not what the
 * phone claimed; {@code size} is in bytes.
 */
public record CaseAttachment(long id, String name, String contentType, long size, Instant createdAt) {
}
