package al.sportel.server.billing;

import al.sportel.model.BusinessTime;
import al.sportel.server.db.SqlByCount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Writes a checked payment: its row, the bills it pays and its receipt number. Receipt numbers run per
 * branch and year without gaps (TR01-2026-000123), from the branch's row that the year's first payment
 * makes. That row is taken after the bills' rows, so every payment of the branch waits for it only for the
 * rest of this payment's writes and its commit.
 * <p>
 * On PostgreSQL it is one statement; on H2, which lacks the upsert and data-modifying CTEs, one per step.
 */
final class PaymentWrite {

    /** A payment as it is stored, before it has an id and a receipt number; {@code approvedBy}: who entered it for its clerk, or null. */
    record NewPayment(String branch, PaymentService.Request request, long clerkId, Instant now, Instant takenAt, long change,
                      long credit, boolean needsReview, String verificationCode, boolean late, Long approvedBy) {

        int receiptYear() {
            return LocalDate.ofInstant(now, BusinessTime.ZONE).getYear();
        }
    }

    /** What the database gave the payment. */
    record Written(long id, String receiptNumber) {
    }

    /** What a payment pays of one bill. */
    record Part(long billId, long amount) {
    }

    private static final String COLUMNS = """
            branch_code, customer_code, amount, method, tendered, change_due, counter_id, ticket_id, clerk_user_id,
            created_at, taken_at, offline, credit, needs_review, verification_code, late_entry, approved_by_user_id""";

    private static final String VALUES = """
            :branch, :customer, :amount, :method, :tendered, :change, :counter, :ticket, :clerk, :now,
            :takenAt, :offline, :credit, :review, :code, :late, :approvedBy""";

    /** The statement of {@link #inOneStatement} for a payment of n bills. */
    private static final SqlByCount ONE_STATEMENT = new SqlByCount(parts -> {
        StringBuilder sql = new StringBuilder("WITH ");
        String afterBills = "";
        if (parts > 0) {
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < parts; i++) {
                rows.append(i == 0 ? "" : ", ").append("(CAST(:bill%d AS BIGINT), CAST(:part%d AS BIGINT))".formatted(i, i));
            }
            sql.append("""
                    parts (bill_id, amount) AS (VALUES %s),
                    paid AS (UPDATE bills SET paid = bills.paid + parts.amount FROM parts WHERE bills.id = parts.bill_id
                             RETURNING bills.id),
                    """.formatted(rows));
            afterBills = " WHERE (SELECT COUNT(*) FROM paid) = " + parts;
        }
        sql.append("""
                n AS (INSERT INTO receipt_sequences (branch_code, receipt_year, last_number) SELECT :branch, :year, 1%s
                      ON CONFLICT (branch_code, receipt_year)
                      DO UPDATE SET last_number = receipt_sequences.last_number + 1
                      RETURNING last_number),
                p AS (INSERT INTO payments (%s, receipt_number)
                      SELECT %s, :prefix || CASE WHEN n.last_number < 1000000
                                 THEN lpad(n.last_number::text, 6, '0') ELSE n.last_number::text END
                      FROM n RETURNING id, receipt_number)""".formatted(afterBills, COLUMNS, VALUES));
        if (parts > 0) {
            sql.append("""
                    ,
                    allocated AS (INSERT INTO payment_allocations (payment_id, bill_id, amount)
                                  SELECT p.id, parts.bill_id, parts.amount FROM p CROSS JOIN parts)""");
        }
        sql.append("\nSELECT id, receipt_number FROM p");
        return sql.toString();
    });

    private PaymentWrite() {
    }

    /**
     * PostgreSQL: each bill's part, then the branch's next receipt number, the payment with it and its
     * allocations, in one statement (before: the payment, two statements per bill, then the number). The
     * number's row waits for the bills' update ({@code n} reads {@code paid}), so it is still taken after
     * the bills' rows; the payment's insert and its foreign-key checks follow it within the statement.
     */
    static Written inOneStatement(Handle h, NewPayment p, List<Part> parts) {
        var q = bindRow(h.createQuery(ONE_STATEMENT.of(parts.size())), p)
                .bind("year", p.receiptYear()).bind("prefix", p.branch() + "-" + p.receiptYear() + "-");
        for (int i = 0; i < parts.size(); i++) {
            q.bind("bill" + i, parts.get(i).billId()).bind("part" + i, parts.get(i).amount());
        }
        // no row: a bill the customer's lock should have kept was not there to pay; nothing is written
        return q.map((rs, x) -> new Written(rs.getLong(1), rs.getString(2))).one();
    }

    /** H2: the payment, then each bill's part and allocation, then the receipt number in three statements. */
    static Written inSteps(Handle h, NewPayment p, List<Part> parts) {
        long id = bindRow(h.createUpdate("INSERT INTO payments (%s) VALUES (%s)".formatted(COLUMNS, VALUES)), p)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        for (Part part : parts) {
            h.execute("UPDATE bills SET paid = paid + ? WHERE id = ?", part.amount(), part.billId());
            h.execute("INSERT INTO payment_allocations (payment_id, bill_id, amount) VALUES (?, ?, ?)", id, part.billId(), part.amount());
        }
        String branch = p.branch();
        int year = p.receiptYear();
        int updated = h.execute("UPDATE receipt_sequences SET last_number = last_number + 1 WHERE branch_code = ? AND receipt_year = ?",
                branch, year);
        if (updated == 0) {
            h.execute("INSERT INTO receipt_sequences (branch_code, receipt_year, last_number) VALUES (?, ?, 1)", branch, year);
        }
        int n = h.createQuery("SELECT last_number FROM receipt_sequences WHERE branch_code = :b AND receipt_year = :y")
                .bind("b", branch).bind("y", year).mapTo(Integer.class).one();
        String number = "%s-%d-%06d".formatted(branch, year, n);
        h.execute("UPDATE payments SET receipt_number = ? WHERE id = ?", number, id);
        return new Written(id, number);
    }

    private static <S extends SqlStatement<S>> S bindRow(S s, NewPayment p) {
        PaymentService.Request r = p.request();
        return s.bind("branch", p.branch()).bind("customer", r.customerCode())
                .bind("amount", r.amount()).bind("method", r.method().name()).bind("tendered", r.tendered())
                .bind("change", p.change()).bind("counter", r.counterId()).bind("ticket", r.ticketId())
                .bind("clerk", p.clerkId()).bind("now", p.now()).bind("takenAt", p.takenAt()).bind("offline", r.offline())
                .bind("credit", p.credit()).bind("review", p.needsReview())
                .bind("code", p.verificationCode()).bind("late", p.late()).bind("approvedBy", p.approvedBy());
    }
}
