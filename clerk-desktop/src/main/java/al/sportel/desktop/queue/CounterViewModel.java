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
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
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
 * Runs on the FX thread (or a test's thread); blocking calls go through {@link Jobs}. Its parts: the figures
 * ({@link CounterFigures}), the counter's own status ({@link CounterStatusModel}), the last no-show that
 * may come back ({@link NoShowComeback}) and ending a ticket with the next one called ({@link EndAndCallNext});
 * every command of every part runs through {@link #act}.
 */
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
    private final ServiceNames services;
    private final ReadOnlyObjectWrapper<Ticket> current = new ReadOnlyObjectWrapper<>();
    /** Only the server can move the queue: without it (or while a request runs) the actions wait. */
    private final BooleanBinding blocked;
    private final CounterStatusModel status;
    private final NoShowComeback comeback;
    private final EndAndCallNext endAndCallNext;
    private final ObservableList<Ticket> queue = FXCollections.observableArrayList();
    private final ObservableList<Ticket> queueView = FXCollections.unmodifiableObservableList(queue);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final CounterFigures figures;
    private Exit exit = () -> { };
    private boolean nothingWaitingShown;
    private boolean reloading;
    /** What runs after the first load that works (the view starts its live stream); null once it has run. */
    private Consumer<QueueSnapshot> firstLoad;

    public CounterViewModel(CounterDesk desk, Jobs jobs, I18n i18n, Clock clock, Counter counter,
            List<ServiceInfo> services, ObservableBooleanValue linkUp) {
        this.desk = desk;
        this.jobs = jobs;
        this.i18n = i18n;
        this.clock = clock;
        this.counter = counter;
        this.model = new QueueModel(counter.id(), counter.serviceIds());
        this.services = new ServiceNames(i18n, services);
        this.figures = new CounterFigures(i18n, clock, this.services);
        this.blocked = Bindings.createBooleanBinding(() -> jobs.busy().get() || !linkUp.get(), jobs.busy(), linkUp);
        this.status = new CounterStatusModel(desk, counter.id(), counter.status(), this::act, () -> exit.leave(),
                current.getReadOnlyProperty(), blocked);
        this.comeback = new NoShowComeback(desk, this::act, model::put, blocked);
        this.endAndCallNext = new EndAndCallNext(desk, counter.id(), this::act, current.getReadOnlyProperty(),
                blocked.not().and(status.value().isEqualTo(CounterStatus.OPEN)), comeback, model::put,
                this::nothingWaiting, this::refreshStats);
        // A first load that failed left no stream to bring the queue back: load again when the link answers.
        linkUp.addListener((obs, was, isUp) -> {
            if (isUp && firstLoad != null) {
                reload(s -> { });
            }
        });
        render();
    }

    /** Loads the queue; {@code connect} gets the first snapshot that arrives, however many tries that takes. */
    public void start(Consumer<QueueSnapshot> connect) {
        firstLoad = connect;
        reload(s -> { });
    }

    public void onExit(Exit exit) {
        this.exit = exit;
    }

    // --- what the view binds ---

    public ReadOnlyObjectProperty<Ticket> current() {
        return current.getReadOnlyProperty();
    }

    /** Open, paused or closed, and the commands on the counter itself. */
    public CounterStatusModel status() {
        return status;
    }

    public NoShowComeback comeback() {
        return comeback;
    }

    /** Finish or no-show the current ticket and call the next, in one request. */
    public EndAndCallNext endAndCallNext() {
        return endAndCallNext;
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
        return figures.waitingText();
    }

    public ReadOnlyStringProperty serviceCounts() {
        return figures.serviceCounts();
    }

    public ReadOnlyStringProperty waitedText() {
        return figures.waitedText();
    }

    public ReadOnlyStringProperty longestText() {
        return figures.longestText();
    }

    public ReadOnlyStringProperty servedText() {
        return figures.servedText();
    }

    public ReadOnlyStringProperty averageText() {
        return figures.averageText();
    }

    public BooleanBinding canCallNext() {
        return blocked.not().and(current.isNull()).and(status.value().isEqualTo(CounterStatus.OPEN));
    }

    /** Recall, start, no-show and return: only for a ticket called and not yet started. */
    public BooleanBinding canActOnCalled() {
        return blocked.not().and(Bindings.createBooleanBinding(
                () -> current.get() != null && current.get().status() == TicketStatus.CALLED, current));
    }

    /** Finish and transfer: any current ticket (a CALLED one is started first). */
    public BooleanBinding canActOnCurrent() {
        return blocked.not().and(current.isNotNull());
    }

    public ServiceNames services() {
        return services;
    }

    /** The centre's counters now (opened and closed since login included), for a transfer to one of them. */
    public List<Counter> counters() {
        return model.counters();
    }

    // --- commands ---

    public void callNext() {
        act(() -> desk.callNext(counter.id()), called -> {
            if (called.isEmpty()) {
                nothingWaiting();
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
                comeback.changed(updated);
                if (updated.status().ended()) {
                    refreshStats();
                }
            });
        }
    }

    private void nothingWaiting() {
        nothingWaitingShown = true;
        message.set(i18n.t("action.nothingWaiting"));
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

    private void startIfCalled(Ticket t) throws Exception {
        if (t.status() == TicketStatus.CALLED) {
            desk.ticketAction(t.id(), "start");
        }
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
            model.myCounter().ifPresent(c -> status.set(c.status()));
            render();
            Consumer<QueueSnapshot> first = firstLoad;
            firstLoad = null;
            if (first != null) {
                first.accept(snapshot);
            }
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
        model.myCounter().ifPresent(c -> status.set(c.status()));
        render();
    }

    public void refreshStats() {
        jobs.run(() -> desk.stats(counter.id()), figures::stats,
                e -> { }); // the figures only keep their last value; Background has logged a bug
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
        figures.show(current.get(), mine);
    }

    /** Refreshes the waiting times; the view calls it every second. */
    public void tick() {
        figures.tick();
    }

    public Instant now() {
        return clock.instant();
    }
}
