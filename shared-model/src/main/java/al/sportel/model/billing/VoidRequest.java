package al.sportel.model.billing;

/** {@code POST /api/v1/payments/{id}/void}. */
public record VoidRequest(String reason) {
}
