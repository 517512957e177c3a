package al.sportel.model.citizen;

import java.time.Instant;

/**
 * A verified citizen's session in the phone app: the token goes back in the {@code X-Sportel-Account}
 * header of every account request until it expires; the account is what the check showed.
 */
public record AppSession(String accountToken, Instant expiresAt, AccountSummary account) {
}
