package al.sportel.desktop.fees;

import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.billing.CashDrawerModel;
import al.sportel.desktop.billing.ReceiptPrinter;
import al.sportel.model.Money;
import al.sportel.model.fees.Fee;
import al.sportel.model.fees.FeeSale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fee sale's logic: what is wrong with the form, the change, and the sale itself with its printed fiscal
 * receipt. Each sale attempt has its own idempotency key, made when the form opens and never derived from the
 * form: a sale whose answer was lost is locked and only retried with the same key and body, or explicitly given up.
 * {@link #sell} blocks (HTTP, printer): call it through the background helper.
 */
public final class FeeSaleModel {

    /** A sold fee; {@code printed} null when the receipt could not be printed (it can be printed again). */
    public record Sold(FeeSale sale, ReceiptPrinter.Outcome printed) {
    }

    /** What was sent for one attempt, exactly as sent (tendered formatted, case code normalised). */
    public record Request(Fee fee, boolean cash, String tendered, String caseCode) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(FeeSaleModel.class);
    private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9-]{4,20}");

    private final FeeApi api;
    private final ReceiptPrinter printer;
    private final long counterId;
    private final String lang;
    private String key;
    private Request unsent;

    public FeeSaleModel(FeeApi api, ReceiptPrinter printer, long counterId, String lang) {
        this.api = api;
        this.printer = printer;
        this.counterId = counterId;
        this.lang = lang;
    }

    public FeeApi api() {
        return api;
    }

    public long counterId() {
        return counterId;
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

    /**
     * Starts a sale attempt when the form opens: a fresh key, unless an earlier attempt's outcome is still
     * unknown (then that attempt, its key and its request stay until it is retried or resolved).
     */
    public synchronized void begin() {
        if (unsent == null) {
            key = UUID.randomUUID().toString();
        }
    }

    /** The form closes after a definite answer: the attempt is over. An unknown outcome is kept. */
    public synchronized void end() {
        if (unsent == null) {
            key = null;
        }
    }

    /** The sale whose outcome is unknown (server unreachable or 5xx once sent), if any: the form is locked on it. */
    public synchronized Optional<Request> unknownOutcome() {
        return Optional.ofNullable(unsent);
    }

    /**
     * The clerk gives up on the unknown sale, having been told to check the counter's sales list before selling
     * again: the next sale is a new attempt with a new key.
     */
    public synchronized void resolve() {
        unsent = null;
        key = null;
    }

    /** The current attempt's idempotency key (null between attempts). */
    synchronized String key() {
        return key;
    }

    /** Sells the fee and prints its receipt; the form must have no {@link #problem}. */
    public Sold sell(Fee fee, boolean cash, String tendered, String caseCode) throws ApiException {
        String code = caseCode == null || caseCode.isBlank() ? null : caseCode.strip().toUpperCase();
        String given = cash ? Money.format(CashDrawerModel.amount(tendered)) : null;
        Request request = new Request(fee, cash, given, code);
        synchronized (this) {
            if (unsent != null) {
                throw new IllegalStateException("an unknown sale must be retried or resolved first");
            }
            if (key == null) {
                key = UUID.randomUUID().toString();
            }
        }
        return send(request);
    }

    /** Resends the sale whose outcome is unknown: same key, same body, so it is never sold twice. */
    public Sold retry() throws ApiException {
        Request request;
        synchronized (this) {
            request = unsent;
        }
        if (request == null) {
            throw new IllegalStateException("no sale to retry");
        }
        return send(request);
    }

    private Sold send(Request r) throws ApiException {
        String attempt;
        synchronized (this) {
            attempt = key;
        }
        FeeSale sale;
        try {
            sale = api.sell(attempt, r.fee().code(), r.cash(), r.tendered(), counterId, r.caseCode());
        } catch (ApiException e) {
            synchronized (this) {
                if (e.unreachable() || e.status() >= 500) {
                    unsent = r; // it may have been sold: only a retry with this key or an explicit resolve ends it
                } else {
                    unsent = null; // refused: the corrected form is a new attempt
                    key = UUID.randomUUID().toString();
                }
            }
            throw e;
        }
        synchronized (this) {
            unsent = null;
            key = null;
        }
        ReceiptPrinter.Outcome printed;
        try {
            printed = printer.print(sale.receiptNumber(), () -> api.receiptPdf(sale.id(), lang), () -> api.receiptSlip(sale.id(), lang));
        } catch (Exception e) {
            LOG.warn("fee sale {} made but its receipt not printed", sale.receiptNumber(), e);
            printed = null;
        }
        return new Sold(sale, printed);
    }
}
