package al.sportel.model.channels;

import java.time.Instant;

/**
 * A partner's same-day cancellation of one of its payments; the payment itself is never deleted. {@code status} is
 * {@link #REVERSED}, or {@link #REVERSED_BEFORE_PAYMENT} when no payment with the reference had arrived yet (the
 * reversal overtook it): {@code paymentId}, {@code receiptNumber} and {@code amount} are then null, nothing was
 * booked, and a payment sent later with that reference is refused (409 reversed-before-payment).
 */
public record ChannelReversal(Long paymentId, String partnerReference, String receiptNumber, String amount, Instant reversedAt,
                              String status) {

    public static final String REVERSED = "REVERSED";
    public static final String REVERSED_BEFORE_PAYMENT = "REVERSED_BEFORE_PAYMENT";
}
