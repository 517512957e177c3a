package al.sportel.model.cases;

/** A complaint category or an application type, with how many days the office has to answer. */
public record CaseCategory(String code, String name, String nameEn, int deadlineDays) {
}
