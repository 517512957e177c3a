package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Issue 15 item 1: a real install says how to get the first admin in, and `init --admin` does it. */
class FirstAdminTest {

    @TempDir
    Path dataDir;

    @Test
    void anEmptyInstallSaysHowAndInitCreatesTheFirstAdminRefusingWeakPasswords() {
        ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(dataDir);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try (SportelServer empty = SportelServer.start(config)) {
            assertThat(empty.port()).isPositive();
        } finally {
            root.detachAppender(logged);
        }
        assertThat(List.copyOf(logged.list)).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.contains("No administrator") && m.contains("init --admin NAME"));

        String[] args = {"--admin", "Boss", "--data-dir", dataDir.toString()};
        for (String weak : List.of("short1", "onlyletterslong", "1234567890", "boss-is-the-best-1", "my-password-9")) {
            assertThat(InitCommand.run(args, Map.of("SPORTEL_ADMIN_PASSWORD", weak))).as(weak).isEqualTo(1);
        }
        assertThat(InitCommand.run(new String[] {"--data-dir", dataDir.toString()}, Map.of())).isEqualTo(2);
        assertThat(InitCommand.run(args, Map.of("SPORTEL_ADMIN_PASSWORD", "Drita-e-hene-42"))).isZero();
        assertThat(InitCommand.run(args, Map.of("SPORTEL_ADMIN_PASSWORD", "Drita-e-hene-42"))).as("exists already").isEqualTo(1);

        try (SportelServer server = SportelServer.start(config)) {
            Api api = new Api(server.baseUrl());
            api.post("/api/v1/auth/login", null, Map.of("username", "boss", "password", "Drita-e-hene-42")).expect(200);
            assertThat(api.get("/api/v1/me", api.post("/api/v1/auth/login", null,
                    Map.of("username", "boss", "password", "Drita-e-hene-42")).json().get("token").asText()).json()
                    .get("role").asText()).isEqualTo("ADMIN");
        }
    }

    @Test
    void initOnTheEmbeddedDatabaseOfARunningServerSaysToStopItAndChangesNothing() throws Exception {
        Map<String, String> env = Map.of("SPORTEL_ADMIN_PASSWORD", "Drita-e-hene-42");
        try (ServerProcess running = ServerProcess.start(Map.of(), "--port", "0", "--data-dir", dataDir.toString())) {
            ServerProcess.Result held = ServerProcess.run(env, "init", "--admin", "boss", "--data-dir", dataDir.toString());
            assertThat(held.exitCode()).isEqualTo(1);
            assertThat(held.output()).contains("the server is running", "sudo systemctl stop sportel-server");
            new Api(running.baseUrl()).post("/api/v1/auth/login", null, Map.of("username", "boss", "password", "Drita-e-hene-42"))
                    .expect(401);
        }
        assertThat(ServerProcess.run(env, "init", "--admin", "boss", "--data-dir", dataDir.toString()).exitCode())
                .as("once the server is stopped").isZero();
    }

    @Test
    void theHelpNamesTheInitCommandAndTheProxyOptions() {
        assertThat(Main.USAGE).contains("init --admin NAME").contains("--public-url").contains("--trusted-proxy");
        ServerConfig c = Main.parse(new String[] {"--public-url", "https://sportel.example.al/", "--trusted-proxy", "10.0.0.5,10.0.0.6"},
                Map.of("SPORTEL_TRUSTED_PROXY", "192.168.1.1"));
        assertThat(c.security().publicUrl()).isEqualTo("https://sportel.example.al");
        assertThat(c.security().trustedProxies()).containsExactly("10.0.0.5", "10.0.0.6");
        ServerConfig fromEnv = Main.parse(new String[] {}, Map.of("SPORTEL_PUBLIC_URL", "http://q.example", "SPORTEL_TRUSTED_PROXY", "192.168.1.1"));
        assertThat(fromEnv.security().publicUrl()).isEqualTo("http://q.example");
        assertThat(fromEnv.security().trustedProxies()).containsExactly("192.168.1.1");
        assertThatThrownBy(() -> Main.parse(new String[] {"--public-url", "sportel.al"}, Map.of()))
                .hasMessageContaining("--public-url");
        ServerConfig limits = Main.parse(new String[] {}, Map.of("SPORTEL_KIOSK_TICKETS_PER_MINUTE", "600",
                "SPORTEL_MAX_PAYMENT_LEK", "2000000", "SPORTEL_DISPLAY_STREAMS_PER_ADDRESS", "40"));
        assertThat(limits.security().kioskTicketsPerMinute()).isEqualTo(600);
        assertThat(limits.security().maxPayment()).isEqualTo(200_000_000L);
        assertThat(limits.security().displayStreamsPerAddress()).isEqualTo(40);
        assertThatThrownBy(() -> Main.parse(new String[] {}, Map.of("SPORTEL_KIOSK_TICKETS_PER_MINUTE", "fast")))
                .hasMessageContaining("SPORTEL_KIOSK_TICKETS_PER_MINUTE");
    }
}
