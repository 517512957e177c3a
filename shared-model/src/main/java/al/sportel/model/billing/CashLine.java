package al.sportel.model.billing;

import java.time.Instant;

/** One payment in a counter's cash report; {@code createdAt} is when the money was taken. */
public record CashLine(long id, String receiptNumber, String customerCode, String amount, String method, Instant createdAt,
                       String clerk, boolean voided) {
}
