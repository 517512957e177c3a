package al.sportel.desktop.queue;

import al.sportel.desktop.app.I18n;
import al.sportel.model.Ticket;
import al.sportel.model.queue.CounterStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The counter screen's figures as text: how many wait and for which services, how long the current ticket
 * waited, the longest wait in the queue, and the day's served count and average. The waits grow by themselves,
 * so {@link #tick} recomputes them from the last queue shown; the day's figures come from the server.
 */
public final class CounterFigures {

    private final I18n i18n;
    private final Clock clock;
    private final ServiceNames names;
    private final ReadOnlyStringWrapper waitingText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper serviceCounts = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper waitedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper longestText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper servedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper averageText = new ReadOnlyStringWrapper("");
    private Ticket current;
    private List<Ticket> queue = List.of();

    public CounterFigures(I18n i18n, Clock clock, ServiceNames names) {
        this.i18n = i18n;
        this.clock = clock;
        this.names = names;
    }

    public ReadOnlyStringProperty waitingText() {
        return waitingText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serviceCounts() {
        return serviceCounts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty waitedText() {
        return waitedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty longestText() {
        return longestText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty servedText() {
        return servedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty averageText() {
        return averageText.getReadOnlyProperty();
    }

    /** The current ticket (or null) and this counter's queue in call order, as just shown. */
    public void show(Ticket current, List<Ticket> queue) {
        this.current = current;
        this.queue = List.copyOf(queue);
        waitingText.set(i18n.t("queue.waiting", queue.size()));
        Map<String, Long> perService = queue.stream().collect(Collectors.groupingBy(t -> names.name(t.serviceId()),
                LinkedHashMap::new, Collectors.counting()));
        serviceCounts.set(perService.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("   ")));
        tick();
    }

    /** Refreshes the waiting times from the clock. */
    public void tick() {
        Instant now = clock.instant();
        Ticket t = current;
        waitedText.set(t == null ? "" : i18n.t("counter.waited",
                I18n.duration(Duration.between(t.issuedAt(), t.calledAt() != null ? t.calledAt() : now))));
        longestText.set(queue.isEmpty() ? "" : i18n.t("queue.longest", I18n.duration(Duration.between(
                queue.stream().map(Ticket::issuedAt).min(Instant::compareTo).orElse(now), now))));
    }

    /** This counter's figures for the day, as the server counts them. */
    public void stats(CounterStats s) {
        servedText.set(i18n.t("status.served", i18n.number(s.served())));
        averageText.set(i18n.t("status.average", s.averageServiceSeconds() == null ? "—"
                : I18n.duration(Duration.ofSeconds(s.averageServiceSeconds()))));
    }
}
