package al.sportel.desktop.offline;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import al.sportel.model.LoginResponse;
import al.sportel.model.Role;
import al.sportel.model.billing.Payment;
import al.sportel.model.billing.PaymentRequest;
import java.sql.SQLException;

/**
 * A payment the server refused because it was taken offline longer ago than the offline window, sent again with a
 * supervisor's approval (ADR 0004, second addendum): the supervisor logs in on a client of her own for this one send,
 * so the clerk's session and outbox sender are untouched; the request names the clerk who took the money
 * ({@code takenBy}) and keeps the item's Idempotency-Key (the refusal stored nothing on the server, and a resend after
 * a lost answer replays the booking). No UI: call {@link #send} from a background job.
 */
public final class LateApproval {

    /** The problem type of a login that worked but is not a supervisor's or an admin's (decided here, not by the server). */
    public static final String NOT_A_SUPERVISOR = "not-a-supervisor";

    private LateApproval() {
    }

    /** Whether the item is a payment the server refused for its age: the only kind a supervisor's approval lets in. */
    public static boolean offered(Outbox.Item item) {
        return item != null && item.kind() == Outbox.Kind.PAYMENT && item.state() == Outbox.State.FAILED
                && item.lastError() != null && item.lastError().contains(PaymentRequest.PAST_WINDOW);
    }

    /**
     * Logs {@code supervisor} in at {@code serverUrl}, sends the item as entered by her for the clerk who took it, marks
     * it done with the server's answer, and logs her out again whatever happened. Blocking.
     *
     * @throws ApiException a wrong password (401), a locked account (429), not a supervisor ({@link #NOT_A_SUPERVISOR},
     *                      or 403 from the server for another centre's), the server unreachable, or its refusal
     */
    public static Payment send(String serverUrl, Outbox outbox, Outbox.Item item, String supervisor, String password)
            throws ApiException, SQLException {
        ApiClient client = new ApiClient(serverUrl);
        LoginResponse login = client.login(supervisor, password);
        try {
            Role role = login.user().role();
            if (role != Role.SUPERVISOR && role != Role.ADMIN) {
                throw new ApiException(403, NOT_A_SUPERVISOR, supervisor + " is not a supervisor", 0);
            }
            PaymentRequest request = client.fromJson(item.body(), PaymentRequest.class).enteredBySupervisor(item.username());
            Payment booked = client.callOnce("POST", item.path(), request, Payment.class, item.idempotencyKey());
            outbox.approved(item.id(), client.toJson(booked));
            return booked;
        } finally {
            client.logout();
        }
    }
}
