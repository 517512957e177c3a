package al.sportel.server.auth;

import al.sportel.model.UserInfo;
import al.sportel.server.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens verified in the last few seconds, so most requests cost no database read for their token
 * (it was the most frequent statement and kept requests waiting for a pooled connection).
 * <p>
 * Revocations are pushed through the sessions table itself: logout, password reset, disabling and a
 * new role or centre all set {@code revoked_at}, and at most every {@link #REVOCATION_POLL} one request
 * of this node reads the recent revocations and drops them from the cache, so they hold on every node
 * sharing the database. What is left to {@link #MAX_AGE} is a new display name, which reaches other
 * nodes' receipts within a minute; on this node a user change clears the cache at once ({@link #clear()}).
 * (It was 5 s while a role change still relied on it: a 10× day then read a token from the database in
 * one request of six.)
 */
final class SessionCache {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final Duration REVOCATION_POLL = Duration.ofMillis(250);
    /**
     * Revocations are re-read for this long: a cached entry's whole life plus 30 s, so one whose transaction
     * committed late is still seen, and so is one made while this node had no request to poll on (a cached
     * token is at most {@link #MAX_AGE} old when it is next used).
     */
    private static final Duration REVOCATION_WINDOW = MAX_AGE.plusSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SessionCache.class);

    private record Entry(UserInfo user, Instant expiresAt, long loadedNanos) {
    }

    private final Database db;
    private final Clock clock;
    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    private final ReentrantLock polling = new ReentrantLock();
    private volatile long lastPollNanos = System.nanoTime() - REVOCATION_POLL.toNanos() - 1;

    SessionCache(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The user behind a token hash, from the cache while fresh, else through {@code load}. */
    Optional<UserInfo> resolve(String hash, Instant now, Supplier<Optional<Cached>> load) {
        pollRevocations();
        Entry e = byHash.get(hash);
        long t = System.nanoTime();
        if (e != null && t - e.loadedNanos() < MAX_AGE.toNanos() && e.expiresAt().isAfter(now)) {
            return Optional.of(e.user());
        }
        Optional<Cached> loaded = load.get();
        if (loaded.isPresent()) {
            byHash.put(hash, new Entry(loaded.get().user(), loaded.get().expiresAt(), t));
        } else {
            byHash.remove(hash);
        }
        return loaded.map(Cached::user);
    }

    /** What a database lookup found: the user and when the token expires. */
    record Cached(UserInfo user, Instant expiresAt) {
    }

    void forget(String hash) {
        byHash.remove(hash);
    }

    void clear() {
        byHash.clear();
    }

    private void pollRevocations() {
        long t = System.nanoTime();
        if (t - lastPollNanos < REVOCATION_POLL.toNanos() || byHash.isEmpty() || !polling.tryLock()) {
            return;
        }
        try {
            Instant since = clock.instant().minus(REVOCATION_WINDOW);
            List<String> revoked = db.read(h -> h.createQuery("SELECT token_hash FROM sessions WHERE revoked_at > :since")
                    .bind("since", since).mapTo(String.class).list());
            revoked.forEach(byHash::remove);
            byHash.values().removeIf(e -> t - e.loadedNanos() >= MAX_AGE.toNanos());
            lastPollNanos = t;
        } catch (RuntimeException e) {
            // Without a fresh revocation list the cache cannot be trusted: verify against the database.
            log.warn("could not read revoked sessions: {}", e.getMessage());
            byHash.clear();
        } finally {
            polling.unlock();
        }
    }
}
