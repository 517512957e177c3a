package al.sportel.model.billing;

import java.time.Instant;

/**
 * One payment in a counter's cash report; {@code createdAt} is when the money was taken. {@code lateEntry}:
 * taken offline on this day but received on a later one. {@code voided}: voided by the end of this day, so not in
 * its totals; {@code voidedLater}: voided on a later day, so still counted here (the drawer held it when the day
 * closed; the reversal is in the centre report of the day it was made).
 */
public record CashLine(long id, String receiptNumber, String customerCode, String amount, String method, Instant createdAt,
                       String clerk, boolean voided, boolean lateEntry, boolean voidedLater) {
}
