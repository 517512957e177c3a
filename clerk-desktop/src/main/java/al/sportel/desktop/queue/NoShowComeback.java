package al.sportel.desktop.queue;

import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The ticket this clerk last marked a no-show, while it may still come back, and bringing it back into the
 * queue. Only the server knows the branch's grace period, so the button stays until it refuses.
 */
public final class NoShowComeback {

    private final CounterDesk desk;
    private final CounterAct act;
    private final Consumer<Ticket> put;
    private final BooleanBinding blocked;
    private final ReadOnlyObjectWrapper<Ticket> lastNoShow = new ReadOnlyObjectWrapper<>();

    /** {@code put} hands a ticket the server returned to the screen's queue. */
    NoShowComeback(CounterDesk desk, CounterAct act, Consumer<Ticket> put, BooleanBinding blocked) {
        this.desk = desk;
        this.act = act;
        this.put = put;
        this.blocked = blocked;
    }

    /** The last no-show, or null. */
    public ReadOnlyObjectProperty<Ticket> ticket() {
        return lastNoShow.getReadOnlyProperty();
    }

    public BooleanBinding canReactivate() {
        return blocked.not().and(lastNoShow.isNotNull());
    }

    /** Told each ticket this clerk changed; a no-show becomes the one that may come back. */
    void changed(Ticket updated) {
        if (updated.status() == TicketStatus.NO_SHOW) {
            lastNoShow.set(updated);
        }
    }

    /** Brings the last no-show back into the queue; the server refuses it after the grace period. */
    public void reactivate() {
        Ticket t = lastNoShow.get();
        if (t != null) {
            act.run(() -> desk.reactivate(t.id()), back -> {
                lastNoShow.set(null);
                put.accept(back);
            });
        }
    }
}
