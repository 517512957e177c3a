package al.sportel.model;

import java.util.List;

/**
 * A branch's queue at one moment. {@code lastEventId} was read before the lists, so a client that
 * resumes the event stream from it misses nothing (it may see a change twice; events carry whole
 * records, so applying one twice is harmless).
 */
public record QueueSnapshot(
        long lastEventId,
        List<Ticket> waiting,
        List<Ticket> called,
        List<Ticket> serving,
        List<Counter> counters) {
}
