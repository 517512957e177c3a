package al.sportel.model.fiscal;

import java.time.Instant;

/**
 * The fiscal side of a receipt: its invoice number (ordinal/year/TCR), NSLF ({@code iic}), NIVF ({@code fic},
 * null until the authority has it) and delivery state. {@code status}: FISCALIZED, PENDING, REFUSED or UNFISCALIZED
 * (the sale could not be fiscalized when taken — no TCR, no operator code, an unreadable keystore: no number, NSLF
 * nor verifyUrl yet, {@code lastError} says what still stops it; the server issues it late, with the sale's time,
 * once that is fixed).
 * A receipt is of a bill payment ({@code paymentId}) or of a fee sale ({@code feeSaleId}), the other null.
 * {@code offlineNslf}: for a payment whose counter printed an NSLF offline, ACCEPTED (the same NSLF registered)
 * or REJECTED (the server issued its own: reprint the customer's receipt); null otherwise.
 * {@code deadline} is 48 hours after issue (the sale's time); {@code alert} is set from 36 hours on while not fiscalized.
 * {@code unfiscalizedReason}: why the sale could not be fiscalized when it was taken, kept after its late issue; null
 * for a receipt issued at once.
 */
public record FiscalReceipt(Long paymentId, String invNum, String iic, String fic, String issueDateTime, String status,
                            String subseqDelivType, int attempts, String lastError, Instant deadline, long minutesLeft,
                            boolean alert, String verifyUrl, Long feeSaleId, String offlineNslf,
                            String unfiscalizedReason) {
}
