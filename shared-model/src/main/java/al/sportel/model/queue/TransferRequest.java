package al.sportel.model.queue;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code POST /api/v1/tickets/{id}/transfer}: to a service's queue or to one counter, never both. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferRequest(Long serviceId, Long counterId) {

    public static TransferRequest toService(long serviceId) {
        return new TransferRequest(serviceId, null);
    }

    public static TransferRequest toCounter(long counterId) {
        return new TransferRequest(null, counterId);
    }
}
