package al.sportel.model.channels;

import java.time.Instant;

/**
 * A partner's same-day cancellation of one of its payments; the payment itself is never deleted. {@code status} is
 * {@link #REVERSED}. {@link #REVERSED_BEFORE_PAYMENT} marks, inside the server, a reversal of a reference no payment
 * had brought yet (it overtook its payment): the partner gets a 404 of that problem type, nothing was booked, and a
 * payment sent later with the reference is refused (409 reversed-before-payment).
 */
public record ChannelReversal(Long paymentId, String partnerReference, String receiptNumber, String amount, Instant reversedAt,
                              String status) {

    public static final String REVERSED = "REVERSED";
    public static final String REVERSED_BEFORE_PAYMENT = "REVERSED_BEFORE_PAYMENT";
}
