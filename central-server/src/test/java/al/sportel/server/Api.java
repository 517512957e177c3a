package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** A small HTTP client for tests: real requests to the real server. */
public final class Api {

    public static final ObjectMapper JSON = Json.newMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public Api(String base) {
        this.base = base;
    }

    public record Response(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public Response expect(int expected) {
            assertThat(status).as("status of answer %s", body).isEqualTo(expected);
            return this;
        }
    }

    /** Logs in with the demo password once per user and keeps the token. */
    public String token(String username) {
        return tokens.computeIfAbsent(username, u -> post("/api/v1/auth/login", null,
                Map.of("username", u, "password", "sportel")).expect(200).json().get("token").asText());
    }

    /** After the test clock jumps past the tokens' lifetime. */
    public void forgetTokens() {
        tokens.clear();
    }

    public Response get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    public Response post(String path, String token, Object body) {
        return raw("POST", path, token, body == null ? "" : write(body), Map.of());
    }

    public Response put(String path, String token, Object body) {
        return raw("PUT", path, token, write(body), Map.of());
    }

    public Response raw(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        headers.forEach(b::setHeader); // a test's own Content-Type replaces the JSON one
        return send(b, token);
    }

    /** A PDF the server answers {@code path} with, as the text a reader copies out of it. */
    public String pdfText(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET().timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as("status of %s", path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
            try (PDDocument doc = Loader.loadPDF(r.body())) {
                return new PDFTextStripper().getText(doc);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Shorthand for the staff actions: POST with no body as {@code user}. */
    public Response act(String user, String path) {
        return post(path, token(user), null);
    }

    private Response send(HttpRequest.Builder b, String token) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- demo-data helpers ---

    public long counterId(String branch, int number) {
        for (JsonNode c : get("/api/v1/branches/" + branch + "/counters", token("admin")).expect(200).json()) {
            if (c.get("number").asInt() == number) {
                return c.get("id").asLong();
            }
        }
        throw new AssertionError("no counter " + number + " in " + branch);
    }

    public long serviceId(String branch, String letter) {
        for (JsonNode s : get("/api/v1/branches/" + branch + "/services", token("admin")).expect(200).json()) {
            if (s.get("letter").asText().equals(letter)) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no service " + letter + " in " + branch);
    }

    public JsonNode issue(String branch, String letter, boolean priority) {
        String kiosk = branch.equals("TR01") ? "kiosk1" : "kiosk2";
        return post("/api/v1/branches/" + branch + "/tickets", token(kiosk),
                Map.of("serviceId", serviceId(branch, letter), "priority", priority)).expect(201).json();
    }
}
