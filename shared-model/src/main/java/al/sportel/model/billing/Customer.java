package al.sportel.model.billing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code GET /api/v1/customers/{code}}: the customer and what they owe, oldest bill first.
 * {@code balance} is what the bills still owe; {@code credit} what was paid beyond them, at a counter
 * or through a payment partner; {@code lastPayments} the newest few, wherever they were made.
 * {@code paidKeys}: of the payments' Idempotency-Keys a counter asked about ({@code ?pending=}), those the
 * server has already booked (so the counter does not take them off the balance again); absent when none asked.
 */
public record Customer(String code, String name, String address, List<UnpaidBill> unpaidBills, String balance, String credit,
                       List<LastPayment> lastPayments, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> paidKeys) {

    /** The most pending keys one lookup may ask about ({@code ?pending=}). */
    public static final int MAX_PENDING_KEYS = 20;

    public Customer(String code, String name, String address, List<UnpaidBill> unpaidBills, String balance, String credit,
                    List<LastPayment> lastPayments) {
        this(code, name, address, unpaidBills, balance, credit, lastPayments, null);
    }

    /** A customer as known without the server (the desktop's offline cache): credit and payments unknown. */
    public Customer(String code, String name, String address, List<UnpaidBill> unpaidBills, String balance) {
        this(code, name, address, unpaidBills, balance, null, List.of(), null);
    }

    /** The same customer with other bills and balance (what the payments still in a counter's outbox leave). */
    public Customer withBills(List<UnpaidBill> bills, String newBalance) {
        return new Customer(code, name, address, bills, newBalance, credit, lastPayments, paidKeys);
    }

    /** The same customer, with the keys the server says it has booked. */
    public Customer withPaidKeys(List<String> keys) {
        return new Customer(code, name, address, unpaidBills, balance, credit, lastPayments, keys);
    }
}
