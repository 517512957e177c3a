package al.sportel.server.billing;

import al.sportel.model.BusinessTime;
import al.sportel.model.Money;
import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.model.billing.Customer;
import al.sportel.model.billing.PaidBill;
import al.sportel.model.billing.Payment;
import al.sportel.model.billing.UnpaidBill;
import al.sportel.server.admin.AuditLog;
import al.sportel.server.auth.Access;
import al.sportel.server.auth.Users;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.PublicLinks;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Taking money: oldest bills first, part payments, change for cash, and voids as reversal records.
 * The customer's row is locked for the whole payment, so two counters paying the same bills at once
 * are serialised and can never together pay more than is owed.
 */
public final class PaymentService {

    public enum Method { CASH, CARD }

    /**
     * {@code offline}: taken at the counter while the server was unreachable, at {@code takenAt}. Such
     * money is never refused: what the bills no longer owe becomes the customer's credit, flagged for review.
     * {@code takenBy}: the username of who took it, when a supervisor (or an admin) enters it for her; null when the
     * sender took it herself.
     */
    public record Request(String customerCode, long amount, Method method, Long tendered, long counterId, String ticketId,
                          boolean offline, Instant takenAt, String takenBy) {
    }

    private record Bill(long id, String period, long owed) {
    }

    /** The Idempotency-Key scope of counter payments. */
    static final String KEYS = "payments";

    private final Database db;
    private final Clock clock;
    private final PublicLinks links;
    private final AuditLog audit;

    /** {@code links} builds each payment's {@code verificationUrl} from the configured public URL. */
    public PaymentService(Database db, Clock clock, PublicLinks links) {
        this.db = db;
        this.clock = clock;
        this.links = links;
        this.audit = new AuditLog(clock);
    }

    public Customer customer(String code) {
        return db.read(h -> {
            record CustomerRow(String code, String name, String address) {
            }
            CustomerRow c = h.createQuery("SELECT code, name, address FROM customers WHERE code = :c").bind("c", code)
                    .map((rs, x) -> new CustomerRow(rs.getString(1), rs.getString(2), rs.getString(3))).findOne()
                    .orElseThrow(() -> ApiException.notFound("No customer with code " + code));
            List<UnpaidBill> bills = h.createQuery("""
                            SELECT id, period, amount - paid AS owed, due_date FROM bills
                            WHERE customer_code = :c AND paid < amount ORDER BY due_date, id
                            """)
                    .bind("c", code)
                    .map((rs, x) -> new UnpaidBill(rs.getLong(1), rs.getString(2), Money.format(rs.getLong(3)),
                            rs.getObject(4, LocalDate.class)))
                    .list();
            long balance = bills.stream().mapToLong(b -> Money.parse(b.amount())).sum();
            return new Customer(c.code(), c.name(), c.address(), bills, Money.format(balance), Money.format(CustomerLedger.credit(h, code)),
                    CustomerLedger.lastPayments(h, code, 5));
        });
    }

    /** Of {@code keys}, the Idempotency-Keys of payments {@code clerk} sent that are booked. */
    public List<String> booked(UserInfo clerk, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return db.read(h -> h.createQuery("""
                        SELECT idem_key FROM idempotency_keys WHERE scope = :scope AND user_id = :u AND idem_key IN (<keys>)
                        """)
                .bind("scope", KEYS).bind("u", clerk.id()).bindList("keys", keys).mapTo(String.class).list());
    }

    /**
     * Inside the caller's transaction (the idempotency key is stored in the same one). {@code sender} took the money,
     * or, with {@link Request#takenBy}, is the supervisor (or admin) entering it for the user who did.
     */
    public Payment pay(Handle h, UserInfo sender, Request r) {
        if (r.takenBy() != null) {
            // the sender's own centre first: another centre's supervisor learns nothing of this one's users
            Access.requireBranch(sender, CounterHolding.forPayment(h, sender.id(), r.counterId(), r.ticketId())
                    .orElseThrow(() -> ApiException.invalid("counterId", "no such counter")).now().branchCode());
            if (r.takenAt() == null) {
                throw ApiException.invalid("takenAt", "is required with takenBy: when the money was taken");
            }
        }
        // who took the money: the payment is hers (the cash report, the receipt's operator); the sender approved it
        UserInfo clerk = r.takenBy() == null ? sender : takenBy(h, r.takenBy());
        if (r.takenBy() != null && clerk.id() == sender.id()) {
            throw ApiException.invalid("takenBy", "names the sender: another supervisor or an admin approves her own late payment");
        }
        UserInfo approver = r.takenBy() == null ? null : sender;
        // the counter's branch, whether this clerk holds it now and whether the ticket is of that branch, in one read
        CounterHolding.ForPayment checked = CounterHolding.forPayment(h, clerk.id(), r.counterId(), r.ticketId())
                .orElseThrow(() -> ApiException.invalid("counterId", "no such counter"));
        CounterHolding.Now at = checked.now();
        String branch = at.branchCode();
        Access.requireBranch(sender, branch);
        if (approver != null && !branch.equals(clerk.branchCode())) {
            throw ApiException.invalid("takenBy", "is not staff of centre " + branch);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant takenAt = r.offline() && r.takenAt() != null ? r.takenAt().truncatedTo(ChronoUnit.MICROS) : now;
        if (approver != null) {
            // whoever is named, whatever she holds now: she held this counter when the money was taken
            if (!CounterHolding.heldAt(h, clerk.id(), r.counterId(), takenAt)) {
                throw ApiException.invalid("takenBy", "did not hold this counter at takenAt");
            }
        } else if (clerk.role() == Role.CLERK && !at.held() && !(r.offline() && CounterHolding.heldAt(h, clerk.id(), r.counterId(), takenAt))) {
            throw ApiException.forbidden("You take payments only at the counter you have open");
        }
        if (!checked.ticketInBranch()) {
            throw ApiException.invalid("ticketId", "no such ticket in this branch");
        }
        h.createQuery("SELECT code FROM customers WHERE code = :c FOR UPDATE").bind("c", r.customerCode())
                .mapTo(String.class).findOne()
                .orElseThrow(() -> ApiException.invalid("customerCode", "no customer with this code"));
        List<Bill> bills = h.createQuery("""
                        SELECT id, period, amount - paid FROM bills WHERE customer_code = :c AND paid < amount
                        ORDER BY due_date, id
                        """)
                .bind("c", r.customerCode())
                .map((rs, x) -> new Bill(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
        long owed = bills.stream().mapToLong(Bill::owed).sum();
        if (r.amount() > owed && !r.offline()) {
            throw ApiException.invalid("amount", "is more than the customer owes (" + Money.format(owed) + " lek)");
        }
        long credit = Math.max(0, r.amount() - owed);
        // Money taken on a day whose shift is over is kept, but shown apart: a closed day is never silently rewritten.
        boolean late = r.offline() && LocalDate.ofInstant(takenAt, BusinessTime.ZONE).isBefore(LocalDate.ofInstant(now, BusinessTime.ZONE));
        long change = r.method() == Method.CASH ? r.tendered() - r.amount() : 0;
        String verificationCode = ReceiptCodes.newCode();
        // by due date, then bill: the order load reads them in
        List<PaidBill> paid = new ArrayList<>();
        List<PaymentWrite.Part> parts = new ArrayList<>();
        long left = r.amount() - credit;
        for (Bill b : bills) {
            if (left == 0) {
                break;
            }
            long part = Math.min(left, b.owed());
            parts.add(new PaymentWrite.Part(b.id(), part));
            paid.add(new PaidBill(b.id(), b.period(), Money.format(part)));
            left -= part;
        }
        var row = new PaymentWrite.NewPayment(branch, r, clerk.id(), now, takenAt, change, credit, credit > 0 || late, verificationCode, late,
                approver == null ? null : approver.id());
        PaymentWrite.Written written = db.isPostgres() ? PaymentWrite.inOneStatement(h, row, parts) : PaymentWrite.inSteps(h, row, parts);
        if (approver != null) {
            audit.record(h, approver, branch, late ? "payment.late-entry-approved" : "payment.entered-for",
                    "payment " + written.receiptNumber(), "taken by " + clerk.username() + " at " + takenAt.truncatedTo(ChronoUnit.SECONDS)
                            + (r.offline() ? " offline, " : ", ") + Money.format(r.amount()) + " " + r.method().name());
        }
        // the payment as written, without reading it back (load gives the same for a new payment; the clerk is
        // the session's, which another node's rename reaches within SessionCache.MAX_AGE, or the named one read above)
        return new Payment(written.id(), written.receiptNumber(), r.customerCode(), Money.format(r.amount()), r.method().name(),
                r.tendered() == null ? null : Money.format(r.tendered()), Money.format(change), paid, now, r.counterId(), clerk,
                branch, r.ticketId(), false, takenAt, r.offline(), Money.format(credit), credit > 0 || late, verificationCode,
                verificationUrl(verificationCode), late, approver == null ? null : approver.username());
    }

    /** The active clerk or supervisor a supervisor names as who took a payment; a 422 on {@code takenBy} otherwise. */
    private static UserInfo takenBy(Handle h, String username) {
        UserInfo u = h.createQuery("""
                        SELECT id, username, display_name, role, branch_code FROM users WHERE username = :u AND active
                        """)
                .bind("u", username.toLowerCase(Locale.ROOT)).map((rs, x) -> Users.fromRow(rs, "id", "branch_code")).findOne()
                .orElseThrow(() -> ApiException.invalid("takenBy", "is no active user"));
        if (u.role() != Role.CLERK && u.role() != Role.SUPERVISOR) {
            throw ApiException.invalid("takenBy", "is not a clerk or a supervisor");
        }
        return u;
    }

    public Payment get(UserInfo user, long id) {
        Payment p = db.read(h -> load(h, id)).orElseThrow(() -> ApiException.notFound("No payment " + id));
        Access.requireBranch(user, p.branchCode());
        return p;
    }

    /** A supervisor's reversal: the payment stays, a void record is added and the bills owe again. */
    public Payment voidPayment(UserInfo supervisor, long id, String reason) {
        return db.tx(h -> voidPayment(h, supervisor, id, reason));
    }

    /** Inside the caller's transaction (an idempotency key may be stored in the same one). */
    public Payment voidPayment(Handle h, UserInfo supervisor, long id, String reason) {
        if (supervisor.role() != Role.SUPERVISOR && supervisor.role() != Role.ADMIN) {
            throw ApiException.forbidden("Only a supervisor voids a payment");
        }
        {
            Payment p = load(h, id).orElseThrow(() -> ApiException.notFound("No payment " + id));
            Access.requireBranch(supervisor, p.branchCode());
            h.createQuery("SELECT code FROM customers WHERE code = :c FOR UPDATE").bind("c", p.customerCode()).mapTo(String.class).one();
            if (p.voided()) {
                throw ApiException.conflict("already-voided", "Receipt " + p.receiptNumber() + " is already voided");
            }
            h.execute("INSERT INTO payment_voids (payment_id, reason, user_id, created_at) VALUES (?, ?, ?, ?)",
                    id, reason, supervisor.id(), clock.instant());
            h.execute("""
                    UPDATE bills SET paid = paid - (SELECT a.amount FROM payment_allocations a WHERE a.payment_id = ? AND a.bill_id = bills.id)
                    WHERE id IN (SELECT bill_id FROM payment_allocations WHERE payment_id = ?)
                    """, id, id);
            return load(h, id).orElseThrow();
        }
    }

    /** Payments recorded before verification codes existed get theirs at the next start. */
    private String verificationUrl(String code) {
        return code == null ? null : links.to(ReceiptPage.PATH + code);
    }

    Optional<Payment> load(Handle h, long id) {
        return h.createQuery("""
                        SELECT p.*, u.username, u.display_name, u.role, u.branch_code AS ubranch,
                               (SELECT COUNT(*) FROM payment_voids v WHERE v.payment_id = p.id) AS voids,
                               a.username AS approver
                        FROM payments p JOIN users u ON u.id = p.clerk_user_id LEFT JOIN users a ON a.id = p.approved_by_user_id
                        WHERE p.id = :id
                        """)
                .bind("id", id)
                .map((rs, x) -> {
                    long tendered = rs.getLong("tendered");
                    boolean hasTendered = !rs.wasNull();
                    return new Payment(rs.getLong("id"), rs.getString("receipt_number"), rs.getString("customer_code"),
                            Money.format(rs.getLong("amount")), rs.getString("method"), hasTendered ? Money.format(tendered) : null,
                            Money.format(rs.getLong("change_due")), new ArrayList<>(),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("counter_id"),
                            Users.fromRow(rs, "clerk_user_id", "ubranch"),
                            rs.getString("branch_code"), rs.getString("ticket_id"), rs.getInt("voids") > 0,
                            rs.getObject("taken_at", OffsetDateTime.class).toInstant(), rs.getBoolean("offline"),
                            Money.format(rs.getLong("credit")), rs.getBoolean("needs_review"), rs.getString("verification_code"),
                            verificationUrl(rs.getString("verification_code")), rs.getBoolean("late_entry"), rs.getString("approver"));
                })
                .findOne()
                .map(p -> {
                    p.paidBills().addAll(h.createQuery("""
                                    SELECT a.bill_id, b.period, a.amount FROM payment_allocations a JOIN bills b ON b.id = a.bill_id
                                    WHERE a.payment_id = :id ORDER BY b.due_date, b.id
                                    """)
                            .bind("id", id)
                            .map((rs, x) -> new PaidBill(rs.getLong(1), rs.getString(2), Money.format(rs.getLong(3))))
                            .list());
                    return p;
                });
    }
}
