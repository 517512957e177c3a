package al.sportel.server.fiscal;

import al.sportel.model.UserInfo;
import al.sportel.model.billing.Payment;
import al.sportel.model.fiscal.Iic;
import al.sportel.server.fiscal.FiscalGateway.SubseqDelivType;
import al.sportel.server.fiscal.FiscalQueries.InvoiceRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Corrective invoices for voided payments, and the rule that holds one back until its original is fiscalized. */
final class FiscalCorrectives {

    private static final Logger log = LoggerFactory.getLogger(FiscalService.class);

    private final Clock clock;
    private final FiscalSetup setup;

    FiscalCorrectives(Clock clock, FiscalSetup setup) {
        this.clock = clock;
        this.setup = setup;
    }

    /**
     * Inside a void's transaction: a fiscalized (or waiting) payment gets its corrective invoice, the same line with
     * negative amounts referring to the original's IIC, numbered and signed now on the payment's TCR. Like a sale,
     * a set-up problem never stops the void: the corrective is recorded UNFISCALIZED and issued late, after its
     * original when that is UNFISCALIZED too.
     */
    void correct(Handle h, Payment p, UserInfo voidedBy) {
        FiscalSettings s = FiscalQueries.settings(h);
        Optional<InvoiceRow> original = FiscalQueries.invoiceForPayment(h, p.id(), "SALE");
        if (!s.enabled() || original.isEmpty() || FiscalQueries.invoiceForPayment(h, p.id(), "CORRECTIVE").isPresent()) {
            return;
        }
        InvoiceRow o = original.get();
        if ("REFUSED".equals(o.status())) {
            // the authority never accepted the original, so there is nothing to correct there; the refused
            // receipt stays on the pending list for the supervisor to sort out with the authority
            log.warn("void of payment {}: no corrective invoice, the original {} was refused by the authority ({})", p.id(),
                    o.invNum(), o.lastError());
            return;
        }
        // an original still UNFISCALIZED has no IIC to refer to yet: the corrective is recorded and issued after it
        Optional<String> problem = o.unfiscalized() ? Optional.of("the voided sale is not fiscalized yet") : Optional.empty();
        TaxpayerKey key = null;
        if (problem.isEmpty()) {
            try {
                key = setup.key(s);
            } catch (RuntimeException e) {
                log.error("void of payment {}: no corrective invoice for {} now", p.id(), o.invNum(), e);
                problem = Optional.of(FiscalIssuer.keystoreProblem(e));
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String issue = FiscalFormats.dateTime(now);
        if (problem.isPresent()) {
            log.warn("void of payment {}: corrective invoice recorded for a late issue: {}", p.id(), problem.get());
            String late = o.subseqDelivType() != null ? o.subseqDelivType() : SubseqDelivType.TECHNICALERROR.name();
            FiscalQueries.insertInvoice(h, new InvoiceRow(0, o.paymentId(), null, o.branchCode(), o.counterId(), null, null, null, null, 0,
                    null, issue, now, o.payMethod(), o.itemName(), o.itemCode(), -o.totPrice(), -o.totWithoutVat(), -o.totVat(),
                    o.vatRate(), null, null, FiscalQueries.UNFISCALIZED, late, null, 0, problem.get(), null, 0, null, "CORRECTIVE", null,
                    null, voidedBy.id(), problem.get()));
            return;
        }
        // the supervisor who voids is the operator when the authority gave them a code; otherwise the original's
        String operator = FiscalQueries.operatorCode(h, voidedBy.id()).orElse(o.operatorCode());
        int year = now.atZone(FiscalFormats.ZONE).getYear();
        int ordinal = FiscalOrdinals.nextOrdinal(h, o.tcrCode(), year);
        String invNum = ordinal + "/" + year + "/" + o.tcrCode();
        Iic iic = Iic.compute(Iic.input(s.nuis(), issue, s.invNumMode().forIic(ordinal, invNum), o.businUnitCode(), o.tcrCode(),
                o.softCode(), FiscalFormats.amount(-o.totPrice())), key.privateKey());
        FiscalQueries.insertInvoice(h, new InvoiceRow(0, o.paymentId(), null, o.branchCode(), o.counterId(), o.tcrCode(),
                o.businUnitCode(), operator, o.softCode(), ordinal, invNum, issue, now, o.payMethod(), o.itemName(), o.itemCode(),
                -o.totPrice(), -o.totWithoutVat(), -o.totVat(), o.vatRate(), iic.code(), iic.signature(), "PENDING", null, null, 0,
                null, null, 0, null, "CORRECTIVE", o.iic(), o.issueDateTime(), voidedBy.id(), null));
        log.info("void of payment {}: corrective invoice {} for {}", p.id(), invNum, o.invNum());
    }

    /**
     * Why a late corrective is late when it was held for its original ({@link #heldForOriginal}): the
     * original's own reason (no internet, the service), since it waited for the same outage. Empty when
     * it is not a corrective, when its original was already delivered when it was issued, or when the
     * original went out more than 2 minutes ago (what kept the corrective since then was on our side).
     */
    static Optional<SubseqDelivType> heldReason(Handle h, InvoiceRow r, Instant now) {
        if (!"CORRECTIVE".equals(r.kind()) || r.paymentId() == null) {
            return Optional.empty();
        }
        return h.createQuery("""
                        SELECT subseq_deliv_type FROM fiscal_invoices
                        WHERE payment_id = :p AND kind = 'SALE' AND subseq_deliv_type IS NOT NULL
                          AND (delivered_at IS NULL OR (delivered_at > :issued AND delivered_at >= :recent))
                        """)
                .bind("p", r.paymentId()).bind("issued", r.issuedAt()).bind("recent", now.minus(Duration.ofMinutes(2)))
                .mapTo(String.class).findOne().map(SubseqDelivType::valueOf);
    }

    /**
     * A corrective waits until the authority has its original: it refers to the original's IIC, which the
     * authority only knows once fiscalized. The delivery round takes receipts oldest first, so the original's
     * late delivery comes before its corrective in the same round.
     */
    static boolean heldForOriginal(Handle h, InvoiceRow r) {
        if (!"CORRECTIVE".equals(r.kind()) || r.paymentId() == null) {
            return false;
        }
        boolean held = FiscalQueries.invoiceForPayment(h, r.paymentId(), "SALE")
                .map(o -> !"FISCALIZED".equals(o.status())).orElse(false);
        if (held) {
            log.info("corrective {} held until its original is fiscalized", r.invNum());
        }
        return held;
    }
}
