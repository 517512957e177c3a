package al.sportel.desktop.billing;

import al.sportel.desktop.api.ApiClient;
import al.sportel.model.Money;
import java.util.ArrayList;
import java.util.List;

/** A customer's bills as they will stand once the payments still in the outbox arrive (oldest bills first, as the server does). */
final class PendingPayments {

    private PendingPayments() {
    }

    static ApiClient.Customer lessPaid(ApiClient.Customer c, long amount) {
        long left = amount;
        List<ApiClient.UnpaidBill> bills = new ArrayList<>();
        for (ApiClient.UnpaidBill b : c.unpaidBills()) {
            long owed = Money.parse(b.amount());
            long part = Math.min(left, owed);
            left -= part;
            if (owed - part > 0) {
                bills.add(new ApiClient.UnpaidBill(b.id(), b.period(), Money.format(owed - part), b.dueDate()));
            }
        }
        long balance = Math.max(0, Money.parse(c.balance()) - amount);
        return new ApiClient.Customer(c.code(), c.name(), c.address(), bills, Money.format(balance));
    }
}
