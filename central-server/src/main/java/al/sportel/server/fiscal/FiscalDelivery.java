package al.sportel.server.fiscal;

import al.sportel.server.db.Database;
import al.sportel.server.fiscal.FiscalGateway.CashDepositRegistration;
import al.sportel.server.fiscal.FiscalGateway.CashOperation;
import al.sportel.server.fiscal.FiscalGateway.Corrects;
import al.sportel.server.fiscal.FiscalGateway.InvoiceRegistration;
import al.sportel.server.fiscal.FiscalGateway.Item;
import al.sportel.server.fiscal.FiscalGateway.PayMethod;
import al.sportel.server.fiscal.FiscalGateway.Refused;
import al.sportel.server.fiscal.FiscalGateway.Seller;
import al.sportel.server.fiscal.FiscalGateway.SubseqDelivType;
import al.sportel.server.fiscal.FiscalGateway.Unreachable;
import al.sportel.server.fiscal.FiscalQueries.DepositRow;
import al.sportel.server.fiscal.FiscalQueries.InvoiceRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends receipts and cash deposits to the authority after commit, and again later while they wait: an
 * unreachable or failing authority leaves the row PENDING with the SubseqDelivType its late delivery will carry.
 */
final class FiscalDelivery {

    private static final Duration CLAIM = Duration.ofMinutes(2);
    /**
     * After the authority did not answer, a sale's own delivery does not wait for it again for this long: each
     * clerk's answer would otherwise wait the whole timeout during an outage. The outbox (every minute) still tries.
     */
    static final Duration RESPITE = Duration.ofMinutes(1);
    private static final String INVOICES = "fiscal_invoices";
    private static final String DEPOSITS = "fiscal_cash_deposits";

    private static final Logger log = LoggerFactory.getLogger(FiscalService.class);

    private final Database db;
    private final Clock clock;
    private final FiscalSetup setup;
    private final FiscalIssuer issuer;
    private volatile Instant unreachableUntil = Instant.MIN;
    /**
     * NIVFs the authority gave whose row could not be written at once (a database blip). Their rows stay claimed
     * (no other node sends them meanwhile) and the next round writes them first, without asking again: a second
     * registration of the same receipt is what the tax office would see. Held in this node's memory only: a node
     * that stops before the write leaves the NIVF in its log (FISCAL ERROR), for a person to compare with the portal.
     */
    private final Map<Long, String> acceptedUnwritten = new ConcurrentHashMap<>();

    private enum Outcome { DELIVERED, NOT_DELIVERED, UNREACHABLE }

    FiscalDelivery(Database db, Clock clock, FiscalSetup setup, FiscalIssuer issuer) {
        this.db = db;
        this.clock = clock;
        this.setup = setup;
        this.issuer = issuer;
    }

    /**
     * Sends what waits — deposits first, since an INITIAL deposit must precede the day's receipts. Sales recorded
     * UNFISCALIZED whose set-up is now complete are issued first, so they go out in the same round.
     */
    int deliverPending() {
        if (!setup.settings().enabled()) {
            return 0;
        }
        int delivered = writeAccepted();
        for (long id : db.read(FiscalQueries::pendingDeposits)) {
            deliverDeposit(id);
        }
        for (long id : db.read(FiscalQueries::unfiscalizedInvoices)) {
            try {
                db.tx(h -> issuer.issueLate(h, id));
            } catch (RuntimeException e) {
                // one bad row must not keep the others (and everything PENDING) from going out
                log.error("fiscal invoice {} could not be issued late", id, e);
            }
        }
        for (long id : db.read(FiscalQueries::pendingInvoices)) {
            Outcome o = deliverInvoice(id, false);
            if (o == Outcome.DELIVERED) {
                delivered++;
            } else if (o == Outcome.UNREACHABLE) {
                break; // the rest would each wait the whole timeout too; the next round tries again
            }
        }
        return delivered;
    }

    /** Logs (once per receipt) every receipt still without NIVF 36 hours after issue. */
    void alertLate() {
        Instant now = clock.instant();
        List<InvoiceRow> late = db.read(h -> FiscalQueries.unalertedOlderThan(h, now.minus(FiscalService.ALERT_AFTER)));
        for (InvoiceRow r : late) {
            log.warn("FISCAL ALERT: receipt {} (payment {}, fee sale {}, centre {}) issued {} has no NIVF yet; the 48-hour limit ends {} ({}: {})",
                    r.invNum() != null ? r.invNum() : "(not issued)", r.paymentId(), r.feeSaleId(), r.branchCode(), r.issueDateTime(), r.issuedAt().plus(FiscalService.DEADLINE),
                    r.status(), r.lastError());
            db.tx(h -> {
                FiscalQueries.markAlerted(h, r.id(), now);
                return null;
            });
        }
    }

    /** After commit: asks for the NIVF now, so the first print usually carries it. */
    void deliverForPayment(long paymentId) {
        db.read(h -> FiscalQueries.invoiceForPayment(h, paymentId)).ifPresent(r -> deliverInvoice(r.id(), true));
    }

    /** After commit of a fee sale: asks for the NIVF now. */
    void deliverForFeeSale(long feeSaleId) {
        db.read(h -> FiscalQueries.invoiceForFeeSale(h, feeSaleId)).ifPresent(r -> deliverInvoice(r.id(), true));
    }

    /** After a void's commit: asks for the corrective invoice's NIVF now. */
    void deliverCorrective(long paymentId) {
        db.read(h -> FiscalQueries.invoiceForPayment(h, paymentId, "CORRECTIVE")).ifPresent(r -> deliverInvoice(r.id(), true));
    }

    /** {@code atSale}: right after the sale's commit, while the clerk waits for the answer. */
    private Outcome deliverInvoice(long id, boolean atSale) {
        if (!claim(INVOICES, id)) {
            return Outcome.NOT_DELIVERED;
        }
        try {
            InvoiceRow r = db.read(h -> FiscalQueries.invoice(h, id)).orElseThrow();
            FiscalSettings s = setup.settings();
            if (!"PENDING".equals(r.status()) || !s.enabled() || db.read(h -> FiscalCorrectives.heldForOriginal(h, r))) {
                return Outcome.NOT_DELIVERED;
            }
            String given = acceptedUnwritten.get(id);
            if (given != null) {
                written(r, id, given, null);
                return Outcome.DELIVERED;
            }
            SubseqDelivType subseq = r.subseqDelivType() == null ? null : SubseqDelivType.valueOf(r.subseqDelivType());
            Instant now = clock.instant();
            if (subseq == null && Duration.between(r.issuedAt(), now).compareTo(Duration.ofMinutes(2)) > 0) {
                // never sent at issue: a corrective held for its original waited for the original's outage;
                // anything else (a restart in between) was late for a reason on our side
                subseq = db.read(h -> FiscalCorrectives.heldReason(h, r, now)).orElse(SubseqDelivType.TECHNICALERROR);
            }
            String send = subseq == null ? r.issueDateTime() : FiscalFormats.dateTime(now);
            InvoiceRegistration request = new InvoiceRegistration(send, subseq, r.issueDateTime(), r.invNum(), r.invOrdNum(),
                    r.tcrCode(), s.issuerInVat(), r.operatorCode(), r.businUnitCode(), r.softCode(), r.iic(), r.iicSignature(),
                    PayMethod.valueOf(r.payMethod()), new Seller(s.nuis(), s.legalName(), s.address(), s.town()),
                    List.of(new Item(r.itemName(), r.itemCode(), r.totPrice(), r.totWithoutVat(), r.totVat(), r.vatRate())),
                    r.correctsIic() == null ? null : new Corrects(r.correctsIic(), r.correctsIssueDateTime()));
            SubseqDelivType sent = subseq;
            if (atSale && now.isBefore(unreachableUntil)) {
                failed(r, "PENDING", orElse(sent, SubseqDelivType.NOINTERNET), "the authority did not answer a moment ago");
                return Outcome.UNREACHABLE;
            }
            String fic;
            try {
                fic = setup.gateway(s).registerInvoice(request);
            } catch (Unreachable e) {
                unreachableUntil = clock.instant().plus(RESPITE);
                failed(r, "PENDING", orElse(sent, SubseqDelivType.NOINTERNET), e.getMessage());
                return Outcome.UNREACHABLE;
            } catch (Refused e) {
                if (e.untrusted()) {
                    // it may be registered: sending it again could register it twice; a person checks the portal
                    failed(r, "REFUSED", sent, e.code() + ": " + e.getMessage() + "; check the receipt in the authority's portal");
                } else if (e.serverSide()) {
                    failed(r, "PENDING", orElse(sent, SubseqDelivType.SERVICE), e.code() + ": " + e.getMessage());
                } else {
                    failed(r, "REFUSED", sent, e.code() + ": " + e.getMessage());
                }
                return Outcome.NOT_DELIVERED;
            } catch (RuntimeException e) {
                log.error("receipt {} could not be sent", r.invNum(), e);
                failed(r, "PENDING", orElse(sent, SubseqDelivType.TECHNICALERROR), e.getMessage());
                return Outcome.NOT_DELIVERED;
            }
            unreachableUntil = Instant.MIN;
            if (fic == null || fic.isBlank()) {
                failed(r, "REFUSED", sent, "the authority's answer carried no NIVF; check the receipt in the authority's portal");
                return Outcome.NOT_DELIVERED;
            }
            acceptedUnwritten.put(id, fic);
            written(r, id, fic, sent);
            return Outcome.DELIVERED;
        } finally {
            if (!acceptedUnwritten.containsKey(id)) {
                release(INVOICES, id);
            }
        }
    }

    /** Writes the NIVF the authority gave, trying a few times; if that fails, the next round writes it. */
    private void written(InvoiceRow r, long id, String fic, SubseqDelivType sent) {
        for (int attempt = 1; ; attempt++) {
            try {
                recordNivf(id, fic);
                break;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    log.error("FISCAL ERROR: receipt {} was registered by the authority with NIVF {} but not recorded yet;"
                            + " this server writes it at its next round", r.invNum(), fic, e);
                    throw e;
                }
                pause(attempt * 500L);
            }
        }
        acceptedUnwritten.remove(id);
        log.info("receipt {} fiscalized, NIVF {}{}", r.invNum(), fic, sent == null ? "" : " (" + sent + ")");
    }

    /** The NIVFs given whose write failed (see {@link #acceptedUnwritten}), written before anything is sent. */
    private int writeAccepted() {
        int written = 0;
        for (Map.Entry<Long, String> e : acceptedUnwritten.entrySet()) {
            long id = e.getKey();
            try {
                recordNivf(id, e.getValue());
                acceptedUnwritten.remove(id);
                release(INVOICES, id);
                log.info("receipt (invoice {}) fiscalized, NIVF {} written late", id, e.getValue());
                written++;
            } catch (RuntimeException ex) {
                log.error("FISCAL ERROR: invoice {} has NIVF {} from the authority, still not recorded", id, e.getValue(), ex);
            }
        }
        return written;
    }

    /** The invoice is delivered, with the NIVF the authority gave it: the one write both paths above make. */
    private void recordNivf(long id, String fic) {
        db.tx(h -> {
            FiscalQueries.invoiceDelivered(h, id, fic, clock.instant());
            return null;
        });
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(InvoiceRow r, String status, SubseqDelivType subseq, String error) {
        log.warn("receipt {} not fiscalized yet ({}): {}", r.invNum(), status, error);
        db.tx(h -> {
            FiscalQueries.invoiceFailed(h, r.id(), status, subseq == null ? null : subseq.name(), error);
            return null;
        });
    }

    void deliverDeposit(long id) {
        if (!claim(DEPOSITS, id)) {
            return;
        }
        try {
            DepositRow d = db.read(h -> FiscalQueries.deposit(h, id)).orElseThrow();
            FiscalSettings s = setup.settings();
            if (!"PENDING".equals(d.status()) || !s.enabled()) {
                return;
            }
            SubseqDelivType subseq = d.subseqDelivType() == null ? null : SubseqDelivType.valueOf(d.subseqDelivType());
            if (subseq == null && Duration.between(d.changedAt(), clock.instant()).compareTo(Duration.ofMinutes(2)) > 0) {
                subseq = SubseqDelivType.TECHNICALERROR;
            }
            SubseqDelivType sent = subseq;
            String status = "PENDING";
            SubseqDelivType next = sent;
            String error;
            try {
                String fcdc = setup.gateway(s).registerCashDeposit(new CashDepositRegistration(s.nuis(), d.tcrCode(),
                        CashOperation.valueOf(d.operation()), d.amount(), d.changeDateTime(), sent));
                db.tx(h -> {
                    FiscalQueries.depositDelivered(h, id, fcdc, clock.instant());
                    return null;
                });
                return;
            } catch (Unreachable e) {
                next = orElse(sent, SubseqDelivType.NOINTERNET);
                error = e.getMessage();
            } catch (Refused e) {
                if (e.serverSide()) {
                    next = orElse(sent, SubseqDelivType.SERVICE);
                } else {
                    status = "REFUSED";
                }
                error = e.code() + ": " + e.getMessage();
            } catch (RuntimeException e) {
                log.error("cash deposit {} could not be sent", id, e);
                next = orElse(sent, SubseqDelivType.TECHNICALERROR);
                error = e.getMessage();
            }
            log.warn("cash deposit {} of counter {} not registered yet ({}): {}", id, d.counterId(), status, error);
            String st = status;
            String sub = next == null ? null : next.name();
            db.tx(h -> {
                FiscalQueries.depositFailed(h, id, st, sub, error);
                return null;
            });
        } finally {
            release(DEPOSITS, id);
        }
    }

    /** One sender per row across server instances; a crashed sender's claim runs out after a while. */
    private boolean claim(String table, long id) {
        Instant now = clock.instant();
        return db.tx(h -> FiscalQueries.claim(h, table, id, now, now.plus(CLAIM)));
    }

    private void release(String table, long id) {
        db.tx(h -> {
            FiscalQueries.release(h, table, id);
            return null;
        });
    }

    private static SubseqDelivType orElse(SubseqDelivType a, SubseqDelivType b) {
        return a != null ? a : b;
    }
}
