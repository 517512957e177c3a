package al.sportel.desktop.queue;

import al.sportel.model.Counter;
import al.sportel.model.LiveEvent;
import al.sportel.model.QueueSnapshot;
import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import al.sportel.model.EventType;

/**
 * The branch's queue as this counter sees it, kept from a snapshot plus the live events. Not
 * thread-safe: only the FX thread touches it.
 */
final class QueueModel {

    private final long counterId;
    private final Map<String, Ticket> tickets = new HashMap<>();
    private final Map<Long, Counter> counters = new HashMap<>();
    private List<Long> myServices;
    private long lastEventId;

    QueueModel(long counterId, List<Long> myServices) {
        this.counterId = counterId;
        this.myServices = List.copyOf(myServices);
    }

    long lastEventId() {
        return lastEventId;
    }

    void load(QueueSnapshot s) {
        tickets.clear();
        Stream.of(s.waiting(), s.called(), s.serving()).flatMap(List::stream).forEach(t -> tickets.put(t.id(), t));
        counters.clear();
        s.counters().forEach(this::putCounter);
        lastEventId = s.lastEventId();
    }

    /**
     * Applies one event; false when events were missed (a gap in the ids, or the server asks for a
     * snapshot), and the caller must reload.
     */
    boolean apply(long id, LiveEvent e) {
        if (e.type() == EventType.SNAPSHOT_REQUIRED) {
            return false;
        }
        if (id <= lastEventId) {
            return true; // already in the snapshot
        }
        if (id != lastEventId + 1) {
            return false;
        }
        lastEventId = id;
        if (e.ticket() != null) {
            put(e.ticket());
        }
        if (e.counter() != null) {
            putCounter(e.counter());
        }
        return true;
    }

    /** A ticket from our own request's answer, ahead of its event. */
    void put(Ticket t) {
        if (t.status().ended()) {
            tickets.remove(t.id());
        } else {
            tickets.put(t.id(), t);
        }
    }

    private void putCounter(Counter c) {
        counters.put(c.id(), c);
        if (c.id() == counterId) {
            myServices = List.copyOf(c.serviceIds());
        }
    }

    /** The centre's counters as the snapshot and the live events last showed them, by number. */
    List<Counter> counters() {
        return counters.values().stream().sorted(Comparator.comparingInt(Counter::number)).toList();
    }

    Optional<Counter> myCounter() {
        return Optional.ofNullable(counters.get(counterId));
    }

    Optional<Ticket> current() {
        return tickets.values().stream()
                .filter(t -> t.counterId() != null && t.counterId() == counterId && t.status().atCounter())
                .findFirst();
    }

    /** The waiting tickets this counter will call, in the order call-next takes them (API.md). */
    List<Ticket> myQueue() {
        Comparator<Ticket> order = Comparator
                .comparing((Ticket t) -> t.targetCounterId() == null)
                .thenComparing(t -> !t.priority())
                .thenComparing(Ticket::issuedAt)
                .thenComparingInt(t -> myServices.indexOf(t.serviceId()))
                .thenComparing(Ticket::number);
        return tickets.values().stream()
                .filter(t -> t.status() == TicketStatus.WAITING)
                .filter(t -> t.targetCounterId() != null ? t.targetCounterId() == counterId
                        : myServices.contains(t.serviceId()))
                .sorted(order)
                .toList();
    }
}
