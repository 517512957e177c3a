package al.sportel.model.fees;

import java.time.Instant;

/**
 * A fee sold at a counter. {@code caseTrackingCode}: the application it was paid with, if any;
 * {@code fiscalized}: a fiscal invoice (NSLF, and NIVF when the authority answered) was issued for it.
 */
public record FeeSale(long id, String receiptNumber, String branchCode, long counterId, String feeCode, String itemName,
                      String amount, String vatRatePercent, String method, String tendered, String change,
                      String caseTrackingCode, Instant createdAt, String clerkName, boolean fiscalized) {
}
