package al.sportel.server.fiscal;

import al.sportel.model.billing.Payment;
import al.sportel.model.fiscal.Iic;
import al.sportel.model.fiscal.OfflineNslf;
import al.sportel.server.fiscal.FiscalGateway.SubseqDelivType;
import al.sportel.server.fiscal.FiscalQueries.InvoiceRow;
import al.sportel.server.fiscal.FiscalQueries.TcrRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues a sale's invoice inside the sale's own transaction: numbers it and computes its IIC, so every receipt
 * has its NSLF whatever happens next. Money taken is never refused: a set-up problem is logged instead.
 */
final class FiscalIssuer {

    private static final Logger log = LoggerFactory.getLogger(FiscalService.class);

    private final FiscalSetup setup;

    FiscalIssuer(FiscalSetup setup) {
        this.setup = setup;
    }

    /**
     * Inside the payment's transaction: numbers the invoice and computes its IIC. Anything missing in the
     * set-up is logged and the payment goes on unfiscalized — money taken is never refused. Answers whether
     * it was fiscalized (an invoice waits for its NIVF).
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

    /** The same, with the settings already read in this transaction. */
    private boolean issue(Handle h, FiscalSettings s, FiscalSale sale, OfflineNslf printedOffline) {
        if (!s.enabled()) {
            return false;
        }
        Optional<String> problem = setupProblem(h, s, sale);
        if (problem.isPresent()) {
            log.warn("sale {} not fiscalized: {}", sale.reference(), problem.get());
            return false;
        }
        TaxpayerKey key;
        try {
            key = setup.key(s);
        } catch (RuntimeException e) {
            log.error("sale {} not fiscalized: {}", sale.reference(), e.getMessage(), e);
            return false;
        }
        TcrRow tcr = FiscalQueries.counter(h, sale.counterId()).orElseThrow();
        String operator = FiscalQueries.operatorCode(h, sale.clerkId()).orElseThrow();
        Instant issuedAt = sale.takenAt().truncatedTo(ChronoUnit.SECONDS);
        String issue = FiscalFormats.dateTime(issuedAt);
        int year = issuedAt.atZone(FiscalFormats.ZONE).getYear();
        long total = sale.total();
        OfflineNslf client = sale.offline() ? printedOffline : null;
        boolean accepted = client != null && FiscalQueries.ordinalFree(h, sale.counterId(), tcr.tcrCode(), year, client.invOrdNum())
                && sameIic(client, Iic.compute(Iic.input(s.nuis(), issue, s.invNumMode().forIic(client.invOrdNum(),
                        client.invOrdNum() + "/" + year + "/" + tcr.tcrCode()), tcr.businUnitCode(), tcr.tcrCode(), s.softCode(),
                        FiscalFormats.amount(total)), key.privateKey()));
        int ordinal = accepted ? client.invOrdNum() : FiscalQueries.nextOrdinal(h, tcr.tcrCode(), year);
        String invNum = ordinal + "/" + year + "/" + tcr.tcrCode();
        int rate = !s.issuerInVat() ? 0 : sale.vatRate() != null ? sale.vatRate() : s.vatRate();
        long net = BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(10_000))
                .divide(BigDecimal.valueOf(10_000L + rate), 0, RoundingMode.HALF_UP).longValueExact();
        Iic iic = Iic.compute(Iic.input(s.nuis(), issue, s.invNumMode().forIic(ordinal, invNum), tcr.businUnitCode(),
                tcr.tcrCode(), s.softCode(), FiscalFormats.amount(total)), key.privateKey());
        String item = sale.itemName();
        long invoiceId = FiscalQueries.insertInvoice(h, new InvoiceRow(0, sale.paymentId(), sale.feeSaleId(), sale.branchCode(), sale.counterId(),
                tcr.tcrCode(), tcr.businUnitCode(), operator, s.softCode(), ordinal, invNum, issue, issuedAt,
                sale.cash() ? "BANKNOTE" : "CARD", item.length() > 50 ? item.substring(0, 50) : item, sale.itemCode(), total, net,
                total - net, rate, iic.code(), iic.signature(), "PENDING", sale.offline() ? SubseqDelivType.NOINTERNET.name() : null,
                null, 0, null, null, 0, null, "SALE", null, null));
        if (client != null) {
            FiscalQueries.markOfflineNslf(h, invoiceId, accepted, client.iic());
            if (!accepted) {
                log.warn("sale {}: the NSLF {} printed offline (ordinal {}) is not valid; issued {} instead, the slip must be reprinted",
                        sale.reference(), client.iic(), client.invOrdNum(), invNum);
            }
        }
        return true;
    }

    private static boolean sameIic(OfflineNslf client, Iic server) {
        return server.code().equalsIgnoreCase(client.iic()) && server.signature().equalsIgnoreCase(client.iicSignature());
    }

    private static Optional<String> setupProblem(Handle h, FiscalSettings s, FiscalSale sale) {
        if (!s.missing().isEmpty()) {
            return Optional.of("settings incomplete: " + s.missing());
        }
        Optional<TcrRow> tcr = FiscalQueries.counter(h, sale.counterId());
        if (tcr.isEmpty() || tcr.get().tcrCode() == null) {
            return Optional.of("counter " + sale.counterId() + " is not registered as a TCR");
        }
        if (FiscalQueries.operatorCode(h, sale.clerkId()).isEmpty()) {
            return Optional.of("clerk " + sale.clerkUsername() + " has no operator code");
        }
        return Optional.empty();
    }
}
