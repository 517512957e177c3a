package al.sportel.server.onlinepay;

import al.sportel.model.Money;
import al.sportel.model.channels.Partner;
import al.sportel.model.channels.PartnerKind;
import al.sportel.server.billing.ReceiptCodes;
import al.sportel.server.billing.ReceiptPage;
import al.sportel.server.channels.ChannelPayments;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.PublicLinks;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A citizen's online payment from start to ledger. Starting records a PENDING payment and asks the
 * provider for its page; only the provider's verified webhook settles it. The webhook locks the payment
 * row, so deliveries that arrive twice, late, concurrently or before the browser returns are served one
 * after another and the first PAID puts the money on the ledger, as a channel payment of the provider,
 * in the same transaction as the status change. Every later delivery finds it PAID and changes nothing.
 */
public final class OnlinePayments {

    /** What the app sees of a payment. */
    public record View(String ref, String status, String amount, String provider, Instant createdAt, Receipt receipt,
                       String redirectUrl) {
    }

    public record Receipt(String receiptNumber, String verificationCode, String url) {
    }

    /** A payment the provider reported with another amount: what finance sees to reconcile it. */
    public record Mismatch(String ref, String provider, String providerRef, String customerCode, String amount,
                           String reportedAmount, Instant createdAt, Instant reportedAt, int webhooks) {
    }

    /** What the sandbox's page shows: no customer code, no name. */
    record PageInfo(String ref, String amount, String merchant, String status, String returnUrl) {
    }

    private static final Logger log = LoggerFactory.getLogger(OnlinePayments.class);
    static final String MISMATCH = "AMOUNT_MISMATCH";
    private static final String RESULT_PATH = "/app#/pay-result?ref=";

    private final Database db;
    private final PaymentProvider provider;
    private final ChannelPayments ledger;
    private final Partner partner;
    private final PublicLinks links;
    private final Clock clock;
    private final long maxPayment;

    public OnlinePayments(Database db, PaymentProvider provider, ChannelPayments ledger, PublicLinks links, Clock clock, long maxPayment) {
        this.db = db;
        this.provider = provider;
        this.ledger = ledger;
        this.partner = ledger.partnerFor(provider.code(), provider.displayName(), PartnerKind.ONLINE);
        this.links = links;
        this.clock = clock;
        this.maxPayment = maxPayment;
    }

    String providerCode() {
        return provider.code();
    }

    /** {@code amount} null: all that is due. At most what the bills owe, like a payment at the counter. */
    View start(String customerCode, Long amount) {
        long owed = db.read(h -> OnlinePaymentQueries.owed(h, customerCode));
        long pay = amount == null ? owed : amount;
        if (pay <= 0) {
            throw ApiException.invalid("amount", "nothing is due on this account");
        }
        if (pay > maxPayment) {
            throw ApiException.invalid("amount", "is more than the largest single payment (" + Money.format(maxPayment) + " lek)");
        }
        if (pay > owed) {
            throw ApiException.invalid("amount", "is more than the amount due (" + Money.format(owed) + " lek)");
        }
        String ref = "OP" + ReceiptCodes.newCode().substring(0, 20).toUpperCase();
        PaymentProvider.Started started = provider.start(new PaymentProvider.Start(ref, pay, returnUrl(ref)));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        db.tx(h -> {
            OnlinePaymentQueries.insert(h, ref, provider.code(), started.providerRef(), customerCode, pay, now);
            return null;
        });
        log.info("online payment {} started with {} for {} lek", ref, provider.code(), Money.format(pay));
        return new View(ref, "PENDING", Money.format(pay), provider.displayName(), now, null, started.redirectUrl());
    }

    /** Only the account that started it sees a payment; any other gets the same 404 as a wrong reference. */
    View get(String customerCode, String ref) {
        return db.read(h -> OnlinePaymentQueries.byRef(h, ref))
                .filter(r -> r.customerCode().equals(customerCode))
                .map(this::view)
                .orElseThrow(() -> ApiException.notFound("No online payment " + ref + " on this account"));
    }

    /** A verified webhook: the status it leaves the payment in. */
    String apply(PaymentProvider.Event e) {
        return db.tx(h -> {
            if (!OnlinePaymentQueries.lockAndCount(h, provider.code(), e.providerRef())) {
                throw ApiException.notFound("No online payment " + e.providerRef());
            }
            OnlinePaymentQueries.Row row = OnlinePaymentQueries.byProviderRef(h, provider.code(), e.providerRef()).orElseThrow();
            if ("PAID".equals(row.status()) || MISMATCH.equals(row.status())) {
                log.info("online payment {}: {} again, already {}; nothing changes", row.ref(), e.outcome(), row.status());
                return row.status();
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            if (e.outcome() == PaymentProvider.Outcome.PAID) {
                if (e.amount() != row.amount()) {
                    // the provider took money: keep what it says, answer 200 so it stops retrying, and leave the
                    // ledger to a person who reconciles it (docs/online-payments.md)
                    OnlinePaymentQueries.mismatch(h, row.id(), e.amount(), now);
                    log.error("online payment {} ({}): provider reported {} lek paid, the payment is for {} lek; kept as {}"
                            + " for reconciliation, nothing on the ledger", row.ref(), provider.code(), Money.format(e.amount()),
                            Money.format(row.amount()), MISMATCH);
                    return MISMATCH;
                }
                // money taken is money taken: a PAID after a DECLINED or ABANDONED still lands
                ChannelPayments.Recorded paid = ledger.recordInTransaction(h, partner, row.providerRef(), row.customerCode(),
                        row.amount(), now, "CARD");
                OnlinePaymentQueries.settle(h, row.id(), "PAID", now, paid.id());
                log.info("online payment {} paid: receipt {}", row.ref(), paid.receiptNumber());
                return "PAID";
            }
            if ("PENDING".equals(row.status())) {
                OnlinePaymentQueries.settle(h, row.id(), e.outcome().name(), now, null);
                return e.outcome().name();
            }
            return row.status();
        });
    }

    /** Signed PAID webhooks whose amount was not the payment's, oldest first, for finance to reconcile. */
    List<Mismatch> mismatches() {
        return db.read(h -> OnlinePaymentQueries.mismatches(h).stream()
                .map(m -> new Mismatch(m.ref(), m.provider(), m.providerRef(), m.customerCode(), Money.format(m.amount()),
                        Money.format(m.reportedAmount()), m.createdAt(), m.reportedAt(), m.webhooks()))
                .toList());
    }

    Optional<PageInfo> pageInfo(String providerRef) {
        return db.read(h -> OnlinePaymentQueries.byProviderRef(h, provider.code(), providerRef))
                .map(r -> new PageInfo(r.providerRef(), Money.format(r.amount()), "Sportel", r.status(), returnUrl(r.ref())));
    }

    String returnUrl(String ref) {
        return links.to(RESULT_PATH + ref);
    }

    private View view(OnlinePaymentQueries.Row r) {
        Receipt receipt = r.receiptNumber() == null ? null
                : new Receipt(r.receiptNumber(), r.verificationCode(), links.to(ReceiptPage.PATH + r.verificationCode()));
        return new View(r.ref(), r.status(), Money.format(r.amount()), provider.displayName(), r.createdAt(), receipt, null);
    }
}
