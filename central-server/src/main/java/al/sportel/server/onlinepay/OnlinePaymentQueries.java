package al.sportel.server.onlinepay;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of online payments. */
final class OnlinePaymentQueries {

    record Row(long id, String ref, String provider, String providerRef, String customerCode, long amount, String status,
               Instant createdAt, String receiptNumber, String verificationCode) {
    }

    private static final String SELECT = """
            SELECT o.id, o.ref, o.provider, o.provider_ref, o.customer_code, o.amount, o.status, o.created_at,
                   k.receipt_number, k.verification_code
            FROM online_payments o LEFT JOIN channel_payments k ON k.id = o.channel_payment_id
            """;

    private OnlinePaymentQueries() {
    }

    static long owed(Handle h, String customerCode) {
        return h.createQuery("SELECT COALESCE(SUM(amount - paid), 0) FROM bills WHERE customer_code = :c AND paid < amount")
                .bind("c", customerCode).mapTo(Long.class).one();
    }

    static void insert(Handle h, String ref, String provider, String providerRef, String customerCode, long amount, Instant now) {
        h.execute("""
                INSERT INTO online_payments (ref, provider, provider_ref, customer_code, amount, status, created_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING', ?)
                """, ref, provider, providerRef, customerCode, amount, now);
    }

    static Optional<Row> byRef(Handle h, String ref) {
        return h.createQuery(SELECT + " WHERE o.ref = :r").bind("r", ref).map((rs, c) -> row(rs)).findOne();
    }

    static Optional<Row> byProviderRef(Handle h, String provider, String providerRef) {
        return h.createQuery(SELECT + " WHERE o.provider = :p AND o.provider_ref = :r").bind("p", provider).bind("r", providerRef)
                .map((rs, c) -> row(rs)).findOne();
    }

    /**
     * Locks the payment for the rest of the transaction and counts the delivery: parallel deliveries of one
     * webhook wait here for each other, and the second sees what the first decided.
     */
    static boolean lockAndCount(Handle h, String provider, String providerRef) {
        boolean found = h.createQuery("SELECT id FROM online_payments WHERE provider = :p AND provider_ref = :r FOR UPDATE")
                .bind("p", provider).bind("r", providerRef).mapTo(Long.class).findOne().isPresent();
        if (found) {
            h.execute("UPDATE online_payments SET webhooks = webhooks + 1 WHERE provider = ? AND provider_ref = ?", provider, providerRef);
        }
        return found;
    }

    static void settle(Handle h, long id, String status, Instant now, Long channelPaymentId) {
        h.execute("UPDATE online_payments SET status = ?, settled_at = ?, channel_payment_id = ? WHERE id = ?",
                status, now, channelPaymentId, id);
    }

    /** Keeps what the provider says it took; the ledger is not touched. */
    static void mismatch(Handle h, long id, long reported, Instant now) {
        h.execute("UPDATE online_payments SET status = 'AMOUNT_MISMATCH', reported_amount = ?, settled_at = ? WHERE id = ?",
                reported, now, id);
    }

    record Mismatch(String ref, String provider, String providerRef, String customerCode, long amount, long reportedAmount,
                    Instant createdAt, Instant reportedAt, int webhooks) {
    }

    static List<Mismatch> mismatches(Handle h) {
        return h.createQuery("""
                SELECT ref, provider, provider_ref, customer_code, amount, reported_amount, created_at, settled_at, webhooks
                FROM online_payments WHERE status = 'AMOUNT_MISMATCH' ORDER BY settled_at, id
                """).map((rs, c) -> new Mismatch(rs.getString("ref"), rs.getString("provider"), rs.getString("provider_ref"),
                        rs.getString("customer_code"), rs.getLong("amount"), rs.getLong("reported_amount"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("settled_at", OffsetDateTime.class).toInstant(), rs.getInt("webhooks"))).list();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("ref"), rs.getString("provider"), rs.getString("provider_ref"),
                rs.getString("customer_code"), rs.getLong("amount"), rs.getString("status"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("receipt_number"),
                rs.getString("verification_code"));
    }
}
