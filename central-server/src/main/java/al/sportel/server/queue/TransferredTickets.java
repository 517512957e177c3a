package al.sportel.server.queue;

import al.sportel.model.EventType;
import al.sportel.model.Ticket;
import al.sportel.model.UserInfo;
import al.sportel.server.events.EventLog;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Tickets sent to one counter are called by that counter alone. When it closes they go back to their
 * service's queue, keeping their place (issuedAt), instead of waiting for a counter that will not call them.
 */
final class TransferredTickets {

    private TransferredTickets() {
    }

    /** Inside the closing transaction; each released ticket gets its live event. */
    static int release(Handle h, EventLog events, UserInfo actor, long counterId, Instant now) {
        List<String> ids = h.createQuery("""
                        SELECT id FROM tickets WHERE target_counter_id = :c AND status = 'WAITING' ORDER BY issued_at FOR UPDATE
                        """)
                .bind("c", counterId).mapTo(String.class).list();
        for (String id : ids) {
            h.execute("UPDATE tickets SET target_counter_id = NULL WHERE id = ?", id);
            Ticket view = QueueEngine.find(h, id).orElseThrow().view();
            events.append(h, view.branchCode(), EventType.TICKET_TRANSFERRED, now, actor, view, null, "WAITING", "WAITING");
        }
        return ids.size();
    }
}
