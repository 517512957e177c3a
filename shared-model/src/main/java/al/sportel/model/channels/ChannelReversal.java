package al.sportel.model.channels;

import java.time.Instant;

/** A partner's same-day cancellation of one of its payments; the payment itself is never deleted. */
public record ChannelReversal(long paymentId, String partnerReference, String receiptNumber, String amount, Instant reversedAt) {
}
