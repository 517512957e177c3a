package al.sportel.tools.perf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's side of the channel API, written from docs/channels.md alone (it deliberately does not
 * reuse the server's signing code, so the simulator also checks that the documented scheme works).
 */
final class PartnerLink {

    record Answer(int status, JsonNode body, boolean replayed, long nanos) {
    }

    private final HttpClient http;
    private final String base;
    private final String keyId;
    private final byte[] secret;

    PartnerLink(HttpClient http, String base, String keyId, String secret) {
        this.http = http;
        this.base = base;
        this.keyId = keyId;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code timeout}: how long the partner's system waits before it gives up (and later retries). */
    Answer send(String method, String pathAndQuery, String body, String contentType, Duration timeout) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String toSign = String.join("\n", "SPORTEL-HMAC-SHA256", method, pathAndQuery, timestamp, hex(sha256(bytes)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", contentType)
                .header("X-Sportel-Key", keyId)
                .header("X-Sportel-Timestamp", timestamp)
                .header("X-Sportel-Signature", hex(hmac(toSign)))
                .build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - t0;
            JsonNode node = r.body().isEmpty() ? null : HttpApi.JSON.readTree(r.body());
            return new Answer(r.statusCode(), node, r.headers().firstValue("Idempotent-Replayed").isPresent(), nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
