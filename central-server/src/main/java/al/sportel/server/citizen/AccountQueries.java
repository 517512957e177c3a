package al.sportel.server.citizen;

import al.sportel.model.Money;
import al.sportel.model.citizen.AccountSummary;
import al.sportel.server.db.Database;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The SQL of the citizen's account check: the proof on the bill, the summary, and the failure counts. */
final class AccountQueries {

    private final Database db;

    AccountQueries(Database db) {
        this.db = db;
    }

    /** The amount of the customer's latest bill, the proof a citizen reads off the paper; empty for an unknown code. */
    Optional<Long> lastBillAmount(String customerCode) {
        return db.read(h -> h.createQuery("""
                        SELECT amount FROM bills WHERE customer_code = :c ORDER BY period DESC, id DESC
                        """)
                .bind("c", customerCode).setMaxRows(1).mapTo(Long.class).findFirst());
    }

    /** True when one of the customer's bills carries this verification code. */
    boolean hasBillCode(String customerCode, String code) {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM bills WHERE customer_code = :c AND verify_code = :v")
                .bind("c", customerCode).bind("v", code).mapTo(Integer.class).one()) > 0;
    }

    AccountSummary summary(String customerCode) {
        return db.read(h -> {
            String name = h.createQuery("SELECT name FROM customers WHERE code = :c").bind("c", customerCode)
                    .mapTo(String.class).one();
            List<AccountSummary.Bill> bills = h.createQuery("""
                            SELECT period, amount - paid AS owed, due_date FROM bills
                            WHERE customer_code = :c AND paid < amount ORDER BY due_date, id
                            """)
                    .bind("c", customerCode)
                    .map((rs, x) -> new AccountSummary.Bill(rs.getString("period"), Money.format(rs.getLong("owed")),
                            rs.getObject("due_date", LocalDate.class)))
                    .list();
            long due = bills.stream().mapToLong(b -> Money.parse(b.amount())).sum();
            return new AccountSummary(customerCode, initials(name), Money.format(due), bills);
        });
    }

    record Failures(int byAddress, int byCode, Instant oldest) {
    }

    Failures failuresSince(String address, String customerCode, Instant since) {
        return db.read(h -> h.createQuery("""
                        SELECT (SELECT COUNT(*) FROM citizen_verify_failures WHERE address = :a AND failed_at > :since) AS by_address,
                               (SELECT COUNT(*) FROM citizen_verify_failures WHERE customer_code = :c AND failed_at > :since) AS by_code,
                               (SELECT MIN(failed_at) FROM citizen_verify_failures
                                 WHERE (address = :a OR customer_code = :c) AND failed_at > :since) AS oldest
                        """)
                .bind("a", address).bind("c", customerCode).bind("since", since)
                .map((rs, x) -> new Failures(rs.getInt("by_address"), rs.getInt("by_code"),
                        rs.getObject("oldest") == null ? null : rs.getTimestamp("oldest").toInstant()))
                .one());
    }

    void recordFailure(String address, String customerCode, Instant at) {
        db.tx(h -> h.execute("INSERT INTO citizen_verify_failures (address, customer_code, failed_at) VALUES (?, ?, ?)",
                address, customerCode, at));
    }

    static String initials(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (!part.isEmpty()) {
                b.append(b.isEmpty() ? "" : " ").append(part.charAt(0)).append('.');
            }
        }
        return b.toString();
    }
}
