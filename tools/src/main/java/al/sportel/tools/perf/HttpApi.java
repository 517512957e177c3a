package al.sportel.tools.perf;

import al.sportel.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The small HTTP client the simulator and the benchmarks drive the server with, like any other client.
 * Requests go through OkHttp's blocking calls on pooled keep-alive connections: the load generator shares
 * the two cores with the server it measures, and java.net.http's asynchronous machinery cost about 0.4 ms
 * of CPU per request there (a quarter of the machine during the call-next rounds). The event streams and
 * the partner link keep {@link #client()}.
 */
final class HttpApi {

    static final ObjectMapper JSON = Json.newMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final byte[] NO_BODY = new byte[0];

    record Response(int status, JsonNode body, long nanos) {
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    // a connection per simulated clerk and kiosk (1,260 in the 10x day) stays open: OkHttp's default keeps 5 idle ones
    private final OkHttpClient ok = new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(2048, 5, TimeUnit.MINUTES))
            .connectTimeout(Duration.ofSeconds(30)).readTimeout(Duration.ofSeconds(60)).callTimeout(Duration.ofSeconds(60))
            .retryOnConnectionFailure(false)
            .build();

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
        RequestBody content = body != null ? RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE)
                : method.equals("GET") || method.equals("HEAD") ? null : RequestBody.create(NO_BODY, JSON_TYPE);
        Request.Builder b = new Request.Builder().url(base + path).method(method, content);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        long t0 = System.nanoTime();
        try (var r = ok.newCall(b.build()).execute()) {
            byte[] bytes = r.body() == null ? NO_BODY : r.body().bytes();
            long nanos = System.nanoTime() - t0;
            JsonNode node = bytes.length == 0 ? null : JSON.readTree(bytes);
            return new Response(r.code(), node, nanos);
        }
    }
}
