package al.sportel.server;

import al.sportel.server.remote.RemoteQueueConfig;
import al.sportel.server.sms.SmsConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Everything the server is started with. {@code dbUrl == null} means the embedded H2 file database
 * under {@code dataDir}. {@code dbSchema} lets tests give each server its own PostgreSQL schema.
 */
public record ServerConfig(
        String host,
        int port,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String dbSchema,
        Path dataDir,
        boolean demo,
        Clock clock,
        Duration tokenLifetime,
        Duration eventPollInterval,
        SecurityConfig security,
        OpsConfig ops,
        RemoteQueueConfig remote,
        SmsConfig sms) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, null, null, null, null, Path.of("sportel-data"),
                false, Clock.systemUTC(), Duration.ofHours(12), Duration.ofMillis(250),
                SecurityConfig.defaults(), OpsConfig.defaults(), RemoteQueueConfig.defaults(), SmsConfig.logOnly());
    }

    public boolean embeddedDatabase() {
        return dbUrl == null;
    }

    public String effectiveDbUrl() {
        if (dbUrl != null) {
            return dbUrl;
        }
        // PostgreSQL mode keeps one SQL dialect for both; the lock timeout covers bursts of calls;
        // WRITE_DELAY=0 writes every commit through, so a killed server keeps the payment it answered.
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("sportel")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, dbUrl, dbUser, dbPassword, dbSchema, dataDir, demo, clock, tokenLifetime, eventPollInterval, security, ops, remote, sms);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, dbUrl, dbUser, dbPassword, dbSchema, dataDir, demo, clock, tokenLifetime, eventPollInterval, security, ops, remote, sms);
    }

    public ServerConfig withDatabase(String url, String user, String password, String schema) {
        return new ServerConfig(host, port, url, user, password, schema, dataDir, demo, clock, tokenLifetime, eventPollInterval, security, ops, remote, sms);
    }

    public ServerConfig withDataDir(Path d) {
        return new ServerConfig(host, port, dbUrl, dbUser, dbPassword, dbSchema, d, demo, clock, tokenLifetime, eventPollInterval, security, ops, remote, sms);
    }

    public ServerConfig withDemo(boolean d) {
        return new ServerConfig(host, port, dbUrl, dbUser, dbPassword, dbSchema, dataDir, d, clock, tokenLifetime, eventPollInterval, security, ops, remote, sms);
    }

    public ServerConfig withClock(Clock c) {
        return new ServerConfig(host, port, dbUrl, dbUser, dbPassword, dbSchema, dataDir, demo, c, tokenLifetime, eventPollInterval, security, ops, remote, sms);
    }

    public ServerConfig withSecurity(SecurityConfig s) {
        return new ServerConfig(host, port, dbUrl, dbUser, dbPassword, dbSchema, dataDir, demo, clock, tokenLifetime, eventPollInterval, s, ops, remote, sms);
    }

    public ServerConfig withOps(OpsConfig o) {
        return new ServerConfig(host, port, dbUrl, dbUser, dbPassword, dbSchema, dataDir, demo, clock, tokenLifetime, eventPollInterval, security, o, remote, sms);
    }

    public ServerConfig withRemote(RemoteQueueConfig r) {
        return new ServerConfig(host, port, dbUrl, dbUser, dbPassword, dbSchema, dataDir, demo, clock, tokenLifetime, eventPollInterval, security, ops, r, sms);
    }

    public ServerConfig withSms(SmsConfig s) {
        return new ServerConfig(host, port, dbUrl, dbUser, dbPassword, dbSchema, dataDir, demo, clock, tokenLifetime, eventPollInterval, security, ops, remote, s);
    }
}
