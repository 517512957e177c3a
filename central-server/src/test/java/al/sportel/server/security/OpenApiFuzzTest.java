package al.sportel.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.server.Api;
import al.sportel.server.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated from the OpenAPI document, so a new endpoint is covered without editing this test: every
 * path and query parameter gets a NUL byte (and dates out of range, numbers that are words), every
 * string field of every request body a NUL byte, every date field a date no database stores, and every
 * body operation a 10 MB body and a deeply nested one. Each answer must be a 4xx problem+json, none a
 * 5xx, and nothing may change.
 */
class OpenApiFuzzTest {

    private static final String NUL = "x\u0000y";
    private static final String FAR_DATE = "+999999999-12-31";
    private static TestServer server;
    private static Api api;
    private static JsonNode spec;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start();
        api = server.api();
        try (InputStream in = OpenApiFuzzTest.class.getResourceAsStream("/openapi.yaml")) {
            spec = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Probe(String method, String path, String what, String body) {
    }

    @Test
    void everyEndpointRefusesPoisonedInputWithA4xxProblemAndChangesNothing() throws Exception {
        List<Probe> probes = probes();
        Map<String, String> before = state();
        List<String> failures = new ArrayList<>();
        int serverErrors = 0;
        String admin = api.token("admin");
        for (Probe p : probes) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + p.path()))
                    .method(p.method(), p.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(p.body()))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .timeout(Duration.ofSeconds(30));
            if (!p.path().contains("/public/") && !p.path().endsWith("/auth/login")) {
                b.header("Authorization", "Bearer " + admin);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String where = p.method() + " " + abbreviate(p.path()) + " [" + p.what() + "]";
            if (r.statusCode() >= 500) {
                serverErrors++;
            }
            if (r.statusCode() < 400 || r.statusCode() >= 500) {
                failures.add(where + " -> " + r.statusCode() + " " + abbreviate(r.body()));
            } else if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                failures.add(where + " -> " + r.statusCode() + " as " + r.headers().firstValue("Content-Type").orElse("?"));
            }
        }
        System.out.println("OpenAPI fuzz: " + probes.size() + " requests, " + serverErrors + " answered 5xx, "
                + failures.size() + " not a 4xx problem");
        assertThat(failures).as("%d requests sent", probes.size()).isEmpty();
        assertThat(serverErrors).isZero();
        assertThat(probes.size()).isGreaterThan(200);
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    /** Every probe the document calls for. */
    private static List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                List<JsonNode> params = new ArrayList<>();
                path.getValue().path("parameters").forEach(p -> params.add(resolve(p)));
                op.getValue().path("parameters").forEach(p -> params.add(resolve(p)));
                probesFor(op.getKey().toUpperCase(), path.getKey(), params, op.getValue(), probes);
            }
        }
        return probes;
    }

    private static void probesFor(String method, String template, List<JsonNode> params, JsonNode op, List<Probe> probes) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (JsonNode p : params) {
            if (p.path("in").asText().equals("path")) {
                pathValues.put(p.get("name").asText(), sample(p));
            }
        }
        JsonNode schema = resolve(op.path("requestBody").path("content").path("application/json").path("schema"));
        String body = schema.isMissingNode() ? null : sampleBody(schema).toString();
        String path = fill(template, pathValues, null, null);
        // every endpoint, even one without parameters: a query parameter it does not know, carrying a NUL
        probes.add(new Probe(method, path + "?zz=x%00y", "NUL in an unknown query parameter", body));
        for (JsonNode p : params) {
            String name = p.get("name").asText();
            JsonNode type = resolve(p.path("schema"));
            switch (p.path("in").asText()) {
                case "path" -> probes.add(new Probe(method, fill(template, pathValues, name, "x%00y"), "NUL in path " + name, body));
                case "query" -> {
                    probes.add(new Probe(method, path + "?" + name + "=x%00y", "NUL in query " + name, body));
                    if (type.path("format").asText().startsWith("date")) {
                        probes.add(new Probe(method, path + "?" + name + "=%2B999999999-12-31", "far date in " + name, body));
                    }
                    if (type.path("type").asText().equals("integer") && p.path("required").asBoolean(false)) {
                        probes.add(new Probe(method, path + "?" + name + "=many", "word for number " + name, body));
                    }
                }
                default -> {
                    // headers are the client library's business
                }
            }
        }
        if (body == null) {
            return;
        }
        ObjectNode sample = (ObjectNode) sampleBody(schema);
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode type = resolve(field.getValue());
            if (type.path("type").asText("string").equals("string") && !type.has("$ref")) {
                probes.add(new Probe(method, path, "NUL in field " + field.getKey(), sample.deepCopy().put(field.getKey(), NUL).toString()));
            }
            if (type.path("format").asText().startsWith("date")) {
                String far = type.path("format").asText().equals("date") ? FAR_DATE : FAR_DATE + "T00:00:00Z";
                probes.add(new Probe(method, path, "far date in " + field.getKey(), sample.deepCopy().put(field.getKey(), far).toString()));
            }
        }
        probes.add(new Probe(method, path, "NUL in a field name", sample.deepCopy().put("na\u0000me", "x").toString()));
        probes.add(new Probe(method, path, "10 MB body", "{\"x\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}"));
        probes.add(new Probe(method, path, "deep nesting", "{\"x\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}"));
    }

    private static String fill(String template, Map<String, String> values, String poisoned, String poison) {
        String out = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getKey().equals(poisoned) ? poison : v.getValue());
        }
        return out;
    }

    /** A plausible value for a path parameter, so the poisoned one is the only thing wrong. */
    private static String sample(JsonNode param) {
        JsonNode schema = resolve(param.path("schema"));
        if (param.has("example")) {
            return param.get("example").asText();
        }
        return schema.path("type").asText().equals("integer") ? "1" : "TR01";
    }

    /** A body of the schema's shape: each property with a value of its type. */
    private static JsonNode sampleBody(JsonNode schema) {
        ObjectNode body = Api.JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode type = resolve(f.getValue());
            if (type.has("allOf")) {
                type = resolve(type.get("allOf").get(0));
            }
            switch (type.path("type").asText("string")) {
                case "integer", "number" -> body.put(f.getKey(), 1);
                case "boolean" -> body.put(f.getKey(), false);
                case "array" -> body.putArray(f.getKey()).add(1);
                case "object" -> body.putObject(f.getKey());
                default -> body.put(f.getKey(), type.has("enum") ? type.get("enum").get(0).asText() : "Sample text 1");
            }
        }
        return body;
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            JsonNode target = spec;
            for (String part : n.get("$ref").asText().substring(2).split("/")) {
                target = target.path(part);
            }
            n = target;
        }
        return n;
    }

    private static Map<String, String> state() {
        String admin = api.token("admin");
        Map<String, String> s = new LinkedHashMap<>();
        for (String path : List.of("/api/v1/branches", "/api/v1/branches/TR01/queue", "/api/v1/branches/DR01/queue",
                "/api/v1/users", "/api/v1/customers/100001", "/api/v1/branches/TR01/services/all", "/api/v1/branches/TR01/counters",
                "/api/v1/cases?branchCode=TR01", "/api/v1/audit?branchCode=TR01")) {
            s.put(path, api.get(path, admin).expect(200).body());
        }
        return s;
    }

    private static String abbreviate(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
