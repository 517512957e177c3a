package al.sportel.server.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key within a sliding {@code window}, kept in memory: these limits
 * protect one server from floods (public lookups, kiosk tickets), they are not an accounting record.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 50_000;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one event for {@code key}; empty when allowed, else the seconds until the next is. */
    public Optional<Long> acquire(String key) {
        Instant now = clock.instant();
        if (events.size() > MAX_KEYS) {
            events.entrySet().removeIf(e -> isStale(e.getValue(), now));
        }
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                long wait = Duration.between(now, times.peekFirst().plus(window)).toSeconds() + 1;
                return Optional.of(Math.max(1, wait));
            }
            times.addLast(now);
            return Optional.empty();
        }
    }

    /** Throws 429 with Retry-After when {@code key} is over its limit. */
    public void check(String key, String detail) {
        acquire(key).ifPresent(wait -> {
            throw ApiException.tooManyRequests(detail, wait);
        });
    }

    private boolean isStale(Deque<Instant> times, Instant now) {
        synchronized (times) {
            return times.isEmpty() || !times.peekLast().isAfter(now.minus(window));
        }
    }
}
