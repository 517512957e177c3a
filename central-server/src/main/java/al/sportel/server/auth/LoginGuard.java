package al.sportel.server.auth;

import al.sportel.server.db.Database;
import al.sportel.server.db.GuardRows;
import al.sportel.server.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;

/**
 * Counts failed logins per username and client address, so nobody elsewhere can lock a colleague out
 * by typing her name. Before a password is checked an attempt is recorded as a failure, under a row
 * lock on (username, address): parallel attempts are counted one after another, and never more than
 * {@code maxFailures} passwords get checked in a window, however many arrive at once. A success wipes
 * the record. Between failures the wait grows (0, 1, 2, 4 … seconds) before the lock. One address that has failed
 * for {@link #ADDRESS_USERNAMES} different usernames within the window is refused too: trying one password on every
 * username (spraying) would otherwise never lock anything, while a centre's clerks behind one address mistype far
 * fewer names than that. (Behind a reverse proxy the server must be told to trust it, or every client is one address.)
 */
public final class LoginGuard {

    static final int ADDRESS_USERNAMES = 20;
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private final Database db;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    public LoginGuard(Database db, Clock clock, int maxFailures, Duration window) {
        this.db = db;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Records one attempt as a failure, or throws 429 when the lock or the growing delay forbids it. */
    public void beginAttempt(String username, String address) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        sweepNowAndThen(now);
        // a locked address is answered before anything is written: random usernames would each leave a guard row
        db.read(h -> {
            refuseLockedAddress(h, address, now);
            return null;
        });
        Map<String, Object> guard = Map.of("username", username, "address", address);
        for (int attempt = 1; ; attempt++) {
            GuardRows.ensure(db, "login_guards", guard);
            boolean counted = db.tx(h -> {
                if (!GuardRows.lock(h, "login_guards", guard)) {
                    return false; // swept between ensure and lock: made again
                }
                count(h, username, address, now);
                return true;
            });
            if (counted || attempt == 3) {
                return;
            }
        }
    }

    private void count(Handle h, String username, String address, Instant now) {
        // failures older than the window no longer count: they are not kept either
        h.execute("DELETE FROM login_failures WHERE username = ? AND address = ? AND failed_at <= ?",
                username, address, now.minus(window));
        List<Instant> recent = h.createQuery("""
                        SELECT failed_at FROM login_failures WHERE username = :u AND address = :a AND failed_at > :since
                        ORDER BY failed_at DESC
                        """)
                .bind("u", username).bind("a", address).bind("since", now.minus(window)).mapTo(Instant.class).list();
        if (recent.size() >= maxFailures) {
            Instant lockEnds = recent.get(maxFailures - 1).plus(window);
            long seconds = Math.max(1, Duration.between(now, lockEnds).toSeconds() + 1);
            throw ApiException.tooManyRequests("Too many wrong passwords for this user from this computer; try again in "
                    + ((seconds + 59) / 60) + " minutes or ask an administrator to unlock the account", seconds);
        }
        refuseLockedAddress(h, address, now);
        if (!recent.isEmpty()) {
            Instant allowedAt = recent.get(0).plus(delayAfter(recent.size()));
            if (now.isBefore(allowedAt)) {
                throw ApiException.tooManyRequests("Wait a moment before trying again",
                        Math.max(1, Duration.between(now, allowedAt).toSeconds() + 1));
            }
        }
        h.execute("INSERT INTO login_failures (username, address, failed_at) VALUES (?, ?, ?)", username, address, now);
    }

    private void refuseLockedAddress(Handle h, String address, Instant now) {
        int names = h.createQuery("SELECT COUNT(DISTINCT username) FROM login_failures WHERE address = :a AND failed_at > :since")
                .bind("a", address).bind("since", now.minus(window)).mapTo(Integer.class).one();
        if (names >= ADDRESS_USERNAMES) {
            throw ApiException.tooManyRequests("Too many wrong passwords from this computer; try again in "
                    + window.toMinutes() + " minutes", window.toSeconds());
        }
    }

    /**
     * At most every {@link #SWEEP_EVERY}, one attempt forgets the failures past the window and the guard rows left
     * with none: otherwise every username ever tried from every address stays, and anyone can add them.
     */
    private void sweepNowAndThen(Instant now) {
        Instant last = lastSweep.get();
        if (now.isBefore(last.plus(SWEEP_EVERY)) || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        db.tx(h -> {
            h.execute("DELETE FROM login_failures WHERE failed_at <= ?", now.minus(window));
            h.execute("""
                    DELETE FROM login_guards WHERE NOT EXISTS (SELECT 1 FROM login_failures f
                        WHERE f.username = login_guards.username AND f.address = login_guards.address)
                    """);
            return null;
        });
    }

    /** The password was right: this address's failures for the user are forgotten. */
    public void succeeded(String username, String address) {
        db.tx(h -> h.execute("DELETE FROM login_failures WHERE username = ? AND address = ?", username, address));
    }

    /** An administrator lifts every lock and delay on the username, from every address. */
    public void unlock(String username) {
        db.tx(h -> h.execute("DELETE FROM login_failures WHERE username = ?", username));
    }

    /** The wait after {@code failures} failures: none after the first, then 1, 2, 4 … seconds. */
    static Duration delayAfter(int failures) {
        return failures < 2 ? Duration.ZERO : Duration.ofSeconds(1L << Math.min(failures - 2, 10));
    }
}
