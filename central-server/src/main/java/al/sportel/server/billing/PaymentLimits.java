package al.sportel.server.billing;

import al.sportel.model.Money;
import al.sportel.server.http.JsonBody;
import java.time.Duration;
import java.time.Instant;

/**
 * What a payment request may claim: no amount above the ceiling (online and offline), and an offline
 * {@code takenAt} neither in the future (beyond a little clock skew) nor older than the offline window —
 * the same 48 hours the tax law allows for receipts issued without internet.
 */
public record PaymentLimits(Duration offlineWindow, Duration clockSkew, long maxPayment) {

    /** Adds a field error to {@code body} for every bound the request breaks. */
    public void check(JsonBody body, Long amount, boolean offline, Instant takenAt, Instant now) {
        if (amount != null && amount > maxPayment) {
            body.addError("amount", "is more than the largest single payment (" + Money.format(maxPayment) + " lek)");
        }
        if (takenAt == null) {
            return;
        }
        if (!offline) {
            body.addError("takenAt", "is only accepted with offline: true");
        } else if (takenAt.isAfter(now.plus(clockSkew))) {
            body.addError("takenAt", "is in the future");
        } else if (takenAt.isBefore(now.minus(offlineWindow))) {
            body.addError("takenAt", "is older than " + offlineWindow.toHours() + " hours; such a payment must be entered by a supervisor");
        }
    }
}
