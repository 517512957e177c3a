package al.sportel.server.fiscal;

import al.sportel.model.Money;
import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.model.fiscal.FiscalCashDeposit;
import al.sportel.model.fiscal.FiscalTcr;
import al.sportel.server.billing.CounterHolding;
import al.sportel.server.db.Database;
import al.sportel.server.fiscal.FiscalGateway.CashOperation;
import al.sportel.server.fiscal.FiscalGateway.Refused;
import al.sportel.server.fiscal.FiscalGateway.TcrRegistration;
import al.sportel.server.fiscal.FiscalGateway.Unreachable;
import al.sportel.server.fiscal.FiscalQueries.DepositRow;
import al.sportel.server.fiscal.FiscalQueries.TcrRow;
import al.sportel.server.fiscal.FiscalService.DrawerToday;
import al.sportel.server.http.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counters as TCRs (cash registers) at the authority, and the cash deposits registered for them. */
final class FiscalTcrs {

    private static final Logger log = LoggerFactory.getLogger(FiscalService.class);

    private final Database db;
    private final Clock clock;
    private final FiscalSetup setup;
    private final FiscalDelivery delivery;

    FiscalTcrs(Database db, Clock clock, FiscalSetup setup, FiscalDelivery delivery) {
        this.db = db;
        this.clock = clock;
        this.setup = setup;
        this.delivery = delivery;
    }

    /** RegisterTCR once per counter; a second call answers the stored code. */
    FiscalTcr registerTcr(UserInfo user, long counterId) {
        TcrRow counter = setup.counter(user, counterId);
        if (counter.tcrCode() != null) {
            return new FiscalTcr(counterId, counter.tcrCode(), counter.businUnitCode());
        }
        FiscalSettings s = setup.readySettings();
        String bu = db.read(h -> FiscalQueries.businessUnit(h, counter.branchCode()))
                .orElseThrow(() -> ApiException.conflict("fiscal-no-business-unit",
                        "Centre " + counter.branchCode() + " has no business unit code yet"));
        String code = call(() -> setup.gateway(s).registerTcr(new TcrRegistration(s.nuis(), bu,
                counter.branchCode() + "-" + counter.counterNumber(), s.softCode(), s.maintainerCode(),
                LocalDate.ofInstant(clock.instant(), FiscalFormats.ZONE))));
        db.tx(h -> {
            FiscalQueries.saveTcr(h, counterId, code, bu, clock.instant());
            return null;
        });
        log.info("counter {} registered as TCR {}", counterId, code);
        return new FiscalTcr(counterId, code, bu);
    }

    /** A registered operation, and whether it is an earlier one sent again with the same key. */
    record Registered(FiscalCashDeposit deposit, boolean replayed) {
    }

    /**
     * Records a cash deposit and registers it; when the authority cannot be reached it stays PENDING and
     * goes out later, so the clerk is never held up. INITIAL is once per counter and day. With {@code key} (the
     * counter's Idempotency-Key) a resend of an operation already recorded is that operation, as it stands now:
     * a clerk who retried after a timeout must not withdraw the cash twice on paper.
     */
    Registered cashDeposit(UserInfo user, long counterId, CashOperation op, long amount, String key) {
        TcrRow counter = setup.counter(user, counterId);
        if (counter.tcrCode() == null) {
            throw ApiException.conflict("fiscal-no-tcr", "Counter " + counter.counterNumber() + " is not registered as a TCR yet");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate day = LocalDate.ofInstant(now, FiscalFormats.ZONE);
        Optional<Registered> earlier = recorded(counterId, key, op, amount);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        long id;
        try {
            id = db.tx(h -> {
                // the drawer is the holder's, as for payments and fee sales: no clerk puts cash into a colleague's
                if (user.role() == Role.CLERK && !CounterHolding.holds(h, user.id(), counterId, null)) {
                    throw ApiException.forbidden("You register cash only at the counter you have open");
                }
                if (op == CashOperation.INITIAL && FiscalQueries.hasInitial(h, counterId, day)) {
                    throw ApiException.conflict("fiscal-initial-done", "Today's initial cash is already registered for this counter");
                }
                return FiscalQueries.insertDeposit(h, counterId, counter.tcrCode(), op.name(), amount, FiscalFormats.dateTime(now), now,
                        op == CashOperation.INITIAL ? day : null, user.id(), key);
            });
        } catch (UnableToExecuteStatementException e) {
            // the same key twice at once: the other one recorded it
            return recorded(counterId, key, op, amount).orElseThrow(() -> e);
        }
        delivery.deliverDeposit(id);
        return new Registered(depositView(db.read(h -> FiscalQueries.deposit(h, id)).orElseThrow()), false);
    }

    /**
     * The operation already recorded at this counter under {@code key}, as it stands now; a 409 when the key was
     * used for another operation or amount. Empty without a key.
     */
    private Optional<Registered> recorded(long counterId, String key, CashOperation op, long amount) {
        if (key == null) {
            return Optional.empty();
        }
        return db.read(h -> h.createQuery("SELECT id, operation, amount FROM fiscal_cash_deposits WHERE counter_id = :c AND idem_key = :k")
                        .bind("c", counterId).bind("k", key)
                        .map((rs, x) -> {
                            if (!rs.getString("operation").equals(op.name()) || rs.getLong("amount") != amount) {
                                throw ApiException.conflict("idempotency-key-reused",
                                        "This Idempotency-Key was already used for a different request");
                            }
                            return rs.getLong("id");
                        })
                        .findOne()
                        .flatMap(id -> FiscalQueries.deposit(h, id)))
                .map(d -> new Registered(depositView(d), true));
    }

    /**
     * {@code required} only when fiscalization is on and the counter is a TCR: otherwise the desktop does not
     * ask the clerk for cash the authority would never be told about.
     */
    DrawerToday initialRegisteredToday(UserInfo user, long counterId) {
        TcrRow counter = setup.counter(user, counterId);
        LocalDate day = LocalDate.ofInstant(clock.instant(), FiscalFormats.ZONE);
        boolean registered = db.read(h -> FiscalQueries.hasInitial(h, counterId, day));
        return new DrawerToday(setup.settings().enabled() && counter.tcrCode() != null, registered);
    }


    /** A call the clerk or supervisor waits for: the authority's trouble becomes a 502/503 problem, not a 500. */
    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (Unreachable e) {
            throw new ApiException(503, "fiscal-unreachable", "The tax authority cannot be reached", e.getMessage(), List.of(), 60L);
        } catch (Refused e) {
            throw new ApiException(502, "fiscal-refused", "The tax authority refused the request",
                    "code " + e.code() + ": " + e.getMessage(), List.of(), null);
        }
    }

    private static FiscalCashDeposit depositView(DepositRow d) {
        return new FiscalCashDeposit(d.id(), d.counterId(), d.tcrCode(), d.operation(), Money.format(d.amount()), d.changeDateTime(),
                d.status(), d.subseqDelivType(), d.fcdc(), d.lastError());
    }
}
