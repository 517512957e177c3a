package al.sportel.server.throttle;

import al.sportel.server.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} requests per client address within a sliding {@code window}, in memory: it keeps
 * one address from flooding a public endpoint; it is no accounting record, and a restart forgets it.
 */
public final class AddressThrottle {

    /** Past this many addresses, the ones with nothing left in the window are dropped. */
    private static final int MAX_ADDRESSES = 50_000;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> requests = new ConcurrentHashMap<>();

    public AddressThrottle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one request from {@code address}; 429 with Retry-After (seconds) when it is over the limit. */
    public void check(String address, String what) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        if (requests.size() > MAX_ADDRESSES) {
            requests.values().removeIf(times -> stale(times, since));
        }
        Deque<Instant> times = requests.computeIfAbsent(address, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                long wait = Math.max(1, Duration.between(now, times.peekFirst().plus(window)).toSeconds() + 1);
                throw ApiException.tooManyRequests("Too many " + what + " from this address; try again in " + wait + " seconds",
                        wait);
            }
            times.addLast(now);
        }
    }

    private static boolean stale(Deque<Instant> times, Instant since) {
        synchronized (times) {
            return times.isEmpty() || !times.peekLast().isAfter(since);
        }
    }
}
