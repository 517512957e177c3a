package al.sportel.model.billing;

import java.util.List;

/**
 * {@code GET /api/v1/customers/{code}}: the customer and what they owe, oldest bill first.
 * {@code balance} is what the bills still owe; {@code credit} what was paid beyond them, at a counter
 * or through a payment partner; {@code lastPayments} the newest few, wherever they were made.
 */
public record Customer(String code, String name, String address, List<UnpaidBill> unpaidBills, String balance, String credit,
                       List<LastPayment> lastPayments) {

    /** A customer as known without the server (the desktop's offline cache): credit and payments unknown. */
    public Customer(String code, String name, String address, List<UnpaidBill> unpaidBills, String balance) {
        this(code, name, address, unpaidBills, balance, null, List.of());
    }
}
