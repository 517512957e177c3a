package al.sportel.model.billing;

import com.fasterxml.jackson.annotation.JsonInclude;
import al.sportel.model.fiscal.OfflineNslf;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code POST /api/v1/payments}. {@code tendered} only for cash; {@code offline} and {@code takenAt}
 * only for a payment taken while the server was unreachable; {@code nslf} only when the counter printed one then;
 * {@code takenBy} only when a supervisor enters a payment another user took offline (the username of who took the
 * money; see {@link #enteredBySupervisor}). Absent fields are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentRequest(String customerCode, String amount, String method, String tendered, long counterId,
                             String ticketId, Boolean offline, Instant takenAt, OfflineNslf nslf, String takenBy) {

    public static final String CASH = "CASH";
    public static final String CARD = "CARD";

    /**
     * How long a counter waits for a payment's answer while the server seems reachable. After that it prints an
     * offline receipt, the customer leaves, and the payment stays in its outbox as it was first sent: online.
     */
    public static final Duration ANSWER_WAIT = Duration.ofSeconds(12);

    /**
     * Sent with every attempt from a counter's outbox: whole seconds since the payment was taken, by the counter's
     * own clock (a duration, so a workstation clock that is off does not matter). A payment held longer than
     * {@link #ANSWER_WAIT} had its receipt printed offline; the server books it as money taken offline then.
     * Not part of the request's idempotency: a resend with a larger age still replays the first answer.
     */
    public static final String HELD_FOR_HEADER = "X-Sportel-Held-For";

    /**
     * The end of the server's refusal of an offline payment older than the offline window (the field error on
     * {@code takenAt}); a counter recognises such a refusal by it and offers to send the payment with a
     * supervisor's approval.
     */
    public static final String PAST_WINDOW = "such a payment must be entered by a supervisor";

    public static PaymentRequest online(String customerCode, String amount, String method, String tendered, long counterId,
                                        String ticketId) {
        return new PaymentRequest(customerCode, amount, method, tendered, counterId, ticketId, null, null, null, null);
    }

    /** The same payment marked as taken offline at {@code takenAt}: the server must not refuse it for arriving late. */
    public PaymentRequest takenOffline(Instant at) {
        return new PaymentRequest(customerCode, amount, method, tendered, counterId, ticketId, true, at, null, null);
    }

    /** The offline payment with the NSLF the counter printed (a counter key, ADR 0007 section 3). */
    public PaymentRequest withNslf(OfflineNslf printed) {
        return new PaymentRequest(customerCode, amount, method, tendered, counterId, ticketId, offline, takenAt, printed, takenBy);
    }

    /**
     * The same offline payment sent by a supervisor (or an admin) with her own login, naming {@code username} as
     * who took the money: the server books it under that user even past the offline window, as a late entry for
     * review, and records the supervisor as its approver.
     */
    public PaymentRequest enteredBySupervisor(String username) {
        return new PaymentRequest(customerCode, amount, method, tendered, counterId, ticketId, offline, takenAt, nslf, username);
    }
}
