package al.sportel.tools.perf;

import al.sportel.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The small HTTP client the simulator and the benchmarks drive the server with, like any other client. */
final class HttpApi {

    static final ObjectMapper JSON = Json.newMapper();

    record Response(int status, JsonNode body, long nanos) {
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    HttpApi(String base) {
        this.base = base.replaceAll("/+$", "");
    }

    String base() {
        return base;
    }

    HttpClient client() {
        return http;
    }

    String login(String user, String password) throws IOException {
        Response r = send("POST", "/api/v1/auth/login", null, Map.of("username", user, "password", password), Map.of());
        if (r.status() != 200) {
            throw new IOException("login " + user + " failed: " + r.status() + " " + r.body());
        }
        return r.body().get("token").asText();
    }

    Response get(String path, String token) throws IOException {
        return send("GET", path, token, null, Map.of());
    }

    Response post(String path, String token, Object body) throws IOException {
        return send("POST", path, token, body, Map.of());
    }

    /**
     * The same request again until an answer comes (at most {@code tries} times, waiting longer each
     * time): what a clerk does when the screen says the link hiccupped. Only for requests that are
     * safe to repeat — a key, or an action whose repeat the server refuses with 409.
     */
    Response sendUntilAnswered(String method, String path, String token, Object body, Map<String, String> headers, int tries)
            throws IOException {
        IOException last = null;
        for (int i = 0; i < tries; i++) {
            try {
                return send(method, path, token, body, headers);
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(Math.min(5_000, 200L * (i + 1)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    Response send(String method, String path, String token, Object body, Map<String, String> headers) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - t0;
            JsonNode node = r.body().isEmpty() ? null : JSON.readTree(r.body());
            return new Response(r.statusCode(), node, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
