package al.sportel.model.billing;

import java.time.Instant;

/**
 * {@code GET /api/v1/public/receipts/{verificationCode}}: what anyone holding the receipt may see, nothing personal.
 * {@code paidAt} is when the money was taken, the time the paper receipt shows: a counter's payment taken offline
 * or a partner's payment reaches the server later. {@code createdAt} is when the server recorded it.
 */
public record ReceiptCheck(String receiptNumber, String amount, Instant createdAt, Instant paidAt, String branch, boolean voided) {
}
