package al.sportel.model.channels;

import java.time.Instant;

/**
 * A new key and its secret: the only time the secret is ever shown. {@code previousKeysExpireAt} says
 * until when the partner's older keys keep working (null when this is its first key).
 */
public record IssuedCredential(long partnerId, String keyId, String secret, Instant createdAt, Instant previousKeysExpireAt) {
}
