package al.sportel.server.channels;

import al.sportel.server.Api;
import al.sportel.server.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A partner's system in a test: signs every request with its key as docs/channels.md describes. */
final class PartnerClient {

    private final String base;
    private final String keyId;
    private final String secret;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PartnerClient(String base, String keyId, String secret, Clock clock) {
        this.base = base;
        this.keyId = keyId;
        this.secret = secret;
        this.clock = clock;
    }

    /** Creates partner {@code code} of {@code kind} as the admin, with a signing key: the partner's system, ready to send. */
    static PartnerClient register(TestServer server, String code, String kind, Clock clock) {
        Api api = server.api();
        JsonNode p = api.post("/api/v1/partners", api.token("admin"), Map.of("code", code, "name", "Partner " + code, "kind", kind))
                .expect(201).json();
        JsonNode key = api.post("/api/v1/partners/" + p.get("id").asLong() + "/credentials", api.token("admin"), Map.of())
                .expect(201).json();
        return new PartnerClient(server.baseUrl(), key.get("keyId").asText(), key.get("secret").asText(), clock);
    }

    String secret() {
        return secret;
    }

    PartnerClient withKey(String otherKey, String otherSecret) {
        return new PartnerClient(base, otherKey, otherSecret, clock);
    }

    Api.Response get(String path) {
        return send("GET", path, "", clock.instant(), null);
    }

    Api.Response post(String path, String body) {
        return send("POST", path, body, clock.instant(), null);
    }

    /** {@code signature}: null to sign correctly, or a value to send instead (a forgery). */
    Api.Response send(String method, String path, String body, Instant at, String signature) {
        String timestamp = Long.toString(at.getEpochSecond());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String sig = signature != null ? signature
                : Signature.sign(secret.getBytes(StandardCharsets.UTF_8), method, path, timestamp, bytes);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", path.contains("/settlements") ? "text/csv" : "application/json")
                .header(Signature.KEY_HEADER, keyId)
                .header(Signature.TIMESTAMP_HEADER, timestamp)
                .header(Signature.SIGNATURE_HEADER, sig)
                .timeout(Duration.ofSeconds(30))
                .build();
        return send(request);
    }

    Api.Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String payment(String reference, String customer, String amount, Instant paidAt) {
        return "{\"partnerReference\":\"" + reference + "\",\"customerCode\":\"" + customer + "\",\"amount\":\"" + amount
                + "\",\"paidAt\":\"" + paidAt + "\",\"method\":\"CASH\"}";
    }
}
