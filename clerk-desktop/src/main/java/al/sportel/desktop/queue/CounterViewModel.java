package al.sportel.desktop.queue;

import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Jobs;
import al.sportel.model.Counter;
import al.sportel.model.CounterStatus;
import al.sportel.model.LiveEvent;
import al.sportel.model.QueueSnapshot;
import al.sportel.model.ServiceInfo;
import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The counter screen without its controls: the current ticket, this counter's queue and the
 * actions on them. Read-only properties for the view to bind; command methods for its buttons.
 * Runs on the FX thread (or a test's thread); blocking calls go through {@link Jobs}.
 */
// Over 300 lines because a view-model's surface is wide: each of its fourteen read-only properties
// needs a field and an accessor, and the bindings for the buttons live here so the tests can see them.
// The logic itself (commands, reload, render) is about half of it.
public final class CounterViewModel {

    /** Where the screen goes when the clerk leaves it (closed counter, logout, expired session). */
    public interface Exit {
        void leave();
    }

    private final CounterDesk desk;
    private final Jobs jobs;
    private final I18n i18n;
    private final Clock clock;
    private final Counter counter;
    private final QueueModel model;
    private final Map<Long, ServiceInfo> services;
    private final ObservableBooleanValue linkUp;
    private final ReadOnlyObjectWrapper<Ticket> current = new ReadOnlyObjectWrapper<>();
    /** The ticket this clerk last marked a no-show, while it may still come back. */
    private final ReadOnlyObjectWrapper<Ticket> lastNoShow = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CounterStatus> counterStatus;
    private final ObservableList<Ticket> queue = FXCollections.observableArrayList();
    private final ObservableList<Ticket> queueView = FXCollections.unmodifiableObservableList(queue);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper waitingText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper serviceCounts = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper waitedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper longestText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper servedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper averageText = new ReadOnlyStringWrapper("");
    private Exit exit = () -> { };
    private boolean nothingWaitingShown;
    private boolean reloading;

    public CounterViewModel(CounterDesk desk, Jobs jobs, I18n i18n, Clock clock, Counter counter,
            List<ServiceInfo> services, ObservableBooleanValue linkUp) {
        this.desk = desk;
        this.jobs = jobs;
        this.i18n = i18n;
        this.clock = clock;
        this.counter = counter;
        this.linkUp = linkUp;
        this.model = new QueueModel(counter.id(), counter.serviceIds());
        this.services = services.stream().collect(Collectors.toMap(ServiceInfo::id, s -> s, (a, b) -> a, LinkedHashMap::new));
        this.counterStatus = new ReadOnlyObjectWrapper<>(counter.status());
        render();
    }

    public void onExit(Exit exit) {
        this.exit = exit;
    }

    // --- what the view binds ---

    public ReadOnlyObjectProperty<Ticket> lastNoShow() {
        return lastNoShow.getReadOnlyProperty();
    }

    public BooleanBinding canReactivate() {
        return blocked().not().and(lastNoShow.isNotNull());
    }

    public ReadOnlyObjectProperty<Ticket> current() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CounterStatus> counterStatus() {
        return counterStatus.getReadOnlyProperty();
    }

    /** This counter's waiting tickets in the order call-next takes them. */
    public ObservableList<Ticket> queue() {
        return queueView;
    }

    /** The outcome of the last action for the clerk, or null. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
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

    /** Only the server can move the queue: without it (or while a request runs) the actions wait. */
    private BooleanBinding blocked() {
        return Bindings.createBooleanBinding(() -> jobs.busy().get() || !linkUp.get(), jobs.busy(), linkUp);
    }

    public BooleanBinding canCallNext() {
        return blocked().not().and(current.isNull()).and(counterStatus.isEqualTo(CounterStatus.OPEN));
    }

    /** Recall, start, no-show and return: only for a ticket called and not yet started. */
    public BooleanBinding canActOnCalled() {
        return blocked().not().and(Bindings.createBooleanBinding(
                () -> current.get() != null && current.get().status() == TicketStatus.CALLED, current));
    }

    /** Finish and transfer: any current ticket (a CALLED one is started first). */
    public BooleanBinding canActOnCurrent() {
        return blocked().not().and(current.isNotNull());
    }

    public BooleanBinding canPause() {
        return blocked().not();
    }

    public BooleanBinding canClose() {
        return blocked().not().and(current.isNull());
    }

    public String serviceName(long serviceId) {
        ServiceInfo s = services.get(serviceId);
        if (s == null) {
            return "";
        }
        return s.letter() + " · " + ("en".equals(i18n.lang()) ? s.nameEn() : s.name());
    }

    public List<ServiceInfo> services() {
        return List.copyOf(services.values());
    }

    // --- commands ---

    public void callNext() {
        act(() -> desk.callNext(counter.id()), called -> {
            if (called.isEmpty()) {
                nothingWaitingShown = true;
                message.set(i18n.t("action.nothingWaiting"));
            } else {
                model.put(called.get());
            }
        });
    }

    /** {@code recall}, {@code start}, {@code no-show} or {@code return} on the current ticket. */
    public void ticketAction(String action) {
        Ticket t = current.get();
        if (t != null) {
            act(() -> desk.ticketAction(t.id(), action), updated -> {
                model.put(updated);
                if (updated.status() == TicketStatus.NO_SHOW) {
                    lastNoShow.set(updated);
                }
                if (updated.status().ended()) {
                    refreshStats();
                }
            });
        }
    }

    public void finish() {
        Ticket t = current.get();
        if (t == null) {
            return;
        }
        act(() -> {
            startIfCalled(t);
            return desk.ticketAction(t.id(), "finish");
        }, done -> {
            model.put(done);
            refreshStats();
        });
    }

    public void transfer(Long serviceId, Long counterId) {
        Ticket t = current.get();
        if (t == null) {
            return;
        }
        act(() -> {
            startIfCalled(t);
            return desk.transfer(t.id(), serviceId, counterId);
        }, model::put);
    }

    /** The reasons for an out-of-order call, loaded off the FX thread; {@code then} runs on it. */
    public void loadOutOfOrderReasons(Consumer<List<QueueReason>> then) {
        jobs.run(desk::outOfOrderReasons, then, this::onError);
    }

    /** Calls {@code ticket} from the queue ahead of its turn, with a reason from the list. */
    public void callOutOfOrder(Ticket ticket, String reason) {
        act(() -> desk.callOutOfOrder(ticket.id(), counter.id(), reason), model::put);
    }

    /** Brings the last no-show back into the queue; the server refuses it after the grace period. */
    public void reactivate() {
        Ticket t = lastNoShow.get();
        if (t != null) {
            act(() -> desk.reactivate(t.id()), back -> {
                lastNoShow.set(null);
                model.put(back);
            });
        }
    }

        private void startIfCalled(Ticket t) throws Exception {
        if (t.status() == TicketStatus.CALLED) {
            desk.ticketAction(t.id(), "start");
        }
    }

    public void pauseOrResume() {
        String action = counterStatus.get() == CounterStatus.OPEN ? "pause" : "open";
        act(() -> desk.counterAction(counter.id(), action), c -> counterStatus.set(c.status()));
    }

    public void closeCounter() {
        act(() -> desk.counterAction(counter.id(), "close"), c -> exit.leave());
    }

    /** Closes the counter on the way out unless a ticket is still at it. */
    public void logout() {
        boolean close = current.get() == null && counterStatus.get() != CounterStatus.CLOSED;
        act(() -> {
            if (close) {
                desk.counterAction(counter.id(), "close");
            }
            return null;
        }, x -> exit.leave());
    }

    /** Loads the queue again; {@code then} gets the snapshot (the view connects its live stream then). */
    public void reload(Consumer<QueueSnapshot> then) {
        if (reloading) {
            return;
        }
        reloading = true;
        jobs.run(desk::queue, snapshot -> {
            reloading = false;
            model.load(snapshot);
            model.myCounter().ifPresent(c -> counterStatus.set(c.status()));
            render();
            then.accept(snapshot);
        }, e -> {
            reloading = false;
            onError(e);
        });
    }

    /** One live event from the stream; a gap means events were missed and the queue is reloaded. */
    public void apply(long id, LiveEvent event) {
        if (!model.apply(id, event)) {
            reload(s -> { });
            return;
        }
        model.myCounter().ifPresent(c -> counterStatus.set(c.status()));
        render();
    }

    public void refreshStats() {
        jobs.run(() -> desk.stats(counter.id()), s -> {
            servedText.set(i18n.t("status.served", i18n.number(s.served())));
            averageText.set(i18n.t("status.average", s.averageServiceSeconds() == null ? "—"
                    : I18n.duration(Duration.ofSeconds(s.averageServiceSeconds()))));
        }, e -> { }); // the figures only keep their last value; Background has logged a bug
    }

    private <T> void act(Jobs.Job<T> job, Consumer<T> onDone) {
        message.set(null);
        nothingWaitingShown = false;
        jobs.run(job, result -> {
            onDone.accept(result);
            render();
        }, this::onError);
    }

    private void onError(ApiException e) {
        message.set(AppContext.describe(i18n, e));
        if (e.status() == 409) {
            reload(s -> { }); // someone else changed it: show the truth
        }
        if (e.status() == 401) {
            exit.leave();
        }
    }

    // --- what the view shows ---

    private void render() {
        current.set(model.current().orElse(null));
        List<Ticket> mine = model.myQueue();
        queue.setAll(mine);
        if (nothingWaitingShown && !mine.isEmpty()) {
            // "nothing waiting" was true when the clerk pressed; a ticket has arrived since
            nothingWaitingShown = false;
            message.set(null);
        }
        waitingText.set(i18n.t("queue.waiting", mine.size()));
        Map<String, Long> perService = mine.stream().collect(Collectors.groupingBy(t -> serviceName(t.serviceId()),
                LinkedHashMap::new, Collectors.counting()));
        serviceCounts.set(perService.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("   ")));
        tick();
    }

    /** Refreshes the waiting times; the view calls it every second. */
    public void tick() {
        Instant now = clock.instant();
        Ticket t = current.get();
        waitedText.set(t == null ? "" : i18n.t("counter.waited",
                I18n.duration(Duration.between(t.issuedAt(), t.calledAt() != null ? t.calledAt() : now))));
        longestText.set(queue.isEmpty() ? "" : i18n.t("queue.longest", I18n.duration(Duration.between(
                queue.stream().map(Ticket::issuedAt).min(Instant::compareTo).orElse(now), now))));
    }

    public Instant now() {
        return clock.instant();
    }
}
