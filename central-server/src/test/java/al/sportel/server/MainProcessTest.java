package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.sportel.server.db.Database;
import al.sportel.server.ops.ManagementPortException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as operators run it: a separate process, its ready line, its errors and SIGTERM. */
class MainProcessTest {

    @TempDir
    Path dataDir;

    private Process launch(Map<String, String> env, String... args) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback.xml", "-cp", classpath, Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("SPORTEL_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    @Test
    void printsTheReadyLineServesHealthAndStopsCleanlyOnSigterm() throws Exception {
        Process p = launch(Map.of(), "--port", "0", "--data-dir", dataDir.toString(), "--demo");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher m = Pattern.compile("Sportel server listening on (http://127\\.0\\.0\\.1:(\\d+))").matcher(String.valueOf(line));
            assertThat(m.matches()).as("ready line, got %s", line).isTrue();
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(m.group(1) + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
            HttpResponse<String> login = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(m.group(1) + "/api/v1/auth/login"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"clerk1\",\"password\":\"sportel\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);

            p.destroy(); // SIGTERM
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isIn(0, 143);
            String log = Files.readString(dataDir.resolve("logs/sportel-server.log"));
            assertThat(log).contains("stopping (signal received)").contains("server stopped")
                    .contains("user clerk1 logged in").doesNotContain("sportel\"");
            assertThat(Files.exists(dataDir.resolve("sportel.mv.db"))).as("embedded database file").isTrue();
            // private whatever the umask (issue 14 item 16)
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("logs")))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("sportel.mv.db")))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("logs/sportel-server.log"))))
                    .isEqualTo("rw-------");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aTakenPortIsAClearErrorNotAStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process p = launch(Map.of("SPORTEL_PORT", Integer.toString(taken.getLocalPort())), "--data-dir", dataDir.toString());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(err).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()).contains("--port");
            assertThat(err.lines().filter(l -> l.contains("ERROR") || l.contains("sportel-server:"))).as(err).hasSize(1);
        }
    }

    @Test
    void aDatabaseMigratedByANewerServerIsRefusedInOneLine() throws Exception {
        // A newer release's migration, as the rollback in docs/operations.md leaves it behind.
        try (Database db = Database.open(ServerConfig.defaults().withDataDir(dataDir).effectiveDbUrl(), null, null, null, 2)) {
            db.jdbi().useHandle(h -> h.execute("""
                    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, installed_by,
                                                       execution_time, success)
                    SELECT MAX(installed_rank) + 1, '999', 'from a newer server', 'SQL', 'V999__from_a_newer_server.sql',
                           'test', 0, TRUE FROM flyway_schema_history"""));
        }
        Process p = launch(Map.of(), "--port", "0", "--data-dir", dataDir.toString());
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the server refused to start").isTrue();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(err).isEqualTo(1);
            assertThat(err).contains("newer Sportel server (schema version 999;").doesNotContain("\tat ");
            assertThat(err.lines().filter(l -> l.contains("ERROR") || l.contains("sportel-server:"))).as(err).hasSize(1);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aTakenManagementPortIsNamedWithItsSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process p = launch(Map.of("SPORTEL_MANAGEMENT_PORT", Integer.toString(taken.getLocalPort())),
                    "--port", "0", "--data-dir", dataDir.toString());
            try {
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).isEqualTo(1);
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(err).contains("cannot listen on the management port 127.0.0.1:" + taken.getLocalPort())
                        .contains("SPORTEL_MANAGEMENT_PORT").doesNotContain("with --port");
                assertThat(err.lines().filter(l -> l.contains("ERROR") || l.contains("sportel-server:"))).as(err).hasSize(1);
            } finally {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void aManagementPortTakenAfterTheCheckIsNamedToo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ServerConfig config = Main.parse(new String[] {"--port", "0", "--data-dir", dataDir.toString()},
                    Map.of("SPORTEL_MANAGEMENT_PORT", Integer.toString(taken.getLocalPort())));
            assertThatThrownBy(() -> SportelServer.start(config).close()).isInstanceOf(ManagementPortException.class)
                    .hasMessageStartingWith("cannot listen on the management port 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aBadOptionPrintsUsage() throws Exception {
        Process p = launch(Map.of(), "--prot", "80");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).contains("unknown option --prot").contains("Usage:");
    }

    @Test
    void anUnreachableDatabaseIsNamedWithoutItsPassword() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Process p = launch(Map.of("SPORTEL_DB_USER", "sportel", "SPORTEL_DB_PASSWORD", "s3cret-pw"),
                "--db", "jdbc:postgresql://127.0.0.1:" + closedPort + "/sportel?connectTimeout=2", "--data-dir", dataDir.toString());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).contains("Cannot connect to the database at jdbc:postgresql://127.0.0.1:" + closedPort)
                .doesNotContain("s3cret-pw");
    }

    @Test
    void drainSecondsStayWithinTheServiceStopTimeout() {
        assertThat(Main.parse(new String[] {}, Map.of("SPORTEL_DRAIN_SECONDS", "30")).ops().drain()).hasSeconds(30);
        assertThat(Main.parse(new String[] {}, Map.of("SPORTEL_DRAIN_SECONDS", "0")).ops().drain()).isZero();
        // a value kept from before the bound is cut to it, not a server that no longer starts
        assertThat(Main.parse(new String[] {}, Map.of("SPORTEL_DRAIN_SECONDS", "45")).ops().drain()).hasSeconds(30);
        for (String bad : List.of("-1", "five")) {
            assertThatThrownBy(() -> Main.parse(new String[] {}, Map.of("SPORTEL_DRAIN_SECONDS", bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("SPORTEL_DRAIN_SECONDS must be a number of seconds from 0 to 30 (a stop has 45 s in all), got '" + bad + "'");
        }
    }

    @Test
    void optionsOverrideEnvironment() {
        ServerConfig c = Main.parse(new String[] {"--port", "9090", "--demo"},
                Map.of("SPORTEL_PORT", "7070", "SPORTEL_HOST", "0.0.0.0", "SPORTEL_DATA_DIR", "/tmp/x"));
        assertThat(c.port()).isEqualTo(9090);
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(c.demo()).isTrue();
        assertThat(c.embeddedDatabase()).isTrue();
        ServerConfig pg = Main.parse(new String[] {}, Map.of("SPORTEL_DB_URL", "jdbc:postgresql://db/sportel",
                "SPORTEL_DB_USER", "u", "SPORTEL_DB_PASSWORD", "p"));
        assertThat(pg.embeddedDatabase()).isFalse();
        assertThat(pg.dbUser()).isEqualTo("u");
        assertThat(Main.parse(new String[] {"--help"}, Map.of())).isNull();
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "http"}, Map.of()))
                .hasMessageContaining("port number");
        assertThatThrownBy(() -> Main.parse(new String[] {"--db", "mysql://x"}, Map.of()))
                .hasMessageContaining("jdbc:postgresql");
    }
}
