package al.sportel.model.fiscal;

import java.time.Instant;

/**
 * The fiscal side of a receipt: its invoice number (ordinal/year/TCR), NSLF ({@code iic}), NIVF ({@code fic},
 * null until the authority has it) and delivery state. {@code status}: FISCALIZED, PENDING or REFUSED.
 * A receipt is of a bill payment ({@code paymentId}) or of a fee sale ({@code feeSaleId}), the other null.
 * {@code offlineNslf}: for a payment whose counter printed an NSLF offline, ACCEPTED (the same NSLF registered)
 * or REJECTED (the server issued its own: reprint the customer's receipt); null otherwise.
 * {@code deadline} is 48 hours after issue; {@code alert} is set from 36 hours on while not fiscalized.
 */
public record FiscalReceipt(Long paymentId, String invNum, String iic, String fic, String issueDateTime, String status,
                            String subseqDelivType, int attempts, String lastError, Instant deadline, long minutesLeft,
                            boolean alert, String verifyUrl, Long feeSaleId, String offlineNslf) {
}
