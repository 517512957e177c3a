package al.sportel.server.channels;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of settlement files and of the payments they are matched against. */
final class SettlementQueries {

    record File(long id, String bodyHash, Instant receivedAt) {
    }

    record FileLine(long id, int number, String reference, String customerCode, long amount, Instant paidAt) {
    }

    record LineOfPartner(long partnerId, FileLine line) {
    }

    /**
     * {@code filedEarlier}/{@code filedLater}: a file of an earlier or a later day (within {@link #FILED_WITHIN})
     * names it. The earliest file naming a payment reconciles it; a later one listing it again lists a duplicate.
     */
    record Received(long id, String reference, String customerCode, long amount, Instant paidAt, LocalDate paidDate,
                    String receiptNumber, boolean reversed, boolean filedEarlier, boolean filedLater) {

        boolean filedElsewhere() {
            return filedEarlier || filedLater;
        }
    }

    /** How many days apart a payment and the file naming it may be (a payment late at night is filed next day). */
    static final int FILED_WITHIN = 7;

    private SettlementQueries() {
    }

    static Optional<File> find(Handle h, long partnerId, LocalDate date) {
        return h.createQuery("SELECT id, body_hash, received_at FROM channel_settlements WHERE partner_id = :p AND business_date = :d")
                .bind("p", partnerId).bind("d", date)
                .map((rs, c) -> new File(rs.getLong(1), rs.getString(2), PartnerQueries.instant(rs, "received_at")))
                .findOne();
    }

    /** The day's file, its row held until the transaction ends: one upload of the day at a time decides and writes. */
    static Optional<File> findForUpdate(Handle h, long partnerId, LocalDate date) {
        return h.createQuery("""
                        SELECT id, body_hash, received_at FROM channel_settlements WHERE partner_id = :p AND business_date = :d
                        FOR UPDATE
                        """)
                .bind("p", partnerId).bind("d", date)
                .map((rs, c) -> new File(rs.getLong(1), rs.getString(2), PartnerQueries.instant(rs, "received_at")))
                .findOne();
    }

    static long insert(Handle h, long partnerId, LocalDate date, String hash, Instant now) {
        return h.createUpdate("""
                        INSERT INTO channel_settlements (partner_id, business_date, body_hash, received_at) VALUES (:p, :d, :h, :now)
                        """)
                .bind("p", partnerId).bind("d", date).bind("h", hash).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static void replace(Handle h, long id, String hash, Instant now) {
        h.execute("DELETE FROM channel_settlement_lines WHERE settlement_id = ?", id);
        h.execute("UPDATE channel_settlements SET body_hash = ?, received_at = ? WHERE id = ?", hash, now, id);
    }

    static void insertLines(Handle h, long settlementId, List<SettlementFile.Line> lines) {
        var batch = h.prepareBatch("""
                INSERT INTO channel_settlement_lines (settlement_id, line_number, partner_reference, customer_code, amount, paid_at)
                VALUES (:s, :n, :r, :c, :a, :t)
                """);
        for (SettlementFile.Line l : lines) {
            batch.bind("s", settlementId).bind("n", l.number()).bind("r", l.reference()).bind("c", l.customerCode())
                    .bind("a", l.amount()).bind("t", l.paidAt()).add();
        }
        if (!lines.isEmpty()) {
            batch.execute();
        }
    }

    static List<FileLine> lines(Handle h, long settlementId) {
        return h.createQuery("""
                        SELECT id, line_number, partner_reference, customer_code, amount, paid_at FROM channel_settlement_lines
                        WHERE settlement_id = :s ORDER BY line_number
                        """)
                .bind("s", settlementId)
                .map((rs, c) -> new FileLine(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        PartnerQueries.instant(rs, "paid_at")))
                .list();
    }

    static Optional<LineOfPartner> line(Handle h, long lineId) {
        return h.createQuery("""
                        SELECT s.partner_id, l.id, l.line_number, l.partner_reference, l.customer_code, l.amount, l.paid_at
                        FROM channel_settlement_lines l JOIN channel_settlements s ON s.id = l.settlement_id WHERE l.id = :id
                        """)
                .bind("id", lineId)
                .map((rs, c) -> new LineOfPartner(rs.getLong(1), new FileLine(rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), PartnerQueries.instant(rs, "paid_at"))))
                .findOne();
    }

    /**
     * The partner's payments of the day, and any other day's that the file names (paid late at night, filed next
     * day); each says whether a file of an earlier or a later day within {@link #FILED_WITHIN} names it.
     */
    static List<Received> received(Handle h, long partnerId, LocalDate date, Optional<Long> settlementId) {
        return h.createQuery("""
                        SELECT p.id, p.partner_reference, p.customer_code, p.amount, p.paid_at, p.paid_date, p.receipt_number,
                               (SELECT COUNT(*) FROM channel_reversals v WHERE v.payment_id = p.id) AS reversals,
                               (SELECT COUNT(*) FROM channel_settlements s JOIN channel_settlement_lines l ON l.settlement_id = s.id
                                WHERE s.partner_id = :p AND s.business_date >= :from AND s.business_date < :d
                                  AND l.partner_reference = p.partner_reference) AS earlier,
                               (SELECT COUNT(*) FROM channel_settlements s JOIN channel_settlement_lines l ON l.settlement_id = s.id
                                WHERE s.partner_id = :p AND s.business_date > :d AND s.business_date <= :to
                                  AND l.partner_reference = p.partner_reference) AS later
                        FROM channel_payments p
                        WHERE p.partner_id = :p AND (p.paid_date = :d OR EXISTS (
                            SELECT 1 FROM channel_settlement_lines l WHERE l.settlement_id = :s AND l.partner_reference = p.partner_reference))
                        ORDER BY p.paid_at, p.id
                        """)
                .bind("p", partnerId).bind("d", date).bind("s", settlementId.orElse(-1L))
                .bind("from", date.minusDays(FILED_WITHIN)).bind("to", date.plusDays(FILED_WITHIN))
                .map((rs, c) -> new Received(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        PartnerQueries.instant(rs, "paid_at"), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getInt(8) > 0,
                        rs.getInt(9) > 0, rs.getInt(10) > 0))
                .list();
    }
}
