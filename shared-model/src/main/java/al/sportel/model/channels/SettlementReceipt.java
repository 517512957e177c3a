package al.sportel.model.channels;

import java.time.Instant;
import java.time.LocalDate;

/** The acknowledgement of a partner's daily settlement file; a re-sent file for the same day replaces the earlier one. */
public record SettlementReceipt(long settlementId, String partnerCode, LocalDate date, int lines, String total,
                                Instant receivedAt, boolean replacedEarlierFile) {
}
