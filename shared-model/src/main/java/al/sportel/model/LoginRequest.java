package al.sportel.model;

public record LoginRequest(String username, String password) {
}
