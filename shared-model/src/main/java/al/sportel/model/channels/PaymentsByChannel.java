package al.sportel.model.channels;

import java.time.LocalDate;
import java.util.List;

/**
 * Money taken over a date range by channel: counter cash, counter card, then each post, bank and
 * mobile partner. With a branch, only that branch's counters (partners belong to no branch).
 */
public record PaymentsByChannel(LocalDate from, LocalDate to, String branchCode, List<Row> channels, String total) {

    /** {@code channel} is COUNTER_CASH, COUNTER_CARD or the partner's kind; {@code partnerCode} names the partner. */
    public record Row(String channel, String partnerCode, String label, int count, String amount) {
    }
}
