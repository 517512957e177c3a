package al.sportel.model.billing;

/** The part of one bill a payment settled. */
public record PaidBill(long billId, String period, String amount) {
}
