package al.sportel.model.fiscal;

/**
 * Cash put into or taken out of a counter's drawer, registered with the tax authority.
 * {@code operation}: INITIAL, WITHDRAW or DEPOSIT; {@code status}: REGISTERED, PENDING (to be sent again
 * later) or REFUSED; {@code fcdc} the authority's code once registered.
 */
public record FiscalCashDeposit(long id, long counterId, String tcrCode, String operation, String amount,
                                String changeDateTime, String status, String subseqDelivType, String fcdc, String lastError) {
}
