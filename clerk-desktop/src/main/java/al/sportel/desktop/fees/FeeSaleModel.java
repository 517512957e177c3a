package al.sportel.desktop.fees;

import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.billing.CashDrawerModel;
import al.sportel.desktop.billing.ReceiptPrinter;
import al.sportel.model.Money;
import al.sportel.model.fees.Fee;
import al.sportel.model.fees.FeeSale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fee sale's logic: what is wrong with the form, the change, and the sale itself with its printed fiscal
 * receipt. A sale whose answer was lost is retried with the same idempotency key, so it is never sold twice.
 * {@link #sell} blocks (HTTP, printer): call it through the background helper.
 */
public final class FeeSaleModel {

    /** A sold fee; {@code printed} null when the receipt could not be printed (it can be printed again). */
    public record Sold(FeeSale sale, ReceiptPrinter.Outcome printed) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(FeeSaleModel.class);
    private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9-]{4,20}");

    private final FeeApi api;
    private final ReceiptPrinter printer;
    private final long counterId;
    private final String lang;
    private String pendingKey;
    private String pendingRequest;

    public FeeSaleModel(FeeApi api, ReceiptPrinter printer, long counterId, String lang) {
        this.api = api;
        this.printer = printer;
        this.counterId = counterId;
        this.lang = lang;
    }

    public FeeApi api() {
        return api;
    }

    /** The message key of the first thing wrong with the form, if anything. */
    public Optional<String> problem(Fee fee, boolean cash, String tendered, String caseCode) {
        if (fee == null) {
            return Optional.of("fee.error.choose");
        }
        String code = caseCode == null ? "" : caseCode.strip();
        if (!code.isEmpty() && !TRACKING.matcher(code).matches()) {
            return Optional.of("fee.error.case");
        }
        if (cash) {
            Long given = CashDrawerModel.amount(tendered);
            if (given == null || given < 0) {
                return Optional.of("fee.error.tendered");
            }
            if (given < Money.parse(fee.price())) {
                return Optional.of("fee.error.tooLittle");
            }
        }
        return Optional.empty();
    }

    /** The change for cash, "" while the amount given is not (yet) enough. */
    public String change(Fee fee, String tendered) {
        Long given = CashDrawerModel.amount(tendered);
        if (fee == null || given == null || given < Money.parse(fee.price())) {
            return "";
        }
        return Money.format(given - Money.parse(fee.price()));
    }

    /** Sells the fee and prints its receipt; the form must have no {@link #problem}. */
    public Sold sell(Fee fee, boolean cash, String tendered, String caseCode) throws ApiException {
        String code = caseCode == null || caseCode.isBlank() ? null : caseCode.strip().toUpperCase();
        String given = cash ? Money.format(CashDrawerModel.amount(tendered)) : null;
        String request = fee.code() + "|" + cash + "|" + given + "|" + code;
        synchronized (this) {
            if (!Objects.equals(request, pendingRequest)) {
                pendingRequest = request;
                pendingKey = UUID.randomUUID().toString();
            }
        }
        FeeSale sale;
        try {
            sale = api.sell(pendingKey, fee.code(), cash, given, counterId, code);
        } catch (ApiException e) {
            if (!e.unreachable() && e.status() < 500) {
                forget(); // refused: a corrected form is a new sale
            }
            throw e;
        }
        forget();
        ReceiptPrinter.Outcome printed;
        try {
            printed = printer.print(sale.receiptNumber(), () -> api.receiptPdf(sale.id(), lang), () -> api.receiptSlip(sale.id(), lang));
        } catch (Exception e) {
            LOG.warn("fee sale {} made but its receipt not printed", sale.receiptNumber(), e);
            printed = null;
        }
        return new Sold(sale, printed);
    }

    private synchronized void forget() {
        pendingRequest = null;
        pendingKey = null;
    }
}
