package al.sportel.model.citizen;

/** A customer code and a proof printed on the paper bill: the amount of the last bill ("2450,00" or "2450.00"). */
public record VerifyRequest(String customerCode, String proof) {
}
