package al.sportel.server.citizen;

import al.sportel.model.Formats;
import al.sportel.model.Money;
import al.sportel.model.billing.LastPayment;
import al.sportel.model.citizen.AccountSummary;
import al.sportel.server.billing.ReceiptPage;
import al.sportel.server.channels.CustomerLedger;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import al.sportel.slip.Slip;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A verified customer's own ledger for the phone app: the account with credit and payments, and the
 * citizen's copy of any of their receipts, whichever channel took the money. Every query is bound to the
 * session's customer code, so no other customer's payment can be named into view.
 */
final class AppLedger {

    static final String RECEIPTS = "/api/v1/public/app/receipts/";
    private static final int PAYMENTS_SHOWN = 10;

    private final Database db;
    private final AccountQueries accounts;

    AppLedger(Database db, AccountQueries accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    AppAccount account(String customerCode) {
        AccountSummary summary = accounts.summary(customerCode);
        return db.read(h -> {
            Map<String, String> codes = h.createQuery("""
                            SELECT receipt_number, verification_code FROM payments WHERE customer_code = :c AND verification_code IS NOT NULL
                            UNION ALL
                            SELECT receipt_number, verification_code FROM channel_payments WHERE customer_code = :c AND verification_code IS NOT NULL
                            """)
                    .bind("c", customerCode).map((rs, x) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            List<AppAccount.Payment> payments = CustomerLedger.lastPayments(h, customerCode, PAYMENTS_SHOWN).stream()
                    .map(p -> payment(p, codes.get(p.receiptNumber()))).toList();
            return new AppAccount(customerCode, summary.initials(), summary.amountDue(),
                    Money.format(CustomerLedger.credit(h, customerCode)), summary.unpaidBills(), payments);
        });
    }

    private static AppAccount.Payment payment(LastPayment p, String verificationCode) {
        return new AppAccount.Payment(p.receiptNumber(), p.amount(), p.channel(), p.partner(), p.paidAt(), p.cancelled(),
                RECEIPTS + p.receiptNumber(), verificationCode == null ? null : ReceiptPage.PATH + verificationCode);
    }

    /** The citizen's copy of one of their receipts, or 404 for a number that is not theirs. */
    Slip receipt(String customerCode, String receiptNumber, boolean english, String publicBase) {
        if (!receiptNumber.matches("[A-Za-z0-9-]{1,30}")) {
            throw ApiException.notFound("No receipt with this number on this account");
        }
        Found f = db.read(h -> counterReceipt(h, customerCode, receiptNumber).or(() -> channelReceipt(h, customerCode, receiptNumber)))
                .orElseThrow(() -> ApiException.notFound("No receipt with this number on this account"));
        Slip.Builder slip = Slip.builder().title("SPORTEL").center(f.place()).rule()
                .title(english ? "PAYMENT RECEIPT (COPY)" : "MANDAT PAGESE (KOPJE)");
        if (f.cancelled()) {
            slip.title(english ? "CANCELLED" : "ANULUAR");
        }
        slip.row(english ? "Receipt" : "Mandati", f.number()).row(english ? "Date" : "Data", Formats.dateTime(f.paidAt()))
                .row(english ? "Customer" : "Klienti", customerCode).rule().boldRow(english ? "Bills" : "Faturat", "");
        f.bills().forEach(b -> slip.row(b.getKey(), Formats.money(b.getValue())));
        slip.rule().boldRow(english ? "Total" : "Totali", Formats.money(f.amount()));
        String thanks = english ? "Thank you!" : "Faleminderit!";
        return f.verificationCode() == null ? slip.rule().center(thanks).build()
                : slip.rule().build(publicBase + ReceiptPage.PATH + f.verificationCode(), thanks);
    }

    private record Found(String number, String place, long amount, Instant paidAt, boolean cancelled, String verificationCode,
                         List<Map.Entry<String, Long>> bills) {
    }

    private static Optional<Found> counterReceipt(Handle h, String customer, String number) {
        return h.createQuery("""
                        SELECT p.id, b.name, p.amount, p.taken_at, p.verification_code,
                               (SELECT COUNT(*) FROM payment_voids v WHERE v.payment_id = p.id) AS voids
                        FROM payments p JOIN branches b ON b.code = p.branch_code
                        WHERE p.customer_code = :c AND p.receipt_number = :n
                        """)
                .bind("c", customer).bind("n", number)
                .map((rs, x) -> new Found(number, rs.getString(2), rs.getLong(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getInt(6) > 0, rs.getString(5), bills(h, "payment_allocations", rs.getLong(1))))
                .findOne();
    }

    private static Optional<Found> channelReceipt(Handle h, String customer, String number) {
        return h.createQuery("""
                        SELECT k.id, c.name, k.amount, k.paid_at,
                               (SELECT COUNT(*) FROM channel_reversals r WHERE r.payment_id = k.id) AS reversals, k.verification_code
                        FROM channel_payments k JOIN channel_partners c ON c.id = k.partner_id
                        WHERE k.customer_code = :c AND k.receipt_number = :n
                        """)
                .bind("c", customer).bind("n", number)
                .map((rs, x) -> new Found(number, rs.getString(2), rs.getLong(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getInt(5) > 0, rs.getString(6), bills(h, "channel_payment_allocations", rs.getLong(1))))
                .findOne();
    }

    private static List<Map.Entry<String, Long>> bills(Handle h, String table, long paymentId) {
        return h.createQuery("SELECT b.period, a.amount FROM " + table + " a JOIN bills b ON b.id = a.bill_id WHERE a.payment_id = :p ORDER BY b.period")
                .bind("p", paymentId).map((rs, x) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
    }
}
