package al.sportel.model.queue;

import java.util.List;

/** {@code PUT /api/v1/counters/{id}/services}: the counter's profile, in order of preference. */
public record CounterServices(List<Long> serviceIds) {
}
