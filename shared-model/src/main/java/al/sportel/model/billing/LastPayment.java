package al.sportel.model.billing;

import java.time.Instant;

/**
 * One of a customer's recent payments, wherever it was made: {@code channel} is COUNTER_CASH,
 * COUNTER_CARD, POST, BANK or MOBILE; {@code partner} names the post office, bank or operator.
 */
public record LastPayment(String receiptNumber, String amount, String channel, String partner, Instant paidAt, boolean cancelled) {
}
