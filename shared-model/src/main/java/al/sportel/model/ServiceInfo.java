package al.sportel.model;

/** A service of a branch: what a ticket is for (P payment, A application, K complaint, I information). */
public record ServiceInfo(long id, String letter, String name, String nameEn, int averageServiceSeconds) {
}
