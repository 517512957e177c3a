package al.sportel.model;

import java.time.Instant;

public record LoginResponse(String token, Instant expiresAt, UserInfo user) {
}
