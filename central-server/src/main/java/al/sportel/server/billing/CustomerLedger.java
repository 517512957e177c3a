package al.sportel.server.billing;

import al.sportel.model.Money;
import al.sportel.model.billing.LastPayment;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What the customer view needs from every channel at once: the credit the customer holds (money paid
 * beyond the bills, at a counter or through a partner) and the latest payments with where they were made.
 */
public final class CustomerLedger {

    private CustomerLedger() {
    }

    public static long credit(Handle h, String customerCode) {
        return h.createQuery("""
                        SELECT (SELECT COALESCE(SUM(p.credit), 0) FROM payments p WHERE p.customer_code = :c
                                  AND NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id))
                             + (SELECT COALESCE(SUM(k.credit), 0) FROM channel_payments k WHERE k.customer_code = :c
                                  AND NOT EXISTS (SELECT 1 FROM channel_reversals r WHERE r.payment_id = k.id))
                        """)
                .bind("c", customerCode).mapTo(Long.class).one();
    }

    public static List<LastPayment> lastPayments(Handle h, String customerCode, int limit) {
        return h.createQuery("""
                        SELECT * FROM (
                            SELECT p.receipt_number, p.amount, CONCAT('COUNTER_', p.method) AS channel, CAST(NULL AS VARCHAR(100)) AS partner,
                                   p.taken_at AS paid_at, CASE WHEN v.payment_id IS NULL THEN FALSE ELSE TRUE END AS cancelled
                            FROM payments p LEFT JOIN payment_voids v ON v.payment_id = p.id WHERE p.customer_code = :c
                            UNION ALL
                            SELECT k.receipt_number, k.amount, c.kind, c.name, k.paid_at,
                                   CASE WHEN r.payment_id IS NULL THEN FALSE ELSE TRUE END
                            FROM channel_payments k JOIN channel_partners c ON c.id = k.partner_id
                            LEFT JOIN channel_reversals r ON r.payment_id = k.id WHERE k.customer_code = :c
                        ) x ORDER BY paid_at DESC, receipt_number DESC LIMIT :n
                        """)
                .bind("c", customerCode).bind("n", limit)
                .map((rs, x) -> new LastPayment(rs.getString("receipt_number"), Money.format(rs.getLong("amount")),
                        rs.getString("channel"), rs.getString("partner"), rs.getObject("paid_at", OffsetDateTime.class).toInstant(), rs.getBoolean("cancelled")))
                .list();
    }
}
