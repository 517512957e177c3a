package al.sportel.server.fiscal;

import al.sportel.model.billing.Payment;
import al.sportel.model.fiscal.Iic;
import al.sportel.model.fiscal.OfflineNslf;
import al.sportel.server.fiscal.FiscalGateway.SubseqDelivType;
import al.sportel.server.fiscal.FiscalQueries.InvoiceRow;
import al.sportel.server.fiscal.FiscalQueries.TcrRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues a sale's invoice inside the sale's own transaction: numbers it and computes its IIC, so every receipt
 * has its NSLF whatever happens next. Money taken is never refused: a sale whose set-up is incomplete is recorded
 * UNFISCALIZED with the reason and issued late by the fiscal outbox once the set-up is complete.
 */
final class FiscalIssuer {

    private static final Logger log = LoggerFactory.getLogger(FiscalService.class);

    private final FiscalSetup setup;
    private final Clock clock;

    FiscalIssuer(FiscalSetup setup, Clock clock) {
        this.setup = setup;
        this.clock = clock;
    }

    /**
     * Inside the payment's transaction: numbers the invoice and computes its IIC. Anything missing in the
     * set-up is recorded (UNFISCALIZED, for a late issue) and the payment goes on — money taken is never refused.
     * Answers whether it was fiscalized now (an invoice waits for its NIVF).
     */
    boolean issue(Handle h, Payment p, OfflineNslf printedOffline) {
        FiscalSettings s = FiscalQueries.settings(h);
        return s.fiscalizeBillPayments() && issue(h, s, FiscalSale.of(p), printedOffline);
    }

    /**
     * With {@code printedOffline}: the NSLF a counter printed while cut off (ADR 0007 section 3). It is kept only
     * when its ordinal lies in a block handed to that counter, is unused, and the server's own IIC over the same
     * fields equals it; otherwise the server numbers the invoice itself and flags the slip for a reprint.
     */
    boolean issue(Handle h, FiscalSale sale, OfflineNslf printedOffline) {
        return issue(h, FiscalQueries.settings(h), sale, printedOffline);
    }

    /**
     * The same, with the settings already read in this transaction. A sale that cannot be fiscalized now is still
     * recorded, UNFISCALIZED with the reason, so it is on the pending list and the metrics until the fiscal outbox
     * issues it late ({@link #issueLate}); answers false then, as there is nothing to deliver yet.
     */
    private boolean issue(Handle h, FiscalSettings s, FiscalSale sale, OfflineNslf printedOffline) {
        if (!s.enabled()) {
            return false;
        }
        Instant takenAt = sale.takenAt().truncatedTo(ChronoUnit.SECONDS);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // A counter's clock may run a few minutes fast (the skew an offline takenAt may have), but the authority
        // refuses an IssueDateTime ahead of its own clock, for good: an invoice the server numbers is never dated
        // after the server's now. A slip the counter printed keeps its own time, or its NSLF would not hold.
        Instant issuedAt = takenAt.isAfter(now) ? now : takenAt;
        String issue = FiscalFormats.dateTime(issuedAt);
        String printedIssue = FiscalFormats.dateTime(takenAt);
        long total = sale.total();
        int rate = !s.issuerInVat() ? 0 : sale.vatRate() != null ? sale.vatRate() : s.vatRate();
        long net = BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(10_000))
                .divide(BigDecimal.valueOf(10_000L + rate), 0, RoundingMode.HALF_UP).longValueExact();
        String item = sale.itemName().length() > 50 ? sale.itemName().substring(0, 50) : sale.itemName();
        String payMethod = sale.cash() ? "BANKNOTE" : "CARD";
        OfflineNslf client = sale.offline() ? printedOffline : null;
        Optional<String> problem = saleProblem(h, s, sale.counterId(), sale.clerkId(), sale.clerkUsername());
        TaxpayerKey key = null;
        if (problem.isEmpty()) {
            try {
                key = setup.key(s);
            } catch (RuntimeException e) {
                log.error("sale {}: the taxpayer keystore cannot be read", sale.reference(), e);
                problem = Optional.of(keystoreProblem(e));
            }
        }
        if (problem.isPresent()) {
            log.warn("sale {} not fiscalized, recorded for a late issue: {}", sale.reference(), problem.get());
            // a late issue is late for a reason on our side, or because the counter was cut off from us
            String late = (sale.offline() ? SubseqDelivType.NOINTERNET : SubseqDelivType.TECHNICALERROR).name();
            long id = FiscalQueries.insertInvoice(h, new InvoiceRow(0, sale.paymentId(), sale.feeSaleId(), sale.branchCode(),
                    sale.counterId(), null, null, null, null, 0, null, issue, issuedAt, payMethod, item, sale.itemCode(), total, net,
                    total - net, rate, null, null, FiscalQueries.UNFISCALIZED, late, null, 0, problem.get(), null, 0, null, "SALE", null,
                    null, sale.clerkId(), problem.get()));
            if (client != null) {
                // the late issue numbers the invoice itself, so the NSLF the counter printed is not the one registered
                FiscalQueries.markOfflineNslf(h, id, false, client.iic());
            }
            return false;
        }
        TcrRow tcr = FiscalQueries.counter(h, sale.counterId()).orElseThrow();
        String operator = FiscalQueries.operatorCode(h, sale.clerkId()).orElseThrow();
        int printedYear = takenAt.atZone(FiscalFormats.ZONE).getYear();
        boolean accepted = client != null && FiscalOrdinals.ordinalFree(h, sale.counterId(), tcr.tcrCode(), printedYear, client.invOrdNum())
                && sameIic(client, Iic.compute(Iic.input(s.nuis(), printedIssue, s.invNumMode().forIic(client.invOrdNum(),
                        client.invOrdNum() + "/" + printedYear + "/" + tcr.tcrCode()), tcr.businUnitCode(), tcr.tcrCode(), s.softCode(),
                        FiscalFormats.amount(total)), key.privateKey()));
        if (accepted) {
            issuedAt = takenAt;
            issue = printedIssue;
        }
        int year = issuedAt.atZone(FiscalFormats.ZONE).getYear();
        int ordinal = accepted ? client.invOrdNum() : FiscalOrdinals.nextOrdinal(h, tcr.tcrCode(), year);
        String invNum = ordinal + "/" + year + "/" + tcr.tcrCode();
        Iic iic = Iic.compute(Iic.input(s.nuis(), issue, s.invNumMode().forIic(ordinal, invNum), tcr.businUnitCode(),
                tcr.tcrCode(), s.softCode(), FiscalFormats.amount(total)), key.privateKey());
        long invoiceId = FiscalQueries.insertInvoice(h, new InvoiceRow(0, sale.paymentId(), sale.feeSaleId(), sale.branchCode(), sale.counterId(),
                tcr.tcrCode(), tcr.businUnitCode(), operator, s.softCode(), ordinal, invNum, issue, issuedAt,
                payMethod, item, sale.itemCode(), total, net, total - net, rate, iic.code(), iic.signature(), "PENDING",
                sale.offline() ? SubseqDelivType.NOINTERNET.name() : null, null, 0, null, null, 0, null, "SALE", null, null,
                sale.clerkId(), null));
        if (client != null) {
            FiscalQueries.markOfflineNslf(h, invoiceId, accepted, client.iic());
            if (!accepted) {
                log.warn("sale {}: the NSLF {} printed offline (ordinal {}) is not valid; issued {} instead, the slip must be reprinted",
                        sale.reference(), client.iic(), client.invOrdNum(), invNum);
            }
        }
        return true;
    }

    /**
     * In the fiscal outbox's round: an UNFISCALIZED sale, or the corrective of its void, is numbered and signed
     * once its set-up is complete, with the sale's own time as IssueDateTime (that is what the 48 hours count from),
     * and then waits as PENDING with the SubseqDelivType recorded with it, so the same round delivers it. While the
     * set-up is still incomplete it stays UNFISCALIZED with the current reason, logged when the reason changes.
     * Answers whether it was issued.
     */
    boolean issueLate(Handle h, long invoiceId) {
        if (!FiscalQueries.lockUnfiscalized(h, invoiceId)) {
            return false;
        }
        InvoiceRow r = FiscalQueries.invoice(h, invoiceId).orElseThrow();
        FiscalSettings s = FiscalQueries.settings(h);
        boolean corrective = "CORRECTIVE".equals(r.kind());
        Optional<InvoiceRow> original = corrective ? FiscalQueries.invoiceForPayment(h, r.paymentId(), "SALE") : Optional.empty();
        Optional<String> problem = corrective ? correctiveProblem(s, original)
                : saleProblem(h, s, r.counterId(), r.clerkId(), r.clerkId() == null ? "?" : FiscalQueries.username(h, r.clerkId()).orElse("?"));
        TaxpayerKey key = null;
        if (problem.isEmpty()) {
            try {
                key = setup.key(s);
            } catch (RuntimeException e) {
                if (!FiscalQueries.abbreviate(keystoreProblem(e)).equals(r.lastError())) {
                    log.error("receipt of {}: the taxpayer keystore cannot be read", reference(r), e);
                }
                problem = Optional.of(keystoreProblem(e));
            }
        }
        if (problem.isPresent()) {
            if (!FiscalQueries.abbreviate(problem.get()).equals(r.lastError())) {
                log.warn("receipt of {} still not fiscalized: {}", reference(r), problem.get());
                FiscalQueries.stillUnfiscalized(h, invoiceId, problem.get());
            }
            return false;
        }
        String tcrCode;
        String businUnit;
        String operator;
        if (corrective) {
            InvoiceRow o = original.orElseThrow();
            tcrCode = o.tcrCode();
            businUnit = o.businUnitCode();
            operator = (r.clerkId() == null ? Optional.<String>empty() : FiscalQueries.operatorCode(h, r.clerkId())).orElse(o.operatorCode());
        } else {
            TcrRow tcr = FiscalQueries.counter(h, r.counterId()).orElseThrow();
            tcrCode = tcr.tcrCode();
            businUnit = tcr.businUnitCode();
            operator = FiscalQueries.operatorCode(h, r.clerkId()).orElseThrow();
        }
        int year = r.issuedAt().atZone(FiscalFormats.ZONE).getYear();
        int ordinal = FiscalOrdinals.nextOrdinal(h, tcrCode, year);
        String invNum = ordinal + "/" + year + "/" + tcrCode;
        Iic iic = Iic.compute(Iic.input(s.nuis(), r.issueDateTime(), s.invNumMode().forIic(ordinal, invNum), businUnit, tcrCode,
                s.softCode(), FiscalFormats.amount(r.totPrice())), key.privateKey());
        FiscalQueries.issuedLate(h, invoiceId, tcrCode, businUnit, operator, s.softCode(), ordinal, invNum, iic.code(), iic.signature(),
                original.map(InvoiceRow::iic).orElse(null), original.map(InvoiceRow::issueDateTime).orElse(null));
        log.info("receipt of {} issued late as {} (issued {}; not fiscalized then: {})", reference(r), invNum, r.issueDateTime(),
                r.unfiscalizedReason());
        return true;
    }

    private static String reference(InvoiceRow r) {
        return (r.paymentId() != null ? "payment " + r.paymentId() : "fee sale " + r.feeSaleId())
                + ("CORRECTIVE".equals(r.kind()) ? " (its void)" : "");
    }

    static String keystoreProblem(RuntimeException e) {
        return "the taxpayer keystore cannot be read: " + e.getMessage();
    }

    /** What keeps a void's corrective from being issued: its original must have an IIC to refer to. */
    private static Optional<String> correctiveProblem(FiscalSettings s, Optional<InvoiceRow> original) {
        if (!s.missing().isEmpty()) {
            return Optional.of("settings incomplete: " + s.missing());
        }
        if (original.isEmpty() || original.get().unfiscalized()) {
            return Optional.of("the voided sale is not fiscalized yet");
        }
        if ("REFUSED".equals(original.get().status())) {
            return Optional.of("the voided sale was refused by the authority");
        }
        return Optional.empty();
    }

    private static boolean sameIic(OfflineNslf client, Iic server) {
        return server.code().equalsIgnoreCase(client.iic()) && server.signature().equalsIgnoreCase(client.iicSignature());
    }

    private static Optional<String> saleProblem(Handle h, FiscalSettings s, long counterId, Long clerkId, String clerkUsername) {
        if (!s.missing().isEmpty()) {
            return Optional.of("settings incomplete: " + s.missing());
        }
        Optional<TcrRow> tcr = FiscalQueries.counter(h, counterId);
        if (tcr.isEmpty() || tcr.get().tcrCode() == null) {
            return Optional.of("counter " + counterId + " is not registered as a TCR");
        }
        if (clerkId == null || FiscalQueries.operatorCode(h, clerkId).isEmpty()) {
            return Optional.of("clerk " + clerkUsername + " has no operator code");
        }
        return Optional.empty();
    }
}
