package al.sportel.server.fiscal;

import al.sportel.model.Money;
import al.sportel.model.UserInfo;
import al.sportel.model.fiscal.FiscalPending;
import al.sportel.model.fiscal.FiscalReceipt;
import al.sportel.server.auth.Access;
import al.sportel.server.billing.ReceiptAddition;
import al.sportel.server.db.Database;
import al.sportel.server.fiscal.FiscalQueries.InvoiceRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/** What the supervisor and the slip see of the invoices: receipts with their deadlines, the printed fiscal part. */
final class FiscalViews {

    private final Database db;
    private final Clock clock;

    FiscalViews(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Optional<FiscalReceipt> corrective(UserInfo user, long paymentId) {
        return receipt(user, h -> FiscalQueries.invoiceForPayment(h, paymentId, "CORRECTIVE"));
    }

    Optional<FiscalReceipt> receipt(UserInfo user, long paymentId) {
        return receipt(user, h -> FiscalQueries.invoiceForPayment(h, paymentId));
    }

    Optional<FiscalReceipt> feeSaleReceipt(UserInfo user, long feeSaleId) {
        return receipt(user, h -> FiscalQueries.invoiceForFeeSale(h, feeSaleId));
    }

    private Optional<FiscalReceipt> receipt(UserInfo user, Function<Handle, Optional<InvoiceRow>> find) {
        return db.read(h -> {
            Optional<InvoiceRow> r = find.apply(h);
            r.ifPresent(row -> Access.requireBranch(user, row.branchCode()));
            FiscalSettings s = FiscalQueries.settings(h);
            return r.map(row -> receiptView(row, s));
        });
    }

    /**
     * The slip's fiscal part; counts the print, so every print after the first says KOPJE. A counter that printed
     * the invoice while cut off (its NSLF accepted) gave the customer the original: every print here is a copy.
     */
    Optional<FiscalSlip> slip(long paymentId) {
        return slip(h -> FiscalQueries.invoiceForPayment(h, paymentId));
    }

    /** The fiscal lines of a fee sale's receipt (counted as a print, like a payment's). */
    Optional<ReceiptAddition> feeSaleReceiptLines(long feeSaleId, boolean english) {
        return slip(h -> FiscalQueries.invoiceForFeeSale(h, feeSaleId)).map(slip -> FiscalReceiptLines.of(slip, english));
    }

    /** An UNFISCALIZED sale has no fiscal part yet: its receipt prints without one, and that print is not counted. */
    private Optional<FiscalSlip> slip(Function<Handle, Optional<InvoiceRow>> find) {
        return db.tx(h -> find.apply(h).filter(r -> !r.unfiscalized()).map(r -> {
            FiscalSettings s = FiscalQueries.settings(h);
            int prints = FiscalQueries.countPrint(h, r.id());
            return new FiscalSlip(s.legalName(), s.nuis(), s.address() + ", " + s.town(), r.businUnitCode(), r.tcrCode(),
                    r.operatorCode(), r.invNum(), r.issuedAt(), r.itemName(), Money.format(r.totWithoutVat()),
                    Money.format(r.totVat()), r.vatRate(), Money.format(r.totPrice()),
                    r.payMethod(), r.iic(), r.fic(), verifyUrl(r, s), prints > 1 || "ACCEPTED".equals(r.offlineNslf()));
        }));
    }

    FiscalPending pending(String branch) {
        Instant now = clock.instant();
        return db.read(h -> {
            FiscalSettings s = FiscalQueries.settings(h);
            List<FiscalReceipt> list = FiscalQueries.undelivered(h, branch).stream().map(r -> receiptView(r, s)).toList();
            int alerts = (int) list.stream().filter(FiscalReceipt::alert).count();
            int overdue = (int) list.stream().filter(r -> !"FISCALIZED".equals(r.status()) && !now.isBefore(r.deadline())).count();
            return new FiscalPending(alerts, overdue, list);
        });
    }

    private FiscalReceipt receiptView(InvoiceRow r, FiscalSettings s) {
        Instant deadline = r.issuedAt().plus(FiscalService.DEADLINE);
        boolean waiting = !"FISCALIZED".equals(r.status());
        Instant now = clock.instant();
        return new FiscalReceipt(r.paymentId(), r.invNum(), r.iic(), r.fic(), r.issueDateTime(), r.status(), r.subseqDelivType(),
                r.attempts(), r.lastError(), deadline, waiting ? Duration.between(now, deadline).toMinutes() : 0,
                waiting && !now.isBefore(r.issuedAt().plus(FiscalService.ALERT_AFTER)), r.unfiscalized() ? null : verifyUrl(r, s),
                r.feeSaleId(), r.offlineNslf(), r.unfiscalizedReason());
    }

    private static String verifyUrl(InvoiceRow r, FiscalSettings s) {
        return VerifyUrl.of(s.environment().verifyBase(), r.iic(), s.nuis(), r.issueDateTime(), r.invOrdNum(), r.businUnitCode(),
                r.tcrCode(), r.softCode(), FiscalFormats.amount(r.totPrice()));
    }
}
