package al.sportel.model.channels;

import java.time.Instant;

/**
 * One API key of a partner, without its secret. {@code expiresAt} is set when a newer key replaced it
 * (the end of the overlap); {@code revokedAt} when an admin cut it off at once.
 */
public record PartnerCredential(String keyId, long partnerId, Instant createdAt, Instant expiresAt, Instant revokedAt,
                                boolean usable) {
}
