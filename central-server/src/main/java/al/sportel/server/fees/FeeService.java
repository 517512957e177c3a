package al.sportel.server.fees;

import al.sportel.model.BusinessTime;
import al.sportel.model.Money;
import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.model.fees.Fee;
import al.sportel.model.fees.FeeSale;
import al.sportel.server.admin.AuditLog;
import al.sportel.server.auth.Access;
import al.sportel.server.billing.CounterHolding;
import al.sportel.server.db.Database;
import al.sportel.server.fees.FeeQueries.FeeRow;
import al.sportel.server.fees.FeeQueries.NewSale;
import al.sportel.server.http.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Selling fees at the counter (docs/fiscal.md "Fee sales"): the clerk holds the counter, as for bill
 * payments; the price and VAT rate come from the catalogue at the moment of sale; each sale is fiscalized
 * through {@link FeeSaleHook}.
 */
public final class FeeService {

    /** One sale as the clerk asked for it; {@code tendered} in qindarka, for cash only. */
    public record Request(String feeCode, boolean cash, Long tendered, long counterId, String caseTrackingCode) {
    }

    private final Database db;
    private final Clock clock;
    private final FeeSaleHook hook;
    private final AuditLog audit;

    public FeeService(Database db, Clock clock, FeeSaleHook hook) {
        this.db = db;
        this.clock = clock;
        this.hook = hook;
        this.audit = new AuditLog(clock);
    }

    public List<Fee> catalogue(boolean activeOnly) {
        return db.read(h -> FeeQueries.catalogue(h).stream().filter(f -> f.active() || !activeOnly).map(FeeRow::view).toList());
    }

    /** Creates or changes a fee; sales already made keep the price and rate they were sold at. */
    /** A price or VAT change decides what every centre charges from now on: audited company-wide, before and after. */
    public Fee save(UserInfo admin, String code, String name, String nameEn, long price, int vatRate, boolean active) {
        return db.tx(h -> {
            Optional<FeeRow> before = FeeQueries.fee(h, code);
            FeeRow row = new FeeRow(code, name, nameEn, price, vatRate, active);
            FeeQueries.saveFee(h, row, clock.instant());
            audit.record(h, admin, null, before.isPresent() ? "fee.changed" : "fee.created", "fee " + code,
                    before.map(b -> describe(b) + " → ").orElse("") + describe(row));
            return row.view();
        });
    }

    private static String describe(FeeRow f) {
        return "%s / %s, %s lek, VAT %s %%, %s".formatted(f.name(), f.nameEn(), Money.format(f.price()), f.vatRate() / 100,
                f.active() ? "on sale" : "withdrawn");
    }

    /** Inside the caller's transaction (the idempotency key is stored in the same one). */
    public FeeSale sell(Handle h, UserInfo clerk, Request r) {
        String branch = FeeQueries.counterBranch(h, r.counterId());
        if (branch == null) {
            throw ApiException.invalid("counterId", "no such counter");
        }
        Access.requireBranch(clerk, branch);
        if (clerk.role() == Role.CLERK && !CounterHolding.holds(h, clerk.id(), r.counterId(), null)) {
            throw ApiException.forbidden("You sell fees only at the counter you have open");
        }
        FeeRow fee = FeeQueries.fee(h, r.feeCode()).filter(FeeRow::active)
                .orElseThrow(() -> ApiException.invalid("feeCode", "no fee with this code is on sale"));
        Long caseId = null;
        if (r.caseTrackingCode() != null) {
            caseId = FeeQueries.applicationId(h, r.caseTrackingCode())
                    .orElseThrow(() -> ApiException.invalid("caseTrackingCode", "no application with this tracking code"));
        }
        if (r.cash() && r.tendered() < fee.price()) {
            throw ApiException.invalid("tendered", "is less than the fee (" + Money.format(fee.price()) + " lek)");
        }
        long change = r.cash() ? r.tendered() - fee.price() : 0;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long id = FeeQueries.insertSale(h, new NewSale(branch, r.counterId(), clerk.id(), fee, r.cash() ? "CASH" : "CARD",
                r.cash() ? r.tendered() : null, change, caseId, now));
        hook.inTransaction(h, FeeQueries.sale(h, id).orElseThrow(), clerk.id(), clerk.username(), fee.vatRate());
        return FeeQueries.sale(h, id).orElseThrow();
    }

    public void afterCommit(FeeSale sale) {
        hook.afterCommit(sale);
    }

    public FeeSale get(UserInfo user, long id) {
        FeeSale s = db.read(h -> FeeQueries.sale(h, id)).orElseThrow(() -> ApiException.notFound("No fee sale " + id));
        Access.requireBranch(user, s.branchCode());
        return s;
    }

    /** A counter's sales on one business day (Tirana time), newest first; staff of the counter's branch or an admin. */
    public List<FeeSale> salesAt(UserInfo user, long counterId, LocalDate date) {
        LocalDate day = date == null ? BusinessTime.today(clock) : date;
        return db.read(h -> {
            String branch = FeeQueries.counterBranch(h, counterId);
            if (branch == null) {
                throw ApiException.notFound("No counter with id " + counterId);
            }
            Access.requireBranch(user, branch);
            return FeeQueries.salesAt(h, counterId, BusinessTime.startOf(day),
                    BusinessTime.startOf(day.plusDays(1)));
        });
    }

    FeeQueries.Header header(long id) {
        return db.read(h -> FeeQueries.header(h, id));
    }

    FeeSaleHook hook() {
        return hook;
    }
}
