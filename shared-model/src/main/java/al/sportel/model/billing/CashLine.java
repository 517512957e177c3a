package al.sportel.model.billing;

import java.time.Instant;

/**
 * One payment in a counter's cash report; {@code createdAt} is when the money was taken. {@code lateEntry}:
 * taken offline on this day but received on a later one.
 */
public record CashLine(long id, String receiptNumber, String customerCode, String amount, String method, Instant createdAt,
                       String clerk, boolean voided, boolean lateEntry) {
}
