package al.sportel.model.cases;

import java.time.Instant;
import java.util.List;

/** What the citizen sees with the tracking code: status and history, nothing personal. */
public record CaseTracking(String trackingCode, String kind, String category, String categoryName, String categoryNameEn,
                           String status, boolean overdue, Instant dueAt, List<CaseHistoryEntry> history) {
}
