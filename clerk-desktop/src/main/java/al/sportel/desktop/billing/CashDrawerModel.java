package al.sportel.desktop.billing;

import al.sportel.desktop.api.ApiException;
import al.sportel.model.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The counter's drawer as the fiscal rules see it: the initial cash must be registered once a day before
 * the first cash receipt. Remembers the day it was done so a second payment does not ask the server again.
 * Methods that talk to the server block: call them through the background helper.
 */
public final class CashDrawerModel {

    private static final ZoneId ZONE = ZoneId.of("Europe/Tirane");

    private final CashDrawerApi api;
    private final long counterId;
    private final Clock clock;
    private volatile LocalDate settledOn;

    public CashDrawerModel(CashDrawerApi api, long counterId, Clock clock) {
        this.api = api;
        this.counterId = counterId;
        this.clock = clock;
    }

    /**
     * True when the clerk must give today's initial cash before taking cash. Without a link to the server
     * the answer is false: the payment goes to the outbox and the server cannot register a deposit now anyway.
     */
    public boolean needsInitial() throws ApiException {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        if (today.equals(settledOn)) {
            return false;
        }
        CashDrawerApi.Today t;
        try {
            t = api.today(counterId);
        } catch (ApiException e) {
            if (e.unreachable() || e.status() >= 500) {
                return false;
            }
            throw e;
        }
        if (!t.required() || t.initialRegistered()) {
            settledOn = today;
            return false;
        }
        return true;
    }

    /** The message key of what is wrong with the typed amount, if anything; the initial cash may be zero. */
    public Optional<String> problem(CashOperation op, String text) {
        Long amount = amount(text);
        if (amount == null || amount < 0) {
            return Optional.of("cash.error.amount");
        }
        if (amount == 0 && op != CashOperation.INITIAL) {
            return Optional.of("cash.error.positive");
        }
        return Optional.empty();
    }

    /**
     * Registers the operation; an INITIAL the server already has (another window, a retry) counts as done.
     * {@code key} is the attempt's: the dialog keeps it for the same operation and amount, so pressing again after
     * "no answer" cannot record the cash twice.
     */
    public CashDrawerApi.Deposit register(CashOperation op, String text, String key) throws ApiException {
        long amount = amount(text);
        try {
            CashDrawerApi.Deposit d = api.register(counterId, op, amount, key);
            if (op == CashOperation.INITIAL) {
                settledOn = LocalDate.now(clock.withZone(ZONE));
            }
            return d;
        } catch (ApiException e) {
            if (op == CashOperation.INITIAL && "fiscal-initial-done".equals(e.type())) {
                settledOn = LocalDate.now(clock.withZone(ZONE));
                return null;
            }
            throw e;
        }
    }

    /** "5000", "5000,50" and "5 000,50" as the clerk types them; null for anything else. */
    public static Long amount(String text) {
        String t = text == null ? "" : text.strip().replace(" ", "").replace("\u00a0", "").replace(',', '.');
        try {
            return Money.parse(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
