package al.sportel.model.fiscal;

import java.time.Instant;

/**
 * The fiscal side of a receipt: its invoice number (ordinal/year/TCR), NSLF ({@code iic}), NIVF ({@code fic},
 * null until the authority has it) and delivery state. {@code status}: FISCALIZED, PENDING or REFUSED.
 * {@code deadline} is 48 hours after issue; {@code alert} is set from 36 hours on while not fiscalized.
 */
public record FiscalReceipt(long paymentId, String invNum, String iic, String fic, String issueDateTime, String status,
                            String subseqDelivType, int attempts, String lastError, Instant deadline, long minutesLeft,
                            boolean alert, String verifyUrl) {
}
