package al.sportel.model.citizen;

import java.time.LocalDate;
import java.util.List;

/**
 * What a verified citizen sees of their account at the kiosk or on the phone: the name shortened to
 * initials (the screen may be seen by others), what is due and the unpaid bills. Amounts are decimal
 * strings in lek, as everywhere on the wire.
 */
public record AccountSummary(String customerCode, String initials, String amountDue, List<Bill> unpaidBills) {

    public record Bill(String period, String amount, LocalDate dueDate) {
    }
}
