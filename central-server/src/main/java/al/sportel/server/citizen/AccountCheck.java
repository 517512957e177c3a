package al.sportel.server.citizen;

import al.sportel.model.Money;
import al.sportel.model.citizen.AccountSummary;
import al.sportel.server.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A citizen proves an account is theirs with the customer code and a proof from the paper bill, the
 * amount of the last bill or the verification code printed on a bill ({@link BillCodes}): never the code alone. Failed tries are counted per address and per code over an
 * hour, so that neither one kiosk nor many addresses can guess a proof. An unknown code and a wrong
 * proof get the same answer, so the check does not tell which codes exist.
 */
public final class AccountCheck {

    /** The limits of failed checks within {@link #WINDOW}. */
    public record Limits(int perAddress, int perCode) {
        public static final Limits DEFAULT = new Limits(20, 5);
    }

    static final Duration WINDOW = Duration.ofHours(1);

    private final AccountQueries queries;
    private final Clock clock;
    private final Limits limits;

    AccountCheck(AccountQueries queries, Clock clock, Limits limits) {
        this.queries = queries;
        this.clock = clock;
        this.limits = limits;
    }

    AccountSummary verify(String address, String customerCode, String proof) {
        Instant now = clock.instant();
        AccountQueries.Failures failures = queries.failuresSince(address, customerCode, now.minus(WINDOW));
        if (failures.byAddress() >= limits.perAddress() || failures.byCode() >= limits.perCode()) {
            long wait = Math.max(1, Duration.between(now, failures.oldest().plus(WINDOW)).toSeconds());
            throw ApiException.tooManyRequests("Too many failed checks; try again later", wait);
        }
        if (!amountMatches(customerCode, proof) && !codeMatches(customerCode, proof)) {
            queries.recordFailure(address, customerCode, now);
            throw ApiException.notFound("No account matches this customer code and bill proof");
        }
        return queries.summary(customerCode);
    }

    private boolean amountMatches(String customerCode, String proof) {
        Optional<Long> given = amountOf(proof);
        return given.isPresent() && queries.lastBillAmount(customerCode).filter(given.get()::equals).isPresent();
    }

    /** "245000" may be an amount or a code: the proof holds when it is either one of this customer's. */
    private boolean codeMatches(String customerCode, String proof) {
        return BillCodes.normalize(proof).map(code -> queries.hasBillCode(customerCode, code)).orElse(false);
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
