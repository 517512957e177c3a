package al.sportel.server;

import al.sportel.server.db.DatabaseUnavailableException;
import al.sportel.server.ops.BackupCommand;
import al.sportel.server.ops.ManagementPortException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar sportel-server.jar [options]}: see {@link #USAGE}. */
public final class Main {

    static final String USAGE = """
            Usage: java -jar sportel-server.jar [options]
                   java -jar sportel-server.jar init --admin NAME [--data-dir DIR] [--db JDBC_URL]
              --port N          port to listen on (SPORTEL_PORT, default 8080; 0 picks a free port)
              --host H          address to listen on (SPORTEL_HOST, default 127.0.0.1)
              --db JDBC_URL     PostgreSQL database (SPORTEL_DB_URL, with SPORTEL_DB_USER, SPORTEL_DB_PASSWORD);
                                without it the embedded H2 database in the data directory is used
              --data-dir DIR    embedded database and logs (SPORTEL_DATA_DIR, default ./sportel-data)
              --public-url URL  base of the links printed in QR codes, e.g. https://sportel.example.al
                                (SPORTEL_PUBLIC_URL; default the server's own address)
              --trusted-proxy A address of a reverse proxy whose X-Forwarded-For is believed; repeat or
                                separate with commas (SPORTEL_TRUSTED_PROXY; default none)
              --demo            load the demo data into an empty database
              --management-port N  serve /metrics, /health/* and the H2 backup on this port
                                (SPORTEL_MANAGEMENT_PORT, on SPORTEL_MANAGEMENT_HOST, default 127.0.0.1; the backup asks
                                for SPORTEL_OPS_TOKEN when that is set); SPORTEL_OPS_TOKEN without a management port
                                serves /metrics on the main port to that bearer token
              --log-dir DIR     log files (SPORTEL_LOG_DIR, default DATA_DIR/logs, rolled daily, 90 days kept)
              --day-end HH:MM   when each centre's day ends: waiting tickets cancelled, counters closed
                                (SPORTEL_DAY_END, default 20:00 Europe/Tirane; off with --demo unless given)
              --help            this text

            Backup and restore (same database options as above):
              backup --to FILE     H2: an online backup zip; PostgreSQL: pg_dump --format=custom; both checked
              restore --from FILE  H2: into an empty --data-dir; PostgreSQL: pg_restore into the database
            Limits (environment only; see docs/security.md): SPORTEL_MAX_PAYMENT_LEK (1000000),
              SPORTEL_OFFLINE_WINDOW_HOURS (48), SPORTEL_TRACK_LOOKUPS_PER_MINUTE (30),
              SPORTEL_KIOSK_TICKETS_PER_MINUTE (60), SPORTEL_DISPLAY_STREAMS_PER_ADDRESS (10),
              SPORTEL_BOOKINGS_PER_HOUR (30), SPORTEL_RATINGS_PER_HOUR (240)

            %s
            First start without --demo: create the first administrator with
              java -jar sportel-server.jar init --admin NAME
            (the password is read from SPORTEL_ADMIN_PASSWORD or asked for; weak ones are refused),
            then sign in to the console and create centres, services, counters and users.
            """.formatted(RemoteOptions.USAGE);

    static final int MAX_DRAIN_SECONDS = 30;

    private Main() {
    }

    public static void main(String[] args) {
        if (BackupCommand.handles(args)) {
            exit(BackupCommand.run(args, System.getenv(), rest -> parse(rest, System.getenv())));
            return;
        }
        if (args.length > 0 && args[0].equals("init")) {
            exit(InitCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv()));
            return;
        }
        ServerConfig config;
        try {
            config = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("sportel-server: " + e.getMessage());
            System.err.print(USAGE);
            exit(2);
            return;
        }
        if (config == null) {
            System.out.print(USAGE);
            return;
        }
        try {
            PrivateFiles.createDirectories(config.dataDir());
        } catch (Exception e) {
            System.err.println("sportel-server: cannot create the data directory " + config.dataDir().toAbsolutePath() + ": " + e.getMessage());
            exit(1);
        }
        Logging.toFile(config.ops().logDir() != null ? config.ops().logDir() : config.dataDir().resolve("logs"));
        Logger log = LoggerFactory.getLogger(Main.class);
        // Each start-up failure is one ERROR line (the console shows the log): the operator reads the reason, not a trace.
        if (!portFree(config.host(), config.port())) {
            log.error("sportel-server: cannot listen on {}:{} (address in use or not available); choose another with --port",
                    config.host(), config.port());
            exit(1);
        }
        OpsConfig ops = config.ops();
        if (ops.managementPort() > 0 && !portFree(ops.managementHost(), ops.managementPort())) {
            log.error("sportel-server: {}", ManagementPortException.message(ops.managementHost(), ops.managementPort()));
            exit(1);
        }
        SportelServer server;
        try {
            server = SportelServer.start(config);
            PrivateFiles.restrict(config.dataDir());
        } catch (DatabaseUnavailableException | ManagementPortException e) {
            log.error("sportel-server: {}", e.getMessage());
            exit(1);
            return;
        } catch (Exception e) { // Jetty may throw checked exceptions through Javalin
            if (isBindFailure(e)) {
                log.error("sportel-server: cannot listen on {}:{} (address in use or not available); choose another with --port",
                        config.host(), config.port());
            } else {
                log.error("sportel-server: failed to start: {}", e.toString());
                log.debug("start-up failure", e);
            }
            exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping (signal received)");
            try {
                server.close();
            } finally {
                Logging.stop();
                stopped.countDown();
            }
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

    /** Exits once the asynchronous log has written out what it holds (an error logged just before, say). */
    private static void exit(int status) {
        Logging.stop();
        System.exit(status);
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
        c = c.withOps(opsFromEnv(c.ops(), env));
        c = RemoteOptions.fromEnv(c, env);
        SecurityConfig security = c.security().withEnvironment(env);
        if (env.get("SPORTEL_PUBLIC_URL") != null) {
            security = security.withPublicUrl(publicUrl(env.get("SPORTEL_PUBLIC_URL")));
        }
        List<String> proxies = new ArrayList<>(addresses(env.get("SPORTEL_TRUSTED_PROXY")));
        boolean proxiesFromArgs = false;
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
                case "--management-port" -> c = c.withOps(c.ops().withManagement(c.ops().managementHost(), port(value(args, ++i, a), a)));
                case "--log-dir" -> c = c.withOps(c.ops().withLogDir(Path.of(value(args, ++i, a))));
                case "--day-end" -> c = c.withOps(c.ops().withDayEnd(time(value(args, ++i, a), a)));
                case "--public-url" -> security = security.withPublicUrl(publicUrl(value(args, ++i, a)));
                case "--trusted-proxy" -> {
                    if (!proxiesFromArgs) {
                        proxies.clear(); // options win over the environment
                        proxiesFromArgs = true;
                    }
                    proxies.addAll(addresses(value(args, ++i, a)));
                }
                default -> {
                    if (!RemoteOptions.takes(a)) { // issue 19: remote tickets and SMS
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    c = RemoteOptions.apply(c, a, value(args, ++i, a));
                }
            }
        }
        c = c.withSecurity(security.withTrustedProxies(proxies));
        if (dbUrl != null && !dbUrl.isBlank()) {
            if (!dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:h2:")) {
                throw new IllegalArgumentException("--db must be a jdbc:postgresql: URL, got " + dbUrl.split("\\?")[0]);
            }
            c = c.withDatabase(dbUrl, env.get("SPORTEL_DB_USER"), env.get("SPORTEL_DB_PASSWORD"), null);
        }
        return c;
    }

    /** Operating settings (issue 17) from the environment: see {@link OpsConfig}. */
    private static OpsConfig opsFromEnv(OpsConfig ops, Map<String, String> env) {
        OpsConfig o = ops.withOpsToken(env.get("SPORTEL_OPS_TOKEN"));
        String host = env.getOrDefault("SPORTEL_MANAGEMENT_HOST", o.managementHost());
        String port = env.get("SPORTEL_MANAGEMENT_PORT");
        o = o.withManagement(host, port == null || port.isBlank() ? o.managementPort() : port(port, "SPORTEL_MANAGEMENT_PORT"));
        if (env.get("SPORTEL_LOG_DIR") != null && !env.get("SPORTEL_LOG_DIR").isBlank()) {
            o = o.withLogDir(Path.of(env.get("SPORTEL_LOG_DIR")));
        }
        String drain = env.get("SPORTEL_DRAIN_SECONDS");
        if (drain != null && !drain.isBlank()) {
            o = o.withDrain(Duration.ofSeconds(drainSeconds(drain)));
        }
        String dayEnd = env.get("SPORTEL_DAY_END");
        return dayEnd == null || dayEnd.isBlank() ? o : o.withDayEnd(time(dayEnd, "SPORTEL_DAY_END"));
    }

    private static LocalTime time(String raw, String what) {
        try {
            return LocalTime.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be a time like 20:00, got '" + raw + "'");
        }
    }

    private static String publicUrl(String raw) {
        String url = raw.strip();
        if (!url.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw new IllegalArgumentException("--public-url must be an http:// or https:// address, got '" + raw + "'");
        }
        return url;
    }

    private static List<String> addresses(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (String part : raw.split(",")) {
            String a = part.strip();
            if (a.isEmpty()) {
                continue;
            }
            if (!a.matches("[0-9A-Fa-f:.]+")) {
                throw new IllegalArgumentException("--trusted-proxy must be an IP address such as 10.0.0.5, got '" + a + "'");
            }
            out.add(a);
        }
        return out;
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

    /**
     * At most {@link #MAX_DRAIN_SECONDS}: the stop must drain, finish its requests and close within the unit's
     * TimeoutStopSec=45 (installer/server/sportel-server.service), or systemd kills it half-closed. A longer value
     * (kept in server.env from before) is cut to that with a warning rather than keeping the server from starting.
     */
    private static int drainSeconds(String raw) {
        int s;
        try {
            s = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            s = -1;
        }
        if (s < 0) {
            throw new IllegalArgumentException("SPORTEL_DRAIN_SECONDS must be a number of seconds from 0 to " + MAX_DRAIN_SECONDS
                    + " (a stop has 45 s in all), got '" + raw + "'");
        }
        if (s > MAX_DRAIN_SECONDS) {
            LoggerFactory.getLogger(Main.class).warn("SPORTEL_DRAIN_SECONDS={} is more than a stop allows (45 s in all): {} s are used",
                    s, MAX_DRAIN_SECONDS);
            return MAX_DRAIN_SECONDS;
        }
        return s;
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
