package al.sportel.desktop.fees;

import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.billing.CashDrawerModel;
import al.sportel.desktop.billing.ReceiptPrinter;
import al.sportel.model.Money;
import al.sportel.model.fees.Fee;
import al.sportel.model.fees.FeeSale;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fee sale's logic: what is wrong with the form, the change, and the sale itself with its printed fiscal
 * receipt. Each sale attempt has its own idempotency key, made when the form opens and never derived from the
 * form: a sale whose answer was lost is locked and only retried with the same key and body, or explicitly given up.
 * The lock is kept in the counter's local file ({@link FeeSaleAttempts}) for the clerk, so a restarted client or a
 * new login finds it again instead of selling the fee a second time under a new key.
 * {@link #restore}, {@link #sell}, {@link #retry} and {@link #resolve} block (local file, HTTP, printer): call them
 * through the background helper.
 */
public final class FeeSaleModel {

    /** A sold fee; {@code printed} null when the receipt could not be printed (it can be printed again). */
    public record Sold(FeeSale sale, ReceiptPrinter.Outcome printed) {
    }

    /** What was sent for one attempt, exactly as sent (tendered formatted, case code normalised, at which counter). */
    public record Request(Fee fee, boolean cash, String tendered, String caseCode, long counterId) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(FeeSaleModel.class);
    private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9-]{4,20}");
    /**
     * Answers that say nothing about the sale: the session ran out, the counter is not hers (now), the server did not
     * wait for the request or throttled it. The request was not taken in, so an earlier attempt stays unknown.
     */
    private static final Set<Integer> NOT_ABOUT_THE_SALE = Set.of(401, 403, 408, 429);

    private final FeeApi api;
    private final ReceiptPrinter printer;
    private final long counterId;
    private final String lang;
    private final FeeSaleAttempts attempts;
    private final String username;
    private String key;
    private Request unsent;
    private boolean restored;

    public FeeSaleModel(FeeApi api, ReceiptPrinter printer, long counterId, String lang, FeeSaleAttempts attempts, String username) {
        this.api = api;
        this.printer = printer;
        this.counterId = counterId;
        this.lang = lang;
        this.attempts = attempts;
        this.username = username;
    }

    public FeeApi api() {
        return api;
    }

    /** The counter whose sales list tells what became of the unknown sale: where it was sent, else this one. */
    public synchronized long counterId() {
        return unsent == null ? counterId : unsent.counterId();
    }

    /**
     * Takes up the clerk's attempt an earlier run of the client left unknown (it crashed, was closed, or she logged
     * out), with its key and request; once per model, later calls do nothing. Blocking: the local file.
     */
    public void restore() throws SQLException {
        synchronized (this) {
            if (restored) {
                return;
            }
        }
        Optional<FeeSaleAttempts.Attempt> kept = attempts.of(username);
        synchronized (this) {
            if (!restored) {
                restored = true;
                kept.ifPresent(a -> {
                    key = a.key();
                    unsent = a.request();
                });
            }
        }
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
    public void resolve() throws SQLException {
        attempts.forget(username);
        synchronized (this) {
            unsent = null;
            key = null;
        }
    }

    /** The current attempt's idempotency key (null between attempts). */
    synchronized String key() {
        return key;
    }

    /** Sells the fee and prints its receipt; the form must have no {@link #problem}. */
    public Sold sell(Fee fee, boolean cash, String tendered, String caseCode) throws ApiException, SQLException {
        restore();
        String code = caseCode == null || caseCode.isBlank() ? null : caseCode.strip().toUpperCase();
        String given = cash ? Money.format(CashDrawerModel.amount(tendered)) : null;
        Request request = new Request(fee, cash, given, code, counterId);
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
    public Sold retry() throws ApiException, SQLException {
        restore();
        Request request;
        synchronized (this) {
            request = unsent;
        }
        if (request == null) {
            throw new IllegalStateException("no sale to retry");
        }
        return send(request);
    }

    private Sold send(Request r) throws ApiException, SQLException {
        String attempt;
        boolean retrying;
        synchronized (this) {
            attempt = key;
            retrying = unsent != null;
        }
        // written before it is sent: a client killed while the answer is on its way still knows, when started again,
        // that this sale may have been made
        attempts.keep(username, new FeeSaleAttempts.Attempt(attempt, r));
        FeeSale sale;
        try {
            sale = api.sell(attempt, r.fee().code(), r.cash(), r.tendered(), r.counterId(), r.caseCode());
        } catch (ApiException e) {
            if (e.unreachable() || e.status() >= 500) {
                synchronized (this) {
                    unsent = r; // it may have been sold: only a retry with this key or an explicit resolve ends it
                }
            } else if (NOT_ABOUT_THE_SALE.contains(e.status())) {
                if (!retrying) {
                    forget(); // a first attempt not taken in sold nothing; a retry's earlier attempt stays unknown
                }
            } else {
                forget(); // refused: the corrected form is a new attempt
                synchronized (this) {
                    unsent = null;
                    key = UUID.randomUUID().toString();
                }
            }
            throw e;
        }
        forget();
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

    /**
     * The server has answered for the attempt. Not forgotten in the file, it would lock the form again at the next
     * start; its retry would then only replay the server's answer, so the failure is logged rather than thrown.
     */
    private void forget() {
        try {
            attempts.forget(username);
        } catch (SQLException e) {
            LOG.error("a fee sale answered by the server is still kept as unknown in the local file", e);
        }
    }
}
