package al.sportel.model.queue;

/** {@code POST /api/v1/tickets/{id}/priority}. */
public record PriorityRequest(boolean priority) {
}
