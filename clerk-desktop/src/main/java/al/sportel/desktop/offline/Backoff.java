package al.sportel.desktop.offline;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of base·2ⁿ (at most
 * {@code max}), so the counters of a centre do not all knock at once when the link returns.
 */
public record Backoff(Duration base, Duration max) {

    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public Duration delay(int attempt) {
        long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
