package al.sportel.desktop.billing;

import al.sportel.model.billing.Customer;
import al.sportel.model.billing.Payment;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Session;
import al.sportel.desktop.fiscal.OfflineNslfIssuer;
import al.sportel.desktop.offline.CounterLink;
import al.sportel.desktop.offline.LocalCache;
import al.sportel.desktop.offline.Outbox;
import al.sportel.model.Money;
import al.sportel.model.billing.PaymentRequest;
import al.sportel.slip.Slip;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payments through the outbox: committed to the local file with their idempotency key before they
 * are sent, so neither a lost answer nor a dead link can lose one or take it twice.
 */
final class LinkedPaymentDesk implements PaymentDesk {

    private static final Logger LOG = LoggerFactory.getLogger(LinkedPaymentDesk.class);

    private final ApiClient api;
    private final CounterLink link;
    private final ReceiptPrinter printer;
    private final I18n i18n;
    private final Session session;
    private volatile OfflineNslfIssuer nslfs;

    LinkedPaymentDesk(ApiClient api, CounterLink link, ReceiptPrinter printer, I18n i18n, Session session) {
        this.api = api;
        this.link = link;
        this.printer = printer;
        this.i18n = i18n;
        this.session = session;
    }

    @Override
    public boolean online() {
        return link.isUp();
    }

    @Override
    public Found lookUp(String code) throws Exception {
        Customer c;
        Instant cachedAt = null;
        List<Outbox.PendingPayment> pending = link.pendingPayments(code);
        try {
            // a pending payment may be booked already (its answer was lost): the server says which
            c = api.customer(code, pending.stream().map(Outbox.PendingPayment::idempotencyKey)
                    .limit(Customer.MAX_PENDING_KEYS).toList());
            link.cache().put("customer", code, api.toJson(c));
            link.setUp(true);
        } catch (ApiException e) {
            if (!e.unreachable() && e.status() < 500) {
                throw e;
            }
            link.failed(e);
            Optional<LocalCache.Entry> cached = link.cache().get("customer", code);
            if (cached.isEmpty()) {
                throw e;
            }
            c = api.fromJson(cached.get().json(), Customer.class);
            cachedAt = cached.get().updatedAt();
        }
        List<String> booked = c.paidKeys() == null ? List.of() : c.paidKeys();
        Map<String, Outbox.PendingPayment> unseen = new LinkedHashMap<>();
        pending.forEach(p -> unseen.put(p.idempotencyKey(), p));
        if (cachedAt != null) {
            // the copy was saved before these were booked: without them, bills paid today look owed again. By key: one
            // pending when read above may have been sent while the server did not answer the look-up
            link.outbox().settledPaymentsSince(code, cachedAt).forEach(p -> unseen.putIfAbsent(p.idempotencyKey(), p));
        }
        for (Outbox.PendingPayment p : unseen.values()) {
            if (!booked.contains(p.idempotencyKey())) {
                c = PendingPayments.lessPaid(c, p.amount());
            }
        }
        return new Found(c, cachedAt);
    }

    @Override
    public Outcome pay(Request r, Customer customer, String summary) throws Exception {
        PaymentRequest online = PaymentRequest.online(r.customerCode(), Money.format(r.amount()),
                r.cash() ? PaymentRequest.CASH : PaymentRequest.CARD, r.tendered() == null ? null : Money.format(r.tendered()),
                r.counterId(), r.ticketId());
        // money changes hands now; the server must never refuse it for arriving late
        PaymentRequest body = r.offline() ? online.takenOffline(r.takenAt()) : online;
        // cut off with a counter key: the NSLF is computed here and printed; the server registers the same one
        OfflineNslfIssuer issuer = nslfs;
        OfflineNslfIssuer.Issued fiscal = r.offline() && issuer != null ? issuer.issue(r.takenAt(), r.amount()).orElse(null) : null;
        if (fiscal != null) {
            body = body.withNslf(fiscal.nslf());
        }
        Outbox.Item item = link.submitPayment(body, summary);
        Optional<Outbox.Item> settled = link.awaitSettled(item);
        if (settled.isPresent() && settled.get().state() == Outbox.State.FAILED) {
            return new Outcome(null, null, null, AppContext.describe(i18n, settled.get()), null);
        }
        if (settled.isPresent()) {
            Payment p = api.fromJson(settled.get().response(), Payment.class);
            ReceiptPrinter.Outcome printed;
            try {
                printed = reprint(p);
            } catch (Exception e) {
                LOG.warn("payment {} taken but its receipt not printed; it can be reprinted", p.receiptNumber(), e);
                printed = null;
            }
            refreshBlock();
            return new Outcome(p, printed, null, null, null);
        }
        Slip slip = OfflineReceipt.slip(i18n, item, customer, r.amount(), r.tendered(), session, fiscal);
        String reference = OfflineReceipt.reference(item);
        ReceiptPrinter.Outcome printed;
        try {
            printed = reprint(reference, slip);
        } catch (Exception e) {
            // the money is in the outbox: an error here would read "try again", and the customer would pay twice
            LOG.warn("payment {} taken offline but its receipt not printed; it can be reprinted", reference, e);
            printed = null;
        }
        return new Outcome(null, printed, reference, null, slip);
    }

    /**
     * This workstation's counter key (ADR 0007 section 3), set once it is loaded (off the FX thread): from then on
     * a payment taken while cut off carries an NSLF computed here.
     */
    void useCounterKey(OfflineNslfIssuer issuer) {
        this.nslfs = issuer;
        refreshBlock();
    }

    /** With a counter key, keeps a block of ordinals in hand while the server answers. */
    void refreshBlock() {
        OfflineNslfIssuer nslfs = this.nslfs;
        if (nslfs == null) {
            return;
        }
        try {
            nslfs.refresh(api);
        } catch (Exception e) {
            LOG.warn("could not renew the counter's block of offline receipt numbers; trying again after the next payment", e);
        }
    }

    @Override
    public ReceiptPrinter.Outcome reprint(Payment p) throws Exception {
        String lang = i18n.lang();
        return printer.print(p.receiptNumber(), () -> api.receiptPdf(p.id(), lang), () -> api.receiptSlip(p.id(), lang));
    }

    @Override
    public ReceiptPrinter.Outcome reprint(String offlineReference, Slip receipt) throws Exception {
        return printer.print("offline-" + offlineReference, receipt);
    }
}
