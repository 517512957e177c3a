package al.sportel.desktop.queue;

import al.sportel.model.queue.CounterStats;
import al.sportel.model.queue.EndAndCall;

import al.sportel.model.Counter;
import al.sportel.model.QueueSnapshot;
import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import java.util.List;
import java.util.Optional;

/**
 * What the counter screen asks of the server. {@link ApiCounterDesk} is the real one; the
 * view-model's tests put a fake behind this interface. Every method blocks: call them through
 * {@link al.sportel.desktop.app.Jobs}.
 */
public interface CounterDesk {

    Optional<Ticket> callNext(long counterId) throws Exception;

    /** {@code recall}, {@code start}, {@code finish}, {@code no-show} or {@code return}. */
    Ticket ticketAction(String ticketId, String action) throws Exception;

    /**
     * Ends the counter's ticket with {@code outcome} ({@code DONE} or {@code NO_SHOW}) and calls the next one in one
     * request; the answer's {@code called} is null when nothing waits.
     */
    EndAndCall endAndCallNext(long counterId, String ticketId, TicketStatus outcome) throws Exception;

    /** To a service or to a counter: exactly one of the two is not null. */
    Ticket transfer(String ticketId, Long serviceId, Long counterId) throws Exception;

    /** {@code open}, {@code pause} or {@code close}. */
    Counter counterAction(long counterId, String action) throws Exception;

    CounterStats stats(long counterId) throws Exception;

    /** The reasons a clerk may give for calling a ticket out of order. */
    List<QueueReason> outOfOrderReasons() throws Exception;

    /** Calls this waiting ticket to the counter ahead of its turn; the server audits it. */
    Ticket callOutOfOrder(String ticketId, long counterId, String reason) throws Exception;

    /** A no-show back in the queue, within the branch's grace period. */
    Ticket reactivate(String ticketId) throws Exception;

    /** The branch's queue from the server or, when it is out of reach, the last one kept locally. */
    QueueSnapshot queue() throws Exception;
}
