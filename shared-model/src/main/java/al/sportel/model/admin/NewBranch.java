package al.sportel.model.admin;

/** {@code POST /api/v1/branches}: a branch with the standard services and {@code counters} counters. */
public record NewBranch(String code, String name, String city, String address, int counters) {
}
