package al.sportel.model.admin;

import java.util.List;

/** {@code POST /api/v1/branches/{code}/counters}: its number and the services it serves, in order of preference. */
public record NewCounter(int number, List<Long> serviceIds) {
}
