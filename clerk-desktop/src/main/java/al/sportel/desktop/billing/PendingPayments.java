package al.sportel.desktop.billing;

import al.sportel.model.Money;
import al.sportel.model.billing.Customer;
import al.sportel.model.billing.UnpaidBill;
import java.util.ArrayList;
import java.util.List;

/** A customer's bills as they will stand once the payments still in the outbox arrive (oldest bills first, as the server does). */
final class PendingPayments {

    private PendingPayments() {
    }

    static Customer lessPaid(Customer c, long amount) {
        long left = amount;
        List<UnpaidBill> bills = new ArrayList<>();
        for (UnpaidBill b : c.unpaidBills()) {
            long owed = Money.parse(b.amount());
            long part = Math.min(left, owed);
            left -= part;
            if (owed - part > 0) {
                bills.add(new UnpaidBill(b.id(), b.period(), Money.format(owed - part), b.dueDate()));
            }
        }
        long balance = Math.max(0, Money.parse(c.balance()) - amount);
        return c.withBills(bills, Money.format(balance));
    }
}
