package al.sportel.server.channels;

import al.sportel.model.BusinessTime;
import al.sportel.model.Money;
import al.sportel.model.channels.ChannelPayment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of channel payments, their allocations to bills and their reversals. */
final class ChannelPaymentQueries {

    record Existing(long id, String requestHash, String response, String customerCode, long amount, Instant receivedAt) {
    }

    record Bill(long id, String period, long owed, LocalDate dueDate) {
    }

    record NewPayment(long partnerId, String reference, String hash, String receiptNumber, String customerCode, long amount,
                      long credit, String method, Instant paidAt, Instant receivedAt, String source, Long createdBy,
                      String verificationCode) {
    }

    private ChannelPaymentQueries() {
    }

    static Optional<Existing> byReference(Handle h, long partnerId, String reference) {
        return h.createQuery("""
                        SELECT id, request_hash, response, customer_code, amount, received_at FROM channel_payments
                        WHERE partner_id = :p AND partner_reference = :r
                        """)
                .bind("p", partnerId).bind("r", reference)
                .map((rs, c) -> new Existing(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        PartnerQueries.instant(rs, "received_at")))
                .findOne();
    }

    /** Locks the customer for the rest of the transaction: counter and channel payments to one customer queue up here. */
    static boolean lockCustomer(Handle h, String code) {
        return h.createQuery("SELECT code FROM customers WHERE code = :c FOR UPDATE").bind("c", code).mapTo(String.class).findOne().isPresent();
    }

    static Optional<String> customerName(Handle h, String code) {
        return h.createQuery("SELECT name FROM customers WHERE code = :c").bind("c", code).mapTo(String.class).findOne();
    }

    /** Oldest first, as at the counter. */
    static List<Bill> unpaidBills(Handle h, String code) {
        return h.createQuery("""
                        SELECT id, period, amount - paid AS owed, due_date FROM bills
                        WHERE customer_code = :c AND paid < amount ORDER BY due_date, id
                        """)
                .bind("c", code)
                .map((rs, x) -> new Bill(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class)))
                .list();
    }

    /** Receipt numbers run per partner and year without gaps: CH-BKT-2026-000123. */
    static String nextReceiptNumber(Handle h, long partnerId, String partnerCode, Instant now) {
        int year = LocalDate.ofInstant(now, BusinessTime.ZONE).getYear();
        int updated = h.execute("UPDATE channel_receipt_sequences SET last_number = last_number + 1 WHERE partner_id = ? AND receipt_year = ?",
                partnerId, year);
        if (updated == 0) {
            h.execute("INSERT INTO channel_receipt_sequences (partner_id, receipt_year, last_number) VALUES (?, ?, 1)", partnerId, year);
        }
        int n = h.createQuery("SELECT last_number FROM channel_receipt_sequences WHERE partner_id = :p AND receipt_year = :y")
                .bind("p", partnerId).bind("y", year).mapTo(Integer.class).one();
        return "CH-%s-%d-%06d".formatted(partnerCode, year, n);
    }

    static long insert(Handle h, NewPayment p) {
        return h.createUpdate("""
                        INSERT INTO channel_payments (partner_id, partner_reference, request_hash, receipt_number, customer_code, amount,
                                                      credit, method, paid_at, paid_date, received_at, source, created_by, response,
                                                      verification_code)
                        VALUES (:partner, :ref, :hash, :receipt, :customer, :amount, :credit, :method, :paidAt, :paidDate, :receivedAt,
                                :source, :createdBy, '', :code)
                        """)
                .bind("partner", p.partnerId()).bind("ref", p.reference()).bind("hash", p.hash()).bind("receipt", p.receiptNumber())
                .bind("customer", p.customerCode()).bind("amount", p.amount()).bind("credit", p.credit()).bind("method", p.method())
                .bind("paidAt", p.paidAt()).bind("paidDate", LocalDate.ofInstant(p.paidAt(), BusinessTime.ZONE))
                .bind("receivedAt", p.receivedAt()).bind("source", p.source()).bind("createdBy", p.createdBy())
                .bind("code", p.verificationCode())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static void allocate(Handle h, long paymentId, long billId, long amount) {
        h.execute("UPDATE bills SET paid = paid + ? WHERE id = ?", amount, billId);
        h.execute("INSERT INTO channel_payment_allocations (payment_id, bill_id, amount) VALUES (?, ?, ?)", paymentId, billId, amount);
    }

    static void storeResponse(Handle h, long paymentId, String response) {
        h.execute("UPDATE channel_payments SET response = ? WHERE id = ?", response, paymentId);
    }

    static Optional<Instant> reversedAt(Handle h, long paymentId) {
        return h.createQuery("SELECT reversed_at FROM channel_reversals WHERE payment_id = :p").bind("p", paymentId)
                .map((rs, c) -> PartnerQueries.instant(rs, "reversed_at")).findOne();
    }

    /**
     * Locks the partner for the rest of the transaction: a payment is booked, and a reversal that finds no payment is
     * recorded, one after the other, so neither misses the other (ADR 0020).
     */
    static void lockPartner(Handle h, long partnerId) {
        h.createQuery("SELECT id FROM channel_partners WHERE id = :p FOR UPDATE").bind("p", partnerId).mapTo(Long.class).one();
    }

    /** When the partner reversed this reference before any payment with it arrived, if it did. */
    static Optional<Instant> reversedBeforePayment(Handle h, long partnerId, String reference) {
        return h.createQuery("SELECT reversed_at FROM channel_early_reversals WHERE partner_id = :p AND partner_reference = :r")
                .bind("p", partnerId).bind("r", reference)
                .map((rs, c) -> PartnerQueries.instant(rs, "reversed_at")).findOne();
    }

    static void reverseBeforePayment(Handle h, long partnerId, String reference, Instant now) {
        h.execute("INSERT INTO channel_early_reversals (partner_id, partner_reference, reversed_at) VALUES (?, ?, ?)",
                partnerId, reference, now);
    }

    /** The bills owe again what this payment paid; the payment row stays, as at the counter. */
    static void reverse(Handle h, long paymentId, Instant now) {
        h.execute("INSERT INTO channel_reversals (payment_id, reversed_at) VALUES (?, ?)", paymentId, now);
        h.execute("""
                UPDATE bills SET paid = paid - (SELECT a.amount FROM channel_payment_allocations a WHERE a.payment_id = ? AND a.bill_id = bills.id)
                WHERE id IN (SELECT bill_id FROM channel_payment_allocations WHERE payment_id = ?)
                """, paymentId, paymentId);
    }

    static List<ChannelPayment.PaidBill> paidBills(Handle h, long paymentId) {
        return h.createQuery("""
                        SELECT a.bill_id, b.period, a.amount FROM channel_payment_allocations a JOIN bills b ON b.id = a.bill_id
                        WHERE a.payment_id = :id ORDER BY b.due_date, b.id
                        """)
                .bind("id", paymentId)
                .map((rs, x) -> new ChannelPayment.PaidBill(rs.getLong(1), rs.getString(2), Money.format(rs.getLong(3))))
                .list();
    }
}
