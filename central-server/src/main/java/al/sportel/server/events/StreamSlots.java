package al.sportel.server.events;

import al.sportel.server.http.ApiException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps the public display streams one client address may hold open: a waiting-room TV needs one or
 * two, a script opening thousands would hold a thread and a socket each.
 */
final class StreamSlots {

    private final int perAddress;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    StreamSlots(int perAddress) {
        this.perAddress = perAddress;
    }

    /** Takes a slot or throws 429; the caller gives it back with {@link #release} when the stream ends. */
    void take(String address) {
        int now = open.merge(address, 1, Integer::sum);
        if (now > perAddress) {
            release(address);
            throw ApiException.tooManyRequests("Too many open display streams from this address", 30);
        }
    }

    void release(String address) {
        open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }
}
