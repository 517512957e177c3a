package al.sportel.model.billing;

/** The payments of one method in a cash report, voided ones left out. */
public record CashTotal(String method, int count, String amount) {
}
