package al.sportel.model.channels;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One partner's day: its settlement file matched against the payments that arrived through the API.
 * Amounts in lek; {@code difference} is the file's total minus ours.
 */
public record Reconciliation(long partnerId, String partnerCode, String partnerName, LocalDate date, Instant fileReceivedAt,
                             List<Line> lines, Totals totals) {

    /** Every kind of line the report knows; all but MATCHED are open discrepancies. */
    public enum Status { MATCHED, MISSING, UNREPORTED, AMOUNT_MISMATCH, DUPLICATE, REVERSED }

    /**
     * {@code settlementLineId} is set for lines from the file (a MISSING one can be created from it),
     * {@code paymentId} for lines we received.
     */
    public record Line(Status status, String partnerReference, String customerCode, String fileAmount, String receivedAmount,
                       Instant paidAt, Long settlementLineId, Long paymentId, String receiptNumber) {
    }

    public record Totals(int fileLines, String fileTotal, int receivedPayments, String receivedTotal, String matchedTotal,
                         String difference, int matched, int missing, int unreported, int amountMismatches, int duplicates,
                         int reversed) {

        public int discrepancies() {
            return missing + unreported + amountMismatches + duplicates + reversed;
        }
    }
}
