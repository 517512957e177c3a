package al.sportel.desktop;

import al.sportel.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real central server, started from its jar as a separate process with the demo data — the
 * desktop only ever talks to it over HTTP. It can be killed and started again on the same port and
 * database, as happens when the head office restarts it.
 */
final class ServerProcess implements AutoCloseable {

    static final ObjectMapper JSON = Json.newMapper();
    private static final Pattern READY = Pattern.compile("Sportel server listening on (http://[^ ]+:(\\d+))");

    private static Path template;
    private static LocalDate templateDay;

    private final Path dataDir;
    private final boolean demo;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;
    private int port;
    private String url;

    ServerProcess() throws Exception {
        dataDir = Files.createTempDirectory("sportel-desktop-test");
        demo = true;
        copyData(demoTemplate(), dataDir);
        start(0);
    }

    private ServerProcess(Path emptyDataDir) throws Exception {
        dataDir = emptyDataDir;
        demo = true;
        start(0);
    }

    /**
     * A data directory with the migrations run and the demo data loaded, made by the first demo server of this test
     * run (and again on a new day in Tirana: the demo's bills follow the month, its users are dated now); every
     * later demo server starts on a copy. Those two steps were half of each test's server start.
     */
    private static synchronized Path demoTemplate() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Tirane"));
        if (template == null || !today.equals(templateDay)) {
            Path dir = Files.createTempDirectory("sportel-desktop-template");
            new ServerProcess(dir).close(); // a clean stop: the database file is closed, not recovered at the next start
            template = dir;
            templateDay = today;
        }
        return template;
    }

    /** The template's files, without its logs: a test's failure report shows its own server's lines only. */
    private static void copyData(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path rel = from.relativize(f);
                if (rel.toString().isEmpty() || rel.startsWith("logs") || f.getFileName().toString().endsWith(".log")) {
                    continue;
                }
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to.resolve(rel));
                } else {
                    Files.copy(f, to.resolve(rel));
                }
            }
        }
    }

    /** A real install's first start: no demo data, only the administrator {@code init --admin} created. */
    ServerProcess(String admin, String password) throws Exception {
        dataDir = Files.createTempDirectory("sportel-desktop-install");
        demo = false;
        ProcessBuilder init = new ProcessBuilder(ChildJvm.server(jar(), "init", "--admin", admin, "--data-dir", dataDir.toString()));
        init.environment().put("SPORTEL_ADMIN_PASSWORD", password);
        init.redirectErrorStream(true).redirectOutput(dataDir.resolve("init.log").toFile());
        Process p = init.start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("init failed: " + Files.readString(dataDir.resolve("init.log")));
        }
        start(0);
    }

    private static Path jar() {
        String jar = System.getProperty("sportel.server.jar", "../central-server/target/sportel-server.jar");
        if (!Files.exists(Path.of(jar))) {
            throw new IllegalStateException("Build the server first (mvn package in central-server): no " + jar);
        }
        return Path.of(jar);
    }

    private void start(int wantedPort) throws Exception {
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(wantedPort),
                "--data-dir", dataDir.toString()));
        if (demo) {
            args.add(0, "--demo");
        }
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.server(jar(), args.toArray(String[]::new)));
        pb.redirectError(dataDir.resolve("stderr.log").toFile());
        // tests poll the public tracking page and issue tickets far faster than citizens and kiosks do
        pb.environment().put("SPORTEL_TRACK_LOOKUPS_PER_MINUTE", "100000");
        pb.environment().put("SPORTEL_KIOSK_TICKETS_PER_MINUTE", "100000");
        process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher m = READY.matcher(String.valueOf(line));
        if (!m.find()) {
            throw new IllegalStateException("server did not start: " + line + "\n" + Files.readString(dataDir.resolve("stderr.log")));
        }
        url = m.group(1);
        port = Integer.parseInt(m.group(2));
    }

    String url() {
        return url;
    }

    /** The server's last log lines (requests with their status), for a failed test to say what the server saw. */
    String logTail(int lines) {
        try {
            java.util.List<String> all = Files.readAllLines(dataDir.resolve("stderr.log"), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (java.io.IOException | RuntimeException e) {
            return "(no server log: " + e + ")";
        }
    }

    int port() {
        return port;
    }

    long counterId(int number) throws Exception {
        for (JsonNode c : get("/api/v1/branches/TR01/counters", token("admin"))) {
            if (c.get("number").asInt() == number) {
                return c.get("id").asLong();
            }
        }
        throw new AssertionError("no counter " + number);
    }

    /** The clerk signs in at the counter: payments are taken only at the counter a clerk holds. */
    void openCounter(String clerk, long counterId) throws Exception {
        post("/api/v1/counters/" + counterId + "/open", token(clerk), "");
    }

    /** Like a crash: no goodbye to the clients. */
    void kill() throws Exception {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /**
     * Changes the embedded database while the server is down, then starts it again on the same port: a test's way
     * back in time (the server dates what happens by its own clock).
     */
    void changeWhileStopped(String sql, Object... args) throws Exception {
        kill();
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("sportel") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "", ""); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
        restart();
    }

    /** Same port, same database. */
    void restart() throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                start(port);
                return;
            } catch (IllegalStateException e) {
                if (attempt > 20) {
                    throw e;
                }
                Thread.sleep(500); // the port may linger briefly
            }
        }
    }

    String token(String user) throws Exception {
        return post("/api/v1/auth/login", null, "{\"username\":\"" + user + "\",\"password\":\"sportel\"}").get("token").asText();
    }

    long serviceId(String letter) throws Exception {
        for (JsonNode s : get("/api/v1/branches/TR01/services", token("admin"))) {
            if (s.get("letter").asText().equals(letter)) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no service " + letter);
    }

    JsonNode issue(String letter) throws Exception {
        return post("/api/v1/branches/TR01/tickets", token("kiosk1"), "{\"serviceId\":" + serviceId(letter) + "}");
    }

    JsonNode get(String path, String token) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token).build();
        return JSON.readTree(http.send(r, HttpResponse.BodyHandlers.ofString()).body());
    }

    JsonNode post(String path, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url + path)), token, body);
    }

    /** A creation the API wants an Idempotency-Key for (applications, sales). */
    JsonNode create(String path, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header("Idempotency-Key", UUID.randomUUID().toString()), token, body);
    }

    JsonNode patch(String path, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url + path)).method("PATCH", HttpRequest.BodyPublishers.ofString(body)), token,
                null);
    }

    /** Posts {@code body}; with a null body, the request as the builder has it. */
    private JsonNode send(HttpRequest.Builder request, String token, String body) throws Exception {
        HttpRequest.Builder b = (body == null ? request : request.POST(HttpRequest.BodyPublishers.ofString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new AssertionError(r.uri().getPath() + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /**
     * A complaint filed from the phone app as its form sends it (multipart), with one file when
     * {@code fileName} is not null; answers the public tracking code.
     */
    String fileAppComplaint(String description, String fileName, byte[] file) throws Exception {
        String boundary = "----sportel" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = Map.of("kind", "COMPLAINT", "category", "WRONG_BILL", "name", "Dritan Zeneli",
                "phone", "069 123 4567", "description", description);
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (fileName != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest r = HttpRequest.newBuilder(URI.create(url + "/api/v1/public/app/cases"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new AssertionError("app filing -> " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body()).get("trackingCode").asText();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
        process.destroyForcibly();
    }
}
