package al.sportel.model.cases;

import java.time.Instant;
import java.util.List;

/** The whole complaint or application, for staff. {@code kind} is COMPLAINT or APPLICATION. */
public record CaseView(long id, String kind, String trackingCode, String category, String status, boolean overdue,
                       String customerCode, String name, String phone, String email, String description, String branchCode,
                       String ticketId, String channel, Instant createdAt, Instant dueAt, List<CaseHistoryEntry> history) {

    public static final String COMPLAINT = "COMPLAINT";

    public boolean complaint() {
        return COMPLAINT.equals(kind);
    }
}
