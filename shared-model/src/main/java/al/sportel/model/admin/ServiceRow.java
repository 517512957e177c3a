package al.sportel.model.admin;

/** A service with its settings, active or not, as administration sees it. */
public record ServiceRow(long id, String branchCode, String letter, String name, String nameEn, int averageServiceSeconds,
                         boolean active, int maxWaitMinutes) {
}
