package al.sportel.desktop;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tax authority's test double (central-server's test sources, docs/fiscal.md) as its own process,
 * and the administrator's one-time fiscal set-up of a server against it: settings, the centre's business
 * unit, clerk1's operator code, and a counter registered as a TCR.
 */
final class AuthorityDoubleProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("listening on (http://\\S+)");
    private static final Path FISCAL = Path.of(System.getProperty("sportel.server.testClasses", "../central-server/target/test-classes"));

    private final Process process;
    private String endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    AuthorityDoubleProcess() throws Exception {
        String jar = System.getProperty("sportel.server.jar", "../central-server/target/sportel-server.jar");
        if (!Files.isDirectory(FISCAL.resolve("fiscal"))) {
            throw new IllegalStateException("Compile central-server's tests first: no " + FISCAL.resolve("fiscal"));
        }
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.command("-cp", FISCAL + System.getProperty("path.separator") + jar, "al.sportel.server.fiscal.FiscalAuthorityDouble", "0"));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        process = pb.start();
    }

    /** Waits for the double's "listening on" line (it loads the authority's schemas first). */
    private synchronized String endpoint() throws Exception {
        if (endpoint == null) {
            String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
            Matcher m = READY.matcher(String.valueOf(line));
            if (!m.find()) {
                throw new IllegalStateException("the authority double did not start: " + line);
            }
            endpoint = m.group(1);
        }
        return endpoint;
    }

    void configure(ServerProcess server) throws Exception {
        String admin = server.token("admin");
        put(server, "/api/v1/fiscal/settings", admin, Map.ofEntries(Map.entry("enabled", true), Map.entry("nuis", "L91806031N"),
                Map.entry("legalName", "OSHEE sh.a."), Map.entry("address", "Bulevardi Gjergj Fishta"), Map.entry("town", "Tiranë"),
                Map.entry("softCode", "ss123ss123"), Map.entry("maintainerCode", "mm123mm123"), Map.entry("environment", "TEST"),
                Map.entry("endpointUrl", endpoint()), Map.entry("vatRatePercent", 20), Map.entry("timeoutMillis", 10000),
                Map.entry("keystorePath", FISCAL.resolve("fiscal/taxpayer.p12").toAbsolutePath().toString()),
                Map.entry("keystorePasswordFile", FISCAL.resolve("fiscal/taxpayer.password").toAbsolutePath().toString())));
        put(server, "/api/v1/fiscal/branches/TR01/business-unit", admin, Map.of("businUnitCode", "bb123bb123"));
        long clerk = server.get("/api/v1/me", server.token("clerk1")).get("id").asLong();
        put(server, "/api/v1/fiscal/operators/" + clerk, admin, Map.of("operatorCode", "oo123oo123"));
    }

    /** RegisterTCR, as a supervisor does once per counter. */
    void registerTcr(ServerProcess server, long counterId) throws Exception {
        server.post("/api/v1/fiscal/counters/" + counterId + "/tcr", server.token("supervisor1"), "{}");
    }

    private void put(ServerProcess server, String path, String token, Map<String, Object> body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.url() + path))
                .PUT(HttpRequest.BodyPublishers.ofString(ServerProcess.JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build();
        HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new AssertionError(path + " -> " + answer.statusCode() + " " + answer.body());
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
