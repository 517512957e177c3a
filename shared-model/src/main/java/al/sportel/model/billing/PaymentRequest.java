package al.sportel.model.billing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * {@code POST /api/v1/payments}. {@code tendered} only for cash; {@code offline} and {@code takenAt}
 * only for a payment taken while the server was unreachable. Absent fields are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentRequest(String customerCode, String amount, String method, String tendered, long counterId,
                             String ticketId, Boolean offline, Instant takenAt) {

    public static final String CASH = "CASH";
    public static final String CARD = "CARD";

    public static PaymentRequest online(String customerCode, String amount, String method, String tendered, long counterId,
                                        String ticketId) {
        return new PaymentRequest(customerCode, amount, method, tendered, counterId, ticketId, null, null);
    }

    /** The same payment marked as taken offline at {@code takenAt}: the server must not refuse it for arriving late. */
    public PaymentRequest takenOffline(Instant at) {
        return new PaymentRequest(customerCode, amount, method, tendered, counterId, ticketId, true, at);
    }
}
