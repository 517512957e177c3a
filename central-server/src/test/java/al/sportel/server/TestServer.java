package al.sportel.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The real server on a random port with the demo data, on a fresh database: an H2 file in a temporary
 * folder, or — when the build runs with {@code -Dsportel.test.db=postgres} — its own schema in the
 * PostgreSQL of {@code SPORTEL_TEST_PG_URL}, dropped again on close.
 */
public final class TestServer implements AutoCloseable {

    private SportelServer server;
    private final ServerConfig config;
    private final Path dataDir;
    private final String pgSchema;
    private final Api api;

    private TestServer(SportelServer server, ServerConfig config, Path dataDir, String pgSchema) {
        this.server = server;
        this.config = config;
        this.dataDir = dataDir;
        this.pgSchema = pgSchema;
        this.api = new Api(server.baseUrl());
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("sportel.test.db"));
    }

    public static TestServer start() {
        return start(Clock.systemUTC());
    }

    public static TestServer start(Clock clock) {
        return start(clock, UnaryOperator.identity());
    }

    /** With settings changed by {@code tweak}, e.g. other security limits. */
    public static TestServer start(Clock clock, UnaryOperator<ServerConfig> tweak) {
        try {
            Path dir = Files.createTempDirectory("sportel-test");
            ServerConfig base = ServerConfig.defaults().withPort(0).withDataDir(dir).withDemo(true).withClock(clock);
            // tests play hours of kiosk traffic in seconds: the kiosk limit is raised here, and tested on its own
            base = base.withSecurity(base.security().withThrottles(base.security().trackLookupsPerMinute(), 1_000_000,
                    base.security().displayStreamsPerAddress()));
            ServerConfig config = tweak.apply(base);
            String schema = null;
            if (onPostgres()) {
                String url = System.getenv("SPORTEL_TEST_PG_URL");
                if (url == null) {
                    throw new IllegalStateException("sportel.test.db=postgres needs SPORTEL_TEST_PG_URL");
                }
                schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
                config = config.withDatabase(url, System.getenv("SPORTEL_TEST_PG_USER"), System.getenv("SPORTEL_TEST_PG_PASSWORD"), schema);
            }
            return new TestServer(SportelServer.start(config), config, dir, schema);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops and starts the server again on the same port and database, as an operator's restart does. */
    public void restart() {
        int port = server.port();
        server.close();
        server = SportelServer.start(config.withPort(port));
    }

    public Api api() {
        return api;
    }

    public SportelServer server() {
        return server;
    }

    /** The server's data directory (database, logs, attachments). */
    public Path dataDir() {
        return dataDir;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.close();
        if (pgSchema != null) {
            try (Connection c = DriverManager.getConnection(System.getenv("SPORTEL_TEST_PG_URL"),
                    System.getenv("SPORTEL_TEST_PG_USER"), System.getenv("SPORTEL_TEST_PG_PASSWORD"))) {
                c.createStatement().execute("DROP SCHEMA " + pgSchema + " CASCADE");
            } catch (Exception e) {
                System.err.println("could not drop test schema " + pgSchema + ": " + e.getMessage());
            }
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
