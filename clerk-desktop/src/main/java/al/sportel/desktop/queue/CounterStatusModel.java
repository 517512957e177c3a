package al.sportel.desktop.queue;

import al.sportel.desktop.api.ApiException;
import al.sportel.model.CounterStatus;
import al.sportel.model.Ticket;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The counter itself rather than its tickets: open, paused or closed, and the commands that change that
 * (pause or resume, close, log out). The server's answer and the live events set the status; nothing here
 * guesses it.
 */
public final class CounterStatusModel {

    private final CounterDesk desk;
    private final long counterId;
    private final CounterAct act;
    private final Runnable leave;
    private final ReadOnlyObjectProperty<Ticket> current;
    private final BooleanBinding blocked;
    private final ReadOnlyObjectWrapper<CounterStatus> status;

    CounterStatusModel(CounterDesk desk, long counterId, CounterStatus initial, CounterAct act, Runnable leave,
            ReadOnlyObjectProperty<Ticket> current, BooleanBinding blocked) {
        this.desk = desk;
        this.counterId = counterId;
        this.act = act;
        this.leave = leave;
        this.current = current;
        this.blocked = blocked;
        this.status = new ReadOnlyObjectWrapper<>(initial);
    }

    public ReadOnlyObjectProperty<CounterStatus> value() {
        return status.getReadOnlyProperty();
    }

    /** The status as the server now has it (an answer, a snapshot or a live event). */
    void set(CounterStatus now) {
        status.set(now);
    }

    /** Pausing waits until no ticket is at the counter (the server refuses it too); resuming a pause never does. */
    public BooleanBinding canPause() {
        return blocked.not().and(current.isNull());
    }

    public BooleanBinding canClose() {
        return blocked.not().and(current.isNull());
    }

    public void pauseOrResume() {
        String action = status.get() == CounterStatus.OPEN ? "pause" : "open";
        act.run(() -> desk.counterAction(counterId, action), c -> status.set(c.status()));
    }

    public void close() {
        act.run(() -> desk.counterAction(counterId, "close"), c -> leave.run());
    }

    /**
     * Closes the counter on the way out unless a ticket is still at it. Without the link the clerk still
     * leaves: the counter stays open at the head office until the day's end or a supervisor closes it.
     */
    public void logout() {
        boolean close = current.get() == null && status.get() != CounterStatus.CLOSED;
        act.run(() -> {
            if (close) {
                try {
                    desk.counterAction(counterId, "close");
                } catch (ApiException e) {
                    if (!e.unreachable()) {
                        throw e;
                    }
                }
            }
            return null;
        }, x -> leave.run());
    }
}
