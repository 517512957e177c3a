package al.sportel.desktop.queue;

import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import al.sportel.model.queue.EndAndCall;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * Ending the current ticket and calling the next one in a single request ("finish and call next", "no-show and
 * call next"). The server does both in one transaction and changes nothing when it refuses the ending, so the
 * clerk never ends up with the old ticket ended but no answer about the next one.
 */
public final class EndAndCallNext {

    private final CounterDesk desk;
    private final long counterId;
    private final CounterAct act;
    private final ReadOnlyObjectProperty<Ticket> current;
    private final BooleanBinding ready;
    private final NoShowComeback comeback;
    private final Consumer<Ticket> put;
    private final Runnable nothingWaiting;
    private final Runnable refreshStats;

    /**
     * {@code ready}: the counter is open and nothing blocks the queue actions; {@code put} hands a ticket the server
     * returned to the screen's queue; {@code nothingWaiting} says so to the clerk, as call-next does.
     */
    EndAndCallNext(CounterDesk desk, long counterId, CounterAct act, ReadOnlyObjectProperty<Ticket> current,
            BooleanBinding ready, NoShowComeback comeback, Consumer<Ticket> put, Runnable nothingWaiting,
            Runnable refreshStats) {
        this.desk = desk;
        this.counterId = counterId;
        this.act = act;
        this.current = current;
        this.ready = ready;
        this.comeback = comeback;
        this.put = put;
        this.nothingWaiting = nothingWaiting;
        this.refreshStats = refreshStats;
    }

    /** Any current ticket (the server starts a CALLED one first), at an open counter. */
    public BooleanBinding canFinishAndNext() {
        return ready.and(current.isNotNull());
    }

    /** Only a ticket called and not yet started, at an open counter. */
    public BooleanBinding canNoShowAndNext() {
        return ready.and(Bindings.createBooleanBinding(
                () -> current.get() != null && current.get().status() == TicketStatus.CALLED, current));
    }

    public void finishAndNext() {
        Ticket t = current.get();
        if (t == null) {
            return;
        }
        // one request whatever the state: the server starts a called ticket and finishes it in the same transaction
        act.run(() -> desk.endAndCallNext(counterId, t.id(), TicketStatus.DONE), this::show);
    }

    public void noShowAndNext() {
        Ticket t = current.get();
        if (t != null && t.status() == TicketStatus.CALLED) {
            act.run(() -> desk.endAndCallNext(counterId, t.id(), TicketStatus.NO_SHOW), this::show);
        }
    }

    private void show(EndAndCall answer) {
        put.accept(answer.ended());
        comeback.changed(answer.ended());
        if (answer.called() == null) {
            nothingWaiting.run();
        } else {
            put.accept(answer.called());
        }
        refreshStats.run();
    }
}
