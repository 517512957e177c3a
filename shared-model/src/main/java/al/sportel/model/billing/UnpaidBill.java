package al.sportel.model.billing;

import java.time.LocalDate;

/** A bill the customer still owes; {@code amount} is what is left of it. */
public record UnpaidBill(long id, String period, String amount, LocalDate dueDate) {
}
