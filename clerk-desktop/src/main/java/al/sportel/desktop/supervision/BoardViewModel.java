package al.sportel.desktop.supervision;

import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Jobs;
import al.sportel.model.Board;
import al.sportel.model.Counter;
import al.sportel.model.Ticket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The supervisor's board without its controls: which branch, the latest board, the day's summary,
 * the services over their threshold, and the actions on counters and tickets. One board request at
 * a time; refreshes asked for meanwhile cause exactly one more. Loading a board does not make the
 * jobs busy (the buttons stay usable); the actions do.
 */
public final class BoardViewModel {

    private final BoardDesk desk;
    private final Jobs jobs;
    private final I18n i18n;
    private final ReadOnlyObjectWrapper<Board> board = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper branch = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper today = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper alert = new ReadOnlyStringWrapper();
    private final Set<Long> alerted = new HashSet<>();
    private Consumer<List<Board.ServiceLine>> onNewAlert = s -> { };
    private Consumer<Board> onLoaded = b -> { };
    private boolean loading;
    private boolean again;
    private boolean disposed;

    /** {@code branch} may be null until one is chosen: nothing loads before {@link #switchBranch}. */
    public BoardViewModel(BoardDesk desk, Jobs jobs, I18n i18n, String branch) {
        this.desk = desk;
        this.jobs = jobs;
        this.i18n = i18n;
        this.branch.set(branch);
    }

    /** Told the services that have just passed their threshold (not those already over it). */
    public void onNewAlert(Consumer<List<Board.ServiceLine>> onNewAlert) {
        this.onNewAlert = onNewAlert;
    }

    /** Told each board loaded, after the properties changed (the view starts its live stream then). */
    public void onLoaded(Consumer<Board> onLoaded) {
        this.onLoaded = onLoaded;
    }

    public ReadOnlyObjectProperty<Board> board() {
        return board.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty branch() {
        return branch.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty today() {
        return today.getReadOnlyProperty();
    }

    /** The services over their threshold, or null when none is. */
    public ReadOnlyStringProperty alert() {
        return alert.getReadOnlyProperty();
    }

    public String name(Board.ServiceLine s) {
        return "en".equals(i18n.lang()) ? s.nameEn() : s.name();
    }

    /** Forgets the last branch's board, figures and alerts at once, and loads the board of {@code code}. */
    public void switchBranch(String code) {
        branch.set(code);
        alerted.clear();
        board.set(null);
        today.set("");
        alert.set(null);
        message.set(null);
        refresh();
    }

    public void refresh() {
        if (disposed || branch.get() == null) { // no branch chosen yet
            return;
        }
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        String code = branch.get();
        // quietly: a board fetched after every live event must not grey out the supervisor's buttons
        jobs.runQuietly(() -> desk.board(code), b -> {
            loading = false;
            if (disposed) {
                return;
            }
            if (!code.equals(branch.get())) {
                refresh();
                return;
            }
            show(b);
            onLoaded.accept(b);
            if (again) {
                again = false;
                refresh();
            }
        }, e -> {
            loading = false;
            showError(e);
        });
    }

    private void show(Board b) {
        board.set(b);
        Board.Totals t = b.today();
        today.set(i18n.t("sup.today", t.issued(), t.served(), seconds(t.averageWaitSeconds()), seconds(t.averageServiceSeconds()),
                i18n.percent(t.noShowRate())));
        List<Board.ServiceLine> over = b.services().stream().filter(Board.ServiceLine::overThreshold).toList();
        List<Board.ServiceLine> fresh = over.stream().filter(s -> !alerted.contains(s.id())).toList();
        alerted.retainAll(over.stream().map(Board.ServiceLine::id).collect(Collectors.toSet()));
        over.forEach(s -> alerted.add(s.id()));
        alert.set(over.isEmpty() ? null : over.stream().map(s -> i18n.t("sup.alert", s.letter() + " " + name(s),
                seconds(s.longestWaitSeconds()), s.maxWaitMinutes())).collect(Collectors.joining("   ")));
        if (!fresh.isEmpty()) {
            onNewAlert.accept(fresh);
        }
    }

    // --- actions on what the supervisor selected (null: nothing is, and they say what to choose);
    //     each one, once through, refreshes the board ---

    /** {@code open}, {@code pause} or {@code close}. */
    public void counterAction(Counter selected, String action) {
        if (selected == null) {
            ask("sup.select.counter");
            return;
        }
        act(() -> desk.counterAction(selected.id(), action));
    }

    /** The services the counter is to serve, preferred first; {@code saved} runs once the server has them. */
    public void setServices(Counter selected, List<Long> ids, Runnable saved) {
        if (selected == null) {
            ask("sup.select.counter");
            return;
        }
        if (ids.isEmpty()) {
            message.set(i18n.t("sup.select.services"));
            return;
        }
        act(() -> desk.setServices(selected.id(), ids), saved);
    }

    public void transfer(Ticket selected, MoveTarget target) {
        if (selected == null || target == null) {
            ask(selected == null ? "sup.select.ticket" : "sup.select.target");
            return;
        }
        act(() -> desk.transfer(selected.id(), target.serviceId(), target.counterId()));
    }

    /** Gives the ticket priority, or takes it away. */
    public void togglePriority(Ticket selected) {
        if (selected == null) {
            ask("sup.select.ticket");
            return;
        }
        act(() -> desk.priority(selected.id(), !selected.priority()));
    }

    public void cancel(Ticket selected) {
        if (selected == null) {
            ask("sup.select.ticket");
            return;
        }
        act(() -> desk.cancel(selected.id()));
    }

    /** Says what to choose first (a counter, a ticket, a target). */
    public void ask(String key) {
        message.set(i18n.t(key));
    }

    private interface Action {
        void run() throws Exception;
    }

    private void act(Action action) {
        act(action, () -> { });
    }

    private void act(Action action, Runnable then) {
        jobs.run(() -> {
            action.run();
            return null;
        }, x -> {
            message.set(null);
            then.run();
            refresh();
        }, this::showError);
    }

    private void showError(ApiException e) {
        message.set(AppContext.describe(i18n, e));
    }

    public void dispose() {
        disposed = true;
    }

    static String seconds(Long s) {
        return s == null ? "—" : I18n.seconds(s);
    }
}
