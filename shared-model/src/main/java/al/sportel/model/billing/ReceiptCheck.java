package al.sportel.model.billing;

import java.time.Instant;

/** {@code GET /api/v1/public/receipts/{verificationCode}}: what anyone holding the receipt may see, nothing personal. */
public record ReceiptCheck(String receiptNumber, String amount, Instant createdAt, String branch, boolean voided) {
}
