package al.sportel.server.channels;

import al.sportel.model.channels.Partner;
import al.sportel.server.http.ApiException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks every partner request's signature before any handler runs, and keeps the body it read
 * (the signature covers it) for the handler. Unknown keys, bad signatures and stale timestamps get
 * the same kind of 401, so a caller learns nothing about which keys exist.
 */
final class ChannelAuth {

    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int MAX_BODY = 64 * 1024;
    /** A settlement file for a busy day: 100,000 lines of about 70 bytes. */
    static final int MAX_SETTLEMENT_BODY = 8 * 1024 * 1024;
    private static final String PARTNER = "sportel.channel.partner";
    private static final String BODY = "sportel.channel.body";
    /** Checked against when the key is unknown, so a wrong key id costs the same time as a wrong signature. */
    private static final byte[] DECOY = SecretBox.randomBytes(32);

    private final PartnerService partners;
    private final Clock clock;

    ChannelAuth(PartnerService partners, Clock clock) {
        this.partners = partners;
        this.clock = clock;
    }

    void verify(Context ctx) {
        String keyId = ctx.header(Signature.KEY_HEADER);
        String timestamp = ctx.header(Signature.TIMESTAMP_HEADER);
        String signature = ctx.header(Signature.SIGNATURE_HEADER);
        if (keyId == null || timestamp == null || signature == null) {
            throw unauthorized("Sign the request: send " + Signature.KEY_HEADER + ", " + Signature.TIMESTAMP_HEADER + " and "
                    + Signature.SIGNATURE_HEADER + " (docs/channels.md)");
        }
        Instant at;
        try {
            at = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        } catch (NumberFormatException | DateTimeException e) {
            throw unauthorized(Signature.TIMESTAMP_HEADER + " must be Unix seconds");
        }
        byte[] body = readBody(ctx, ctx.path().endsWith("/settlements") ? MAX_SETTLEMENT_BODY : MAX_BODY);
        String pathAndQuery = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        var key = keyId.length() > 40 ? Optional.<PartnerService.SigningKey>empty() : partners.signingKey(keyId);
        boolean good = Signature.matches(key.map(PartnerService.SigningKey::secret).orElse(DECOY), ctx.method().name(), pathAndQuery,
                timestamp.strip(), body, signature);
        if (key.isEmpty() || !good) {
            throw unauthorized("Unknown key or bad signature");
        }
        Duration skew = Duration.between(at, clock.instant()).abs();
        if (skew.compareTo(WINDOW) > 0) {
            throw unauthorized("The timestamp is more than 5 minutes from the server's time; check the clock");
        }
        if (!key.get().partner().active()) {
            throw ApiException.forbidden("This partner is deactivated");
        }
        ctx.attribute(PARTNER, key.get().partner());
        ctx.attribute(BODY, body);
    }

    static Partner partner(Context ctx) {
        Partner p = ctx.attribute(PARTNER);
        if (p == null) {
            throw unauthorized("Not signed");
        }
        return p;
    }

    static byte[] body(Context ctx) {
        byte[] b = ctx.attribute(BODY);
        return b == null ? new byte[0] : b;
    }

    static String bodyText(Context ctx) {
        return new String(body(ctx), StandardCharsets.UTF_8);
    }

    /** Read here rather than through Javalin, whose body limit suits JSON but not a day's settlement file. */
    static byte[] readBody(Context ctx, int limit) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] b = in.readNBytes(limit + 1);
            if (b.length > limit) {
                throw new ApiException(413, "too-large", "Request too large", "The body is larger than " + limit + " bytes", null, null);
            }
            return b;
        } catch (IOException e) {
            throw ApiException.badRequest("The request body could not be read");
        }
    }

    private static ApiException unauthorized(String detail) {
        return new ApiException(401, "bad-signature", "Not signed correctly", detail, null, null);
    }
}
