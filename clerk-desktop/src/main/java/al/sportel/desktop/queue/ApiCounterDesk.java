package al.sportel.desktop.queue;

import al.sportel.model.queue.CounterStats;
import al.sportel.model.queue.EndAndCall;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.offline.CounterLink;
import al.sportel.desktop.offline.LocalCache;
import al.sportel.model.Counter;
import al.sportel.model.QueueSnapshot;
import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The counter's requests over HTTP, with the queue kept in the local file for when the link is down. */
final class ApiCounterDesk implements CounterDesk {

    private final ApiClient api;
    private final CounterLink link;
    private final String branch;

    ApiCounterDesk(ApiClient api, CounterLink link, String branch) {
        this.api = api;
        this.link = link;
        this.branch = branch;
    }

    @Override
    public Optional<Ticket> callNext(long counterId) throws ApiException {
        return api.callNext(counterId);
    }

    @Override
    public Ticket ticketAction(String ticketId, String action) throws ApiException {
        return api.ticketAction(ticketId, action);
    }

    @Override
    public EndAndCall endAndCallNext(long counterId, String ticketId, TicketStatus outcome) throws ApiException {
        return api.endAndCallNext(counterId, ticketId, outcome);
    }

    @Override
    public Ticket transfer(String ticketId, Long serviceId, Long counterId) throws ApiException {
        return api.transfer(ticketId, serviceId, counterId);
    }

    @Override
    public Counter counterAction(long counterId, String action) throws ApiException {
        return api.counterAction(counterId, action);
    }

    @Override
    public CounterStats stats(long counterId) throws ApiException {
        return api.stats(counterId);
    }

    @Override
    public List<QueueReason> outOfOrderReasons() throws ApiException {
        return api.call("GET", "/api/v1/queue-reasons/OUT_OF_ORDER", null, new TypeReference<List<QueueReason>>() { });
    }

    @Override
    public Ticket callOutOfOrder(String ticketId, long counterId, String reason) throws ApiException {
        return api.call("POST", "/api/v1/tickets/" + ticketId + "/call", Map.of("counterId", counterId, "reason", reason),
                new TypeReference<Ticket>() { });
    }

    @Override
    public Ticket reactivate(String ticketId) throws ApiException {
        return api.call("POST", "/api/v1/tickets/" + ticketId + "/reactivate", null, new TypeReference<Ticket>() { });
    }

    /**
     * The server's queue, kept in the local file; without the server, the last one kept, so the clerk
     * still sees who was waiting (the banner says it is not live).
     */
    @Override
    public QueueSnapshot queue() throws Exception {
        try {
            QueueSnapshot s = api.queue(branch);
            link.cache().put("queue", branch, api.toJson(s));
            return s;
        } catch (ApiException e) {
            boolean down = e.unreachable() || e.status() >= 500;
            if (down) {
                link.failed(e); // the link asks the server until it answers, and the screen loads the queue then
            }
            Optional<LocalCache.Entry> cached = e.unreachable() ? link.cache().get("queue", branch) : Optional.empty();
            if (cached.isEmpty()) {
                throw e;
            }
            return api.fromJson(cached.get().json(), QueueSnapshot.class);
        }
    }
}
