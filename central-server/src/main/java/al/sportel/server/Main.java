package al.sportel.server;

import al.sportel.server.db.DatabaseUnavailableException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** {@code java -jar sportel-server.jar [options]}: see {@link #USAGE}. */
public final class Main {

    static final String USAGE = """
            Usage: java -jar sportel-server.jar [options]
              --port N          port to listen on (SPORTEL_PORT, default 8080; 0 picks a free port)
              --host H          address to listen on (SPORTEL_HOST, default 127.0.0.1)
              --db JDBC_URL     PostgreSQL database (SPORTEL_DB_URL, with SPORTEL_DB_USER, SPORTEL_DB_PASSWORD);
                                without it the embedded H2 database in the data directory is used
              --data-dir DIR    embedded database and logs (SPORTEL_DATA_DIR, default ./sportel-data)
              --demo            load the demo data into an empty database
              --help            this text
            """;

    private Main() {
    }

    public static void main(String[] args) {
        ServerConfig config;
        try {
            config = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("sportel-server: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.print(USAGE);
            return;
        }
        try {
            Files.createDirectories(config.dataDir());
        } catch (Exception e) {
            System.err.println("sportel-server: cannot create the data directory " + config.dataDir().toAbsolutePath() + ": " + e.getMessage());
            System.exit(1);
        }
        Logging.toFile(config.dataDir().resolve("logs"));
        Logger log = LoggerFactory.getLogger(Main.class);
        if (!portFree(config.host(), config.port())) {
            String reason = "cannot listen on " + config.host() + ":" + config.port()
                    + " (address in use or not available); choose another with --port";
            log.error(reason);
            System.err.println("sportel-server: " + reason);
            System.exit(1);
        }
        SportelServer server;
        try {
            server = SportelServer.start(config);
        } catch (DatabaseUnavailableException e) {
            log.error(e.getMessage());
            System.err.println("sportel-server: " + e.getMessage());
            System.exit(1);
            return;
        } catch (Exception e) { // Jetty may throw checked exceptions through Javalin
            String reason = isBindFailure(e)
                    ? "cannot listen on " + config.host() + ":" + config.port() + " (address in use or not available); choose another with --port"
                    : "failed to start: " + e;
            log.error(reason, e);
            System.err.println("sportel-server: " + reason);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping (signal received)");
            server.close();
            stopped.countDown();
        }, "sportel-shutdown"));
        log.info("database: {}", config.embeddedDatabase() ? "embedded H2 in " + config.dataDir().toAbsolutePath() : "PostgreSQL");
        System.out.println("Sportel server listening on " + server.baseUrl());
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Command-line options win over environment variables; {@code null} means "print help". */
    static ServerConfig parse(String[] args, Map<String, String> env) {
        ServerConfig c = ServerConfig.defaults();
        if (env.get("SPORTEL_PORT") != null) {
            c = c.withPort(port(env.get("SPORTEL_PORT"), "SPORTEL_PORT"));
        }
        if (env.get("SPORTEL_HOST") != null) {
            c = c.withHost(env.get("SPORTEL_HOST"));
        }
        String dbUrl = env.get("SPORTEL_DB_URL");
        if (env.get("SPORTEL_DATA_DIR") != null) {
            c = c.withDataDir(Path.of(env.get("SPORTEL_DATA_DIR")));
        }
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--demo" -> c = c.withDemo(true);
                case "--port" -> c = c.withPort(port(value(args, ++i, a), a));
                case "--host" -> c = c.withHost(value(args, ++i, a));
                case "--db" -> dbUrl = value(args, ++i, a);
                case "--data-dir" -> c = c.withDataDir(Path.of(value(args, ++i, a)));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (dbUrl != null && !dbUrl.isBlank()) {
            if (!dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:h2:")) {
                throw new IllegalArgumentException("--db must be a jdbc:postgresql: URL, got " + dbUrl.split("\\?")[0]);
            }
            c = c.withDatabase(dbUrl, env.get("SPORTEL_DB_USER"), env.get("SPORTEL_DB_PASSWORD"), null);
        }
        return c;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int port(String raw, String what) {
        try {
            int p = Integer.parseInt(raw.trim());
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be a port number from 0 to 65535, got '" + raw + "'");
    }

    /** Checked before the database is opened, so a taken port fails fast with a plain message. */
    private static boolean portFree(String host, int port) {
        if (port == 0) {
            return true;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || t.getClass().getSimpleName().contains("Bind")) {
                return true;
            }
        }
        return false;
    }
}
