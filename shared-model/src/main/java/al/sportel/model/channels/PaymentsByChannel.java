package al.sportel.model.channels;

import java.time.LocalDate;
import java.util.List;

/**
 * Money taken over a date range by channel: counter cash, counter card, then each post, bank and
 * mobile partner. With a branch, only that branch's counters (partners belong to no branch), except for a
 * supervisor who named none: her centre's counters and every partner.
 *
 * <p>{@code earlierVoidedCount}/{@code earlierVoidedAmount}: counter payments taken before the range and voided in
 * it (ADR 0018), in no total; the sum of the days' {@code total - earlierVoidedAmount} is the range's.
 */
public record PaymentsByChannel(LocalDate from, LocalDate to, String branchCode, List<Row> channels, String total,
                                int earlierVoidedCount, String earlierVoidedAmount) {

    /**
     * {@code channel} is COUNTER_CASH, COUNTER_CARD or the partner's kind; {@code partnerCode} names the partner;
     * {@code earlierVoidedCount}/{@code earlierVoidedAmount} as in the whole report, for a counter row (0 for a partner).
     */
    public record Row(String channel, String partnerCode, String label, int count, String amount, int earlierVoidedCount,
                      String earlierVoidedAmount) {
    }
}
