package al.sportel.model.display;

import java.time.Instant;

/** {@code GET /api/v1/public/tickets/{id}}: what the customer's phone shows; the unguessable id is the only key. */
public record PublicTicket(String number, String serviceLetter, String serviceName, String serviceNameEn, String status,
                           Integer position, Integer estimatedWaitSeconds, Integer counterNumber, String branchCode,
                           String branchName, Instant issuedAt) {
}
