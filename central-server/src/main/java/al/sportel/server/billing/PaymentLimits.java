package al.sportel.server.billing;

import al.sportel.model.Money;
import al.sportel.model.billing.PaymentRequest;
import al.sportel.server.http.JsonBody;
import java.time.Duration;
import java.time.Instant;

/**
 * What a payment request may claim: no amount above the ceiling (online and offline), and an offline
 * {@code takenAt} neither in the future (beyond a little clock skew) nor older than the offline window —
 * the same 48 hours the tax law allows for receipts issued without internet. Past the window only a supervisor (or an
 * admin) enters an offline payment, naming who took it ({@code takenBy}); a clerk's own resend is refused.
 */
public record PaymentLimits(Duration offlineWindow, Duration clockSkew, long maxPayment) {

    /**
     * How old a payment a supervisor enters past the window may be: the tax authority takes receipts issued without
     * internet until the 10th of the next month, so a sale older than that cannot be put right this way anyway.
     */
    public static final Duration LATE_ENTRY_LIMIT = Duration.ofDays(40);

    /** Adds a field error to {@code body} for every bound the request breaks. */
    public void check(JsonBody body, Long amount, boolean offline, Instant takenAt, Instant now) {
        check(body, amount, offline, takenAt, now, false);
    }

    /**
     * {@code enteredBySupervisor}: a supervisor or admin sends the payment naming who took it; then a {@code takenAt}
     * older than the window is accepted (the payment becomes a late entry for review), never one in the future.
     */
    public void check(JsonBody body, Long amount, boolean offline, Instant takenAt, Instant now, boolean enteredBySupervisor) {
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
        } else if (takenAt.isBefore(now.minus(offlineWindow)) && !enteredBySupervisor) {
            body.addError("takenAt", "is older than " + offlineWindow.toHours() + " hours; " + PaymentRequest.PAST_WINDOW);
        } else if (takenAt.isBefore(now.minus(LATE_ENTRY_LIMIT))) {
            body.addError("takenAt", "is older than " + LATE_ENTRY_LIMIT.toDays() + " days; only the tax office's own procedure can enter it now");
        }
    }
}
