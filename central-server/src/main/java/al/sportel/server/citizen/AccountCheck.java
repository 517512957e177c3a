package al.sportel.server.citizen;

import al.sportel.model.Money;
import al.sportel.model.citizen.AccountSummary;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A citizen proves an account is theirs with the customer code and a proof from the paper bill, the
 * amount of the last bill or the verification code printed on one of the latest three bills ({@link BillCodes}):
 * never the code alone. Failed tries are counted per address and per code over an hour, so that neither one
 * kiosk nor many addresses can guess a proof. An unknown code and a wrong
 * proof get the same answer, so the check does not tell which codes exist.
 */
public final class AccountCheck {

    /**
     * The limits of failed checks within {@link #WINDOW}: per client address, per signed-in kiosk (a centre's
     * kiosk serves hundreds of citizens a day, and typos add up), and per customer code from anywhere.
     */
    public record Limits(int perAddress, int perKiosk, int perCode) {
        public static final Limits DEFAULT = new Limits(20, 120, 5);
    }

    static final Duration WINDOW = Duration.ofHours(1);

    private final Database db;
    private final AccountQueries queries;
    private final Clock clock;
    private final Limits limits;

    AccountCheck(Database db, AccountQueries queries, Clock clock, Limits limits) {
        this.db = db;
        this.queries = queries;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * Under a lock on the address and one on the customer's row, the attempt is counted and recorded as a
     * failure before the proof is checked, and the record is removed again on success, all in one
     * transaction: parallel guesses at one code, or at many codes from one address, are checked one after
     * another, never more than their limit. An unknown code takes the same path.
     */
    AccountSummary verify(String address, String customerCode, String proof) {
        return verify(address, limits.perAddress(), customerCode, proof);
    }

    /** At a signed-in kiosk: its failures are its own, not those of every device behind the centre's address. */
    AccountSummary verifyAtKiosk(long kioskUserId, String customerCode, String proof) {
        return verify("kiosk:" + kioskUserId, limits.perKiosk(), customerCode, proof);
    }

    /** {@code address}: the client address or the kiosk, counted up to {@code addressLimit} failures. */
    private AccountSummary verify(String address, int addressLimit, String customerCode, String proof) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Outcome outcome = queries.underAddressLock(address, () -> db.tx(h -> {
            queries.lockAddress(h, address);
            queries.lockCustomer(h, customerCode);
            AccountQueries.Failures failures = queries.failuresSince(h, address, customerCode, now.minus(WINDOW));
            // Retry-After from the limit that was reached (both: the later of the two)
            Instant lifts = null;
            if (failures.byAddress() >= addressLimit) {
                lifts = failures.oldestByAddress().plus(WINDOW);
            }
            if (failures.byCode() >= limits.perCode()) {
                Instant byCode = failures.oldestByCode().plus(WINDOW);
                lifts = lifts == null || byCode.isAfter(lifts) ? byCode : lifts;
            }
            if (lifts != null) {
                return new Outcome(false, Math.max(1, Duration.between(now, lifts).toSeconds()));
            }
            queries.recordFailure(h, address, customerCode, now);
            boolean holds = amountMatches(h, customerCode, proof) || codeMatches(h, customerCode, proof);
            if (holds) {
                queries.forgetFailure(h, address, customerCode, now);
            }
            return new Outcome(holds, 0);
        }));
        if (outcome.retryAfter() > 0) {
            throw ApiException.tooManyRequests("Too many failed checks; try again later", outcome.retryAfter());
        }
        if (!outcome.holds()) {
            throw ApiException.notFound("No account matches this customer code and bill proof");
        }
        return queries.summary(customerCode);
    }

    /** What the locked transaction found; the answers are thrown after it committed, so the failure stays recorded. */
    private record Outcome(boolean holds, long retryAfter) {
    }

    private boolean amountMatches(Handle h, String customerCode, String proof) {
        Optional<Long> given = amountOf(proof);
        return given.isPresent() && queries.lastBillAmount(h, customerCode).filter(given.get()::equals).isPresent();
    }

    /** "245000" may be an amount or a code: the proof holds when it is either one of this customer's. */
    private boolean codeMatches(Handle h, String customerCode, String proof) {
        return BillCodes.normalize(proof).map(code -> queries.hasBillCode(h, customerCode, code)).orElse(false);
    }

    /** The account of a customer already verified (by a session opened with the proof). */
    AccountSummary summary(String customerCode) {
        return queries.summary(customerCode);
    }

    /** "2 450,50", "2450,5" and "2450.50" are the same amount; anything else is no amount. */
    static Optional<Long> amountOf(String proof) {
        String plain = proof.replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.');
        try {
            return Optional.of(Money.parse(plain));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
