package al.sportel.model.cases;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code POST /api/v1/complaints} ({@code category}) or {@code POST /api/v1/applications} (the same code
 * goes in {@code type}). Absent fields are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewCase(String category, String type, String customerCode, String name, String phone, String email,
                      String description, String branchCode, String ticketId) {

    public static NewCase complaint(String category, String customerCode, String name, String phone, String email,
                                    String description, String branchCode, String ticketId) {
        return new NewCase(category, null, customerCode, name, phone, email, description, branchCode, ticketId);
    }

    public static NewCase application(String type, String customerCode, String name, String phone, String email,
                                      String description, String branchCode, String ticketId) {
        return new NewCase(null, type, customerCode, name, phone, email, description, branchCode, ticketId);
    }

    /** The category or application type, whichever this case carries. */
    public String code() {
        return category != null ? category : type;
    }
}
