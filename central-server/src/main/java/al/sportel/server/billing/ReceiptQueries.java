package al.sportel.server.billing;

import al.sportel.model.Money;
import al.sportel.model.billing.ReceiptCheck;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The SQL behind printed receipts and their public verification. */
public final class ReceiptQueries {

    /** What the receipt's paper shows beyond the payment itself. */
    public record Header(String branchName, String branchAddress, int counterNumber, String customerName) {
    }

    private final Database db;

    public ReceiptQueries(Database db) {
        this.db = db;
    }

    public Header header(long paymentId) {
        return db.read(h -> h.createQuery("""
                        SELECT b.name, b.address, c.counter_number, cu.name AS customer
                        FROM payments p JOIN branches b ON b.code = p.branch_code JOIN counters c ON c.id = p.counter_id
                        JOIN customers cu ON cu.code = p.customer_code WHERE p.id = :id
                        """)
                .bind("id", paymentId)
                .map((rs, x) -> new Header(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
                .one());
    }

    /**
     * By the unguessable verification code only: receipt numbers are counted and could be enumerated. A
     * counter's receipt names its centre, a channel's (online card payments) its partner. The time paid is
     * the one on the paper: when the counter took the money (taken_at) or the partner says it was paid (paid_at).
     */
    public Optional<ReceiptCheck> verify(String code) {
        if (!ReceiptCodes.plausible(code)) {
            return Optional.empty();
        }
        return db.read(h -> h.createQuery("""
                        SELECT p.receipt_number, p.amount, p.created_at, p.taken_at, b.name,
                               (SELECT COUNT(*) FROM payment_voids v WHERE v.payment_id = p.id) AS voids
                        FROM payments p JOIN branches b ON b.code = p.branch_code WHERE p.verification_code = :c
                        UNION ALL
                        SELECT k.receipt_number, k.amount, k.received_at, k.paid_at, c.name,
                               (SELECT COUNT(*) FROM channel_reversals r WHERE r.payment_id = k.id)
                        FROM channel_payments k JOIN channel_partners c ON c.id = k.partner_id WHERE k.verification_code = :c
                        """)
                .bind("c", code)
                .map((rs, x) -> new ReceiptCheck(rs.getString(1), Money.format(rs.getLong(2)),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getString(5), rs.getInt(6) > 0))
                .findOne());
    }

    public ReceiptCheck verifyOrThrow(String code) {
        return verify(code).orElseThrow(() -> ApiException.notFound("No receipt with that verification code"));
    }
}
