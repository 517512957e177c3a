package al.sportel.server.fiscal;

import static al.sportel.server.fiscal.FiscalService.BLOCKS_PER_DAY;
import static al.sportel.server.fiscal.FiscalService.BLOCK_LOW;
import static al.sportel.server.fiscal.FiscalService.BLOCK_SIZE;

import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.model.fiscal.FiscalOrdinalBlock;
import al.sportel.server.billing.CounterHolding;
import al.sportel.server.db.Database;
import al.sportel.server.fiscal.FiscalQueries.TcrRow;
import al.sportel.server.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Blocks of invoice ordinals handed to a counter for the receipts it may have to issue offline (ADR 0007 section 3). */
final class OrdinalBlocks {

    private static final Logger log = LoggerFactory.getLogger(FiscalService.class);

    private final Database db;
    private final Clock clock;
    private final FiscalSetup setup;

    OrdinalBlocks(Database db, Clock clock, FiscalSetup setup) {
        this.db = db;
        this.clock = clock;
        this.setup = setup;
    }

    /**
     * Hands the counter a block of ordinals for receipts it may have to issue offline with a counter key,
     * with the fields it needs for the IIC. Only the clerk holding the counter (or a supervisor) asks.
     * {@code nextOrdinal} (optional): the ordinal the counter would use next, which counts its offline
     * receipts the server has not seen yet.
     */
    FiscalOrdinalBlock reserveBlock(UserInfo user, long counterId, Integer nextOrdinal) {
        TcrRow counter = setup.counter(user, counterId);
        FiscalSettings s = setup.readySettings();
        if (counter.tcrCode() == null) {
            throw ApiException.conflict("fiscal-no-tcr", "Counter " + counter.counterNumber() + " is not registered as a TCR yet");
        }
        Instant now = clock.instant();
        int year = now.atZone(FiscalFormats.ZONE).getYear();
        return db.tx(h -> {
            if (user.role() == Role.CLERK && !CounterHolding.holds(h, user.id(), counterId, null)) {
                throw ApiException.forbidden("Only the clerk holding the counter reserves its receipt numbers");
            }
            String operator = FiscalQueries.operatorCode(h, user.id()).orElseThrow(() -> ApiException.conflict("fiscal-no-operator",
                    "User " + user.username() + " has no operator code"));
            // the block the counter still has is handed again: asking twice must not burn ordinals
            Optional<FiscalOrdinals.Block> current = FiscalOrdinals.latestBlock(h, counterId, counter.tcrCode(), year)
                    .filter(b -> b.freeFor(nextOrdinal) >= BLOCK_LOW);
            if (current.isPresent()) {
                return new FiscalOrdinalBlock(counterId, s.nuis(), s.legalName(), counter.businUnitCode(), counter.tcrCode(), s.softCode(),
                        operator, s.invNumMode().name(), s.environment().verifyBase(), year, current.get().first(), current.get().last());
            }
            ZonedDateTime midnight = now.atZone(FiscalFormats.ZONE).toLocalDate().atStartOfDay(FiscalFormats.ZONE);
            if (FiscalOrdinals.blocksSince(h, counterId, midnight.toInstant()) >= BLOCKS_PER_DAY) {
                throw ApiException.tooManyRequests("Counter " + counter.counterNumber() + " already had " + BLOCKS_PER_DAY
                        + " blocks of receipt numbers today; ask a supervisor", Duration.between(now, midnight.plusDays(1)).toSeconds());
            }
            int first = FiscalOrdinals.reserveBlock(h, counterId, counter.tcrCode(), year, BLOCK_SIZE, now, user.id());
            log.info("counter {} (TCR {}) reserved ordinals {}-{} of {} for offline receipts", counterId, counter.tcrCode(), first,
                    first + BLOCK_SIZE - 1, year);
            return new FiscalOrdinalBlock(counterId, s.nuis(), s.legalName(), counter.businUnitCode(), counter.tcrCode(), s.softCode(),
                    operator, s.invNumMode().name(), s.environment().verifyBase(), year, first, first + BLOCK_SIZE - 1);
        });
    }
}
