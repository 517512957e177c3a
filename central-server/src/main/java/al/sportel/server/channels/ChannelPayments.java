package al.sportel.server.channels;

import al.sportel.model.BusinessTime;
import al.sportel.model.Money;
import al.sportel.model.UserInfo;
import al.sportel.model.channels.ChannelCustomer;
import al.sportel.model.channels.ChannelPayment;
import al.sportel.model.channels.ChannelReversal;
import al.sportel.model.channels.Partner;
import al.sportel.model.channels.PartnerKind;
import al.sportel.server.admin.AuditLog;
import al.sportel.server.billing.ReceiptCodes;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Money from partners onto the one customer ledger: oldest bills first, the rest as credit, exactly
 * once per partner reference. The customer row is locked for the whole payment, as at the counter,
 * so a counter and a bank paying the same bill at once are served one after the other.
 */
public final class ChannelPayments {

    /** What a partner sends; {@link #hash()} is what "the same request" means for a replay. */
    record Request(String reference, String customerCode, long amount, Instant paidAt, String method) {
        String hash() {
            return Signature.sha256Hex(String.join("\n", reference, customerCode, Long.toString(amount),
                    paidAt.truncatedTo(ChronoUnit.MICROS).toString(), method == null ? "" : method));
        }
    }

    /** The answer, and whether it is the replay of an earlier one. */
    record Outcome(String json, boolean replayed) {
    }

    /** A payment just put on the ledger, for a feature that records it within its own transaction. */
    public record Recorded(long id, String receiptNumber, String verificationCode, long credit, String json) {
    }

    private final Database db;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AuditLog audit;

    public ChannelPayments(Database db, ObjectMapper mapper, Clock clock) {
        this.db = db;
        this.mapper = mapper;
        this.clock = clock;
        this.audit = new AuditLog(clock);
    }

    ChannelCustomer customer(String code) {
        return db.read(h -> {
            String name = ChannelPaymentQueries.customerName(h, code)
                    .orElseThrow(() -> ApiException.notFound("No customer with code " + code));
            List<ChannelPaymentQueries.Bill> bills = ChannelPaymentQueries.unpaidBills(h, code);
            return new ChannelCustomer(code, shortName(name), Money.format(bills.stream().mapToLong(ChannelPaymentQueries.Bill::owed).sum()),
                    bills.stream().map(b -> new ChannelCustomer.Bill(b.period(), Money.format(b.owed()), b.dueDate())).toList());
        });
    }

    /** "Fatmir Zeneli" → "F. Zeneli": enough for the customer to recognise, too little to be worth harvesting. */
    static String shortName(String full) {
        String[] parts = full.strip().split("\\s+");
        if (parts.length < 2) {
            return parts[0];
        }
        return parts[0].charAt(0) + ". " + parts[parts.length - 1];
    }

    Outcome pay(Partner partner, Request r) {
        return pay(partner, r, "API", null);
    }

    private Outcome pay(Partner partner, Request r, String source, UserInfo createdBy) {
        String hash = r.hash();
        for (int attempt = 0; ; attempt++) {
            try {
                return db.tx(h -> {
                    Optional<Outcome> earlier = replay(h, partner, r.reference(), hash);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                    if (!ChannelPaymentQueries.lockCustomer(h, r.customerCode())) {
                        throw ApiException.invalid("customerCode", "no customer with this code");
                    }
                    // again under the lock: a parallel send of the same reference may have committed meanwhile
                    earlier = replay(h, partner, r.reference(), hash);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                    refuseIfReversedFirst(h, partner, r.reference());
                    return new Outcome(record(h, partner, r, hash, source, createdBy).json(), false);
                });
            } catch (RuntimeException e) {
                // The unique (partner, reference) stopped a parallel twin; the next round replays its answer.
                if (attempt < 3 && isUniqueViolation(e)) {
                    continue;
                }
                throw e;
            }
        }
    }

    private Optional<Outcome> replay(Handle h, Partner partner, String reference, String hash) {
        return ChannelPaymentQueries.byReference(h, partner.id(), reference).map(e -> {
            if (!e.requestHash().equals(hash)) {
                throw ApiException.conflict("reference-reused",
                        "Reference " + reference + " was already used for a different payment");
            }
            return new Outcome(e.response(), true);
        });
    }

    /**
     * A payment whose reversal came first is refused, never booked: the partner has given the customer the money
     * back (ADR 0020). The partner's lock comes first, as {@link #reverse} takes it before it records such a reversal,
     * so a payment and its reversal arriving together are decided one after the other.
     */
    private static void refuseIfReversedFirst(Handle h, Partner partner, String reference) {
        ChannelPaymentQueries.lockPartner(h, partner.id());
        Optional<Instant> reversed = ChannelPaymentQueries.reversedBeforePayment(h, partner.id(), reference);
        if (reversed.isPresent()) {
            throw ApiException.conflict("reversed-before-payment", "Reference " + reference + " was reversed at " + reversed.get()
                    + ", before any payment with it arrived; this payment is refused and nothing was booked. The money is the customer's:"
                    + " do not take it, or give it back");
        }
    }

    /**
     * Money taken through a partner-like channel by another feature (online card payments): the same bills
     * oldest first, credit, receipt numbering and verification code as a partner's payment, inside the
     * caller's transaction so that the caller's own state change commits with it or not at all. The
     * unique (partner, reference) still guards against a second entry.
     */
    public Recorded recordInTransaction(Handle h, Partner partner, String reference, String customerCode, long amount,
                                        Instant paidAt, String method) {
        if (!ChannelPaymentQueries.lockCustomer(h, customerCode)) {
            throw ApiException.invalid("customerCode", "no customer with this code");
        }
        Request r = new Request(reference, customerCode, amount, paidAt, method);
        return record(h, partner, r, r.hash(), "API", null);
    }

    /** The partner row an online provider's payments are booked under, created on first use. */
    public Partner partnerFor(String code, String name, PartnerKind kind) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (int attempt = 0; ; attempt++) {
            try {
                return db.tx(h -> PartnerQueries.byCode(h, code).orElseGet(() ->
                        PartnerQueries.byId(h, PartnerQueries.insert(h, code, name, kind, true, now)).orElseThrow()));
            } catch (RuntimeException e) {
                // another node created it at the same moment: read theirs
                if (attempt < 2 && isUniqueViolation(e)) {
                    continue;
                }
                throw e;
            }
        }
    }

    private Recorded record(Handle h, Partner partner, Request r, String hash, String source, UserInfo createdBy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<ChannelPaymentQueries.Bill> bills = ChannelPaymentQueries.unpaidBills(h, r.customerCode());
        long owed = bills.stream().mapToLong(ChannelPaymentQueries.Bill::owed).sum();
        long credit = Math.max(0, r.amount() - owed);
        String receipt = ChannelPaymentQueries.nextReceiptNumber(h, partner.id(), partner.code(), now);
        String code = ReceiptCodes.newCode();
        long id = ChannelPaymentQueries.insert(h, new ChannelPaymentQueries.NewPayment(partner.id(), r.reference(), hash, receipt,
                r.customerCode(), r.amount(), credit, r.method(), r.paidAt().truncatedTo(ChronoUnit.MICROS), now, source,
                createdBy == null ? null : createdBy.id(), code));
        long left = r.amount() - credit;
        for (ChannelPaymentQueries.Bill b : bills) {
            if (left == 0) {
                break;
            }
            long part = Math.min(left, b.owed());
            ChannelPaymentQueries.allocate(h, id, b.id(), part);
            left -= part;
        }
        ChannelPayment answer = new ChannelPayment(id, receipt, r.reference(), r.customerCode(), Money.format(r.amount()),
                Money.format(credit), r.method(), r.paidAt().truncatedTo(ChronoUnit.MICROS), now, ChannelPaymentQueries.paidBills(h, id));
        String json = write(answer);
        ChannelPaymentQueries.storeResponse(h, id, json);
        return new Recorded(id, receipt, code, credit, json);
    }

    /**
     * A same-day cancellation by the partner; asking again answers the same reversal. A reversal of a reference no
     * payment has brought yet overtook its payment (a bank reverses after a timeout): it is recorded, and the payment,
     * should it still come, is refused (ADR 0020).
     */
    ChannelReversal reverse(Partner partner, String reference) {
        for (int round = 0; ; round++) {
            Optional<ChannelReversal> answer = db.tx(h -> {
                Optional<ChannelPaymentQueries.Existing> p = ChannelPaymentQueries.byReference(h, partner.id(), reference);
                if (p.isPresent()) {
                    return Optional.of(reverse(h, reference, p.get()));
                }
                ChannelPaymentQueries.lockPartner(h, partner.id());
                if (ChannelPaymentQueries.byReference(h, partner.id(), reference).isPresent()) {
                    // booked while this waited for the lock: reversed as any payment, in a new round that locks the
                    // customer without holding the partner (a payment takes them the other way round)
                    return Optional.<ChannelReversal>empty();
                }
                Instant at = ChannelPaymentQueries.reversedBeforePayment(h, partner.id(), reference).orElseGet(() -> {
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    ChannelPaymentQueries.reverseBeforePayment(h, partner.id(), reference, now);
                    return now;
                });
                return Optional.of(new ChannelReversal(null, reference, null, null, at, ChannelReversal.REVERSED_BEFORE_PAYMENT));
            });
            if (answer.isPresent() && ChannelReversal.REVERSED_BEFORE_PAYMENT.equals(answer.get().status())) {
                // 404, as for any reference without a payment before ADR 0020: a partner's client that knows only that
                // answer reads it as it did; the type and the detail say the reference is now closed
                throw new ApiException(404, "reversed-before-payment", "No payment with this reference yet",
                        "No payment with reference " + reference + " has arrived; the reference was closed at " + answer.get().reversedAt()
                        + ": a payment sent with it later is refused (409 reversed-before-payment) and nothing is booked", null, null);
            }
            if (answer.isPresent()) {
                return answer.get();
            }
            if (round == 2) {
                throw new IllegalStateException("reference " + reference + " is neither booked nor reversed after three rounds");
            }
        }
    }

    private ChannelReversal reverse(Handle h, String reference, ChannelPaymentQueries.Existing p) {
        ChannelPaymentQueries.lockCustomer(h, p.customerCode());
        String receipt = receiptOf(p);
        Optional<Instant> already = ChannelPaymentQueries.reversedAt(h, p.id());
        if (already.isPresent()) {
            return new ChannelReversal(p.id(), reference, receipt, Money.format(p.amount()), already.get(), ChannelReversal.REVERSED);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!LocalDate.ofInstant(p.receivedAt(), BusinessTime.ZONE).equals(LocalDate.ofInstant(now, BusinessTime.ZONE))) {
            throw ApiException.conflict("reversal-too-late",
                    "Only a payment received today can be reversed; ask the finance office for an older one");
        }
        ChannelPaymentQueries.reverse(h, p.id(), now);
        return new ChannelReversal(p.id(), reference, receipt, Money.format(p.amount()), now, ChannelReversal.REVERSED);
    }

    /**
     * A supervisor's one click on a line of a settlement file that never arrived through the API: the
     * payment is recorded from the file, marked as such, and the action audited.
     */
    Outcome createFromFile(UserInfo supervisor, Partner partner, Request r) {
        // a file's line becomes money only within the bounds the partner's own API call has
        if (r.amount() > ChannelRoutes.MAX_AMOUNT) {
            throw ApiException.invalid("amount", "the line's " + Money.format(r.amount()) + " lek is above the per-payment ceiling ("
                    + Money.format(ChannelRoutes.MAX_AMOUNT) + " lek); check it with the partner");
        }
        if (r.paidAt().isAfter(clock.instant().plus(ChannelAuth.WINDOW))) {
            throw ApiException.invalid("paidAt", "the line says it was paid in the future (" + r.paidAt() + "); check it with the partner");
        }
        return db.tx(h -> {
            if (ChannelPaymentQueries.byReference(h, partner.id(), r.reference()).isPresent()) {
                throw ApiException.conflict("already-received", "Reference " + r.reference() + " has already been received");
            }
            if (!ChannelPaymentQueries.lockCustomer(h, r.customerCode())) {
                throw ApiException.invalid("customerCode", "the file names a customer we do not have: " + r.customerCode());
            }
            refuseIfReversedFirst(h, partner, r.reference());
            String json = record(h, partner, r, r.hash(), "SETTLEMENT", supervisor).json();
            audit.record(h, supervisor, supervisor.branchCode(), "channel.payment.from-file", "partner " + partner.code() + " ref " + r.reference(),
                    "customer " + r.customerCode() + ", " + Money.format(r.amount()) + " lek paid " + r.paidAt());
            return new Outcome(json, false);
        });
    }

    private String receiptOf(ChannelPaymentQueries.Existing p) {
        try {
            return mapper.readTree(p.response()).path("receiptNumber").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer of payment " + p.id() + " is not JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
