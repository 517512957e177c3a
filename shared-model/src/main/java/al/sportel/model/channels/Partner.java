package al.sportel.model.channels;

import java.time.Instant;

/** A post office network, bank or mobile operator that takes bill payments for us. */
public record Partner(long id, String code, String name, PartnerKind kind, boolean active, Instant createdAt) {
}
