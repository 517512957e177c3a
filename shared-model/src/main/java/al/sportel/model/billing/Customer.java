package al.sportel.model.billing;

import java.util.List;

/** {@code GET /api/v1/customers/{code}}: the customer and what they owe, oldest bill first. */
public record Customer(String code, String name, String address, List<UnpaidBill> unpaidBills, String balance) {
}
