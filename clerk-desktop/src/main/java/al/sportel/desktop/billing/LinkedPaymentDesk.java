package al.sportel.desktop.billing;

import al.sportel.model.billing.Customer;
import al.sportel.model.billing.Payment;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Session;
import al.sportel.desktop.offline.CounterLink;
import al.sportel.desktop.offline.LocalCache;
import al.sportel.desktop.offline.Outbox;
import al.sportel.model.Money;
import al.sportel.model.billing.PaymentRequest;
import al.sportel.slip.Slip;
import java.time.Instant;
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
        try {
            c = api.customer(code);
            link.cache().put("customer", code, api.toJson(c));
            link.setUp(true);
        } catch (ApiException e) {
            if (!e.unreachable() && e.status() < 500) {
                throw e;
            }
            link.setUp(false);
            Optional<LocalCache.Entry> cached = link.cache().get("customer", code);
            if (cached.isEmpty()) {
                throw e;
            }
            c = api.fromJson(cached.get().json(), Customer.class);
            cachedAt = cached.get().updatedAt();
        }
        for (long pendingAmount : link.pendingPayments(c.code())) {
            c = PendingPayments.lessPaid(c, pendingAmount);
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
        Outbox.Item item = link.submitPayment(body, summary);
        Optional<Outbox.Item> settled = link.awaitSettled(item);
        if (settled.isPresent() && settled.get().state() == Outbox.State.FAILED) {
            return new Outcome(null, null, null, settled.get().lastError(), null);
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
            return new Outcome(p, printed, null, null, null);
        }
        Slip slip = OfflineReceipt.slip(i18n, item, customer, r.amount(), r.tendered(), session);
        String reference = OfflineReceipt.reference(item);
        return new Outcome(null, reprint(reference, slip), reference, null, slip);
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
