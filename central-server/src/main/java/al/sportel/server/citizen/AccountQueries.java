package al.sportel.server.citizen;

import al.sportel.model.Money;
import al.sportel.model.citizen.AccountSummary;
import al.sportel.server.db.Database;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** The SQL of the citizen's account check: the proof on the bill, the summary, and the failure counts. */
final class AccountQueries {

    /** The advisory locks' first key, so they cannot meet another feature's (pg_advisory_xact_lock(int, int)). */
    private static final int ADDRESS_LOCKS = 0x53505643; // "SPVC"
    private static final int STRIPES = 64;

    private final Database db;
    private final Lock[] addressStripes = new Lock[STRIPES];

    AccountQueries(Database db) {
        for (int i = 0; i < STRIPES; i++) {
            addressStripes[i] = new ReentrantLock();
        }
        this.db = db;
    }

    /** How many of the customer's latest bills (by period) carry a verification code that still opens the account. */
    static final int CODES_VALID_BILLS = 3;

    /** The amount of the customer's latest bill, the proof a citizen reads off the paper; empty for an unknown code. */
    Optional<Long> lastBillAmount(Handle h, String customerCode) {
        return h.createQuery("""
                        SELECT amount FROM bills WHERE customer_code = :c ORDER BY period DESC, id DESC
                        """)
                .bind("c", customerCode).setMaxRows(1).mapTo(Long.class).findFirst();
    }

    /**
     * True when one of the customer's latest {@link #CODES_VALID_BILLS} bills carries this verification code:
     * an old paper bill found in a drawer or a bin must not open the account forever.
     */
    boolean hasBillCode(Handle h, String customerCode, String code) {
        List<String> recent = h.createQuery("""
                        SELECT verify_code FROM bills WHERE customer_code = :c ORDER BY period DESC, id DESC
                        """)
                .bind("c", customerCode).setMaxRows(CODES_VALID_BILLS).mapTo(String.class).list();
        return recent.contains(code);
    }

    /**
     * Checks from one address one after another, even for different codes, so the per-address limit holds
     * under parallel guesses. On PostgreSQL a transaction-scoped advisory lock on the address's hash (every
     * node shares it; a collision only makes two addresses wait for each other); see {@link #underAddressLock}
     * for the embedded database. Taken before the customer's row, in every check, so they cannot deadlock.
     */
    void lockAddress(Handle h, String address) {
        if (db.isPostgres()) {
            h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:ns, hashtext(:a))").bind("ns", ADDRESS_LOCKS).bind("a", address)
                    .mapTo(Integer.class).one();
        }
    }

    /**
     * Runs {@code check} holding this process's lock for the address: all the embedded database needs (H2
     * has no advisory locks, and only one process can open its file). On PostgreSQL {@link #lockAddress}
     * also serialises the other nodes; taking this one first keeps a burst of guesses from one address
     * queued here, not each holding a pooled connection while it waits for the advisory lock.
     */
    <T> T underAddressLock(String address, Supplier<T> check) {
        Lock lock = addressStripes[Math.floorMod(address.hashCode(), addressStripes.length)];
        lock.lock();
        try {
            return check.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Locks the customer's row until the transaction ends, so that parallel checks of one code are counted
     * one after another. An unknown code has no row: nothing to lock, and nothing to open either.
     */
    void lockCustomer(Handle h, String customerCode) {
        h.createQuery("SELECT code FROM customers WHERE code = :c FOR UPDATE").bind("c", customerCode)
                .mapTo(String.class).findFirst();
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

    /** The failures since a moment, per address and per code, and the oldest of each (when each limit lifts). */
    record Failures(int byAddress, int byCode, Instant oldestByAddress, Instant oldestByCode) {
    }

    Failures failuresSince(Handle h, String address, String customerCode, Instant since) {
        return h.createQuery("""
                        SELECT (SELECT COUNT(*) FROM citizen_verify_failures WHERE address = :a AND failed_at > :since) AS by_address,
                               (SELECT COUNT(*) FROM citizen_verify_failures WHERE customer_code = :c AND failed_at > :since) AS by_code,
                               (SELECT MIN(failed_at) FROM citizen_verify_failures WHERE address = :a AND failed_at > :since) AS oldest_a,
                               (SELECT MIN(failed_at) FROM citizen_verify_failures WHERE customer_code = :c AND failed_at > :since) AS oldest_c
                        """)
                .bind("a", address).bind("c", customerCode).bind("since", since)
                .map((rs, x) -> new Failures(rs.getInt("by_address"), rs.getInt("by_code"),
                        rs.getObject("oldest_a") == null ? null : rs.getTimestamp("oldest_a").toInstant(),
                        rs.getObject("oldest_c") == null ? null : rs.getTimestamp("oldest_c").toInstant()))
                .one();
    }

    void recordFailure(Handle h, String address, String customerCode, Instant at) {
        h.execute("INSERT INTO citizen_verify_failures (address, customer_code, failed_at) VALUES (?, ?, ?)",
                address, customerCode, at);
    }

    /** The attempt recorded before the check was a success after all: it no longer counts. */
    void forgetFailure(Handle h, String address, String customerCode, Instant at) {
        h.execute("DELETE FROM citizen_verify_failures WHERE address = ? AND customer_code = ? AND failed_at = ?",
                address, customerCode, at);
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
