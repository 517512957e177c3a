package al.sportel.server.db;

import al.sportel.server.events.EventNumberingMigration;
import al.sportel.server.onlinepay.OnlineMismatchMigration;
import al.sportel.server.onlinepay.OnlinePartnerKindMigration;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool, the migrations and short transactions that retry on lock conflicts. */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int MAX_ATTEMPTS = 6;
    /** Pool size for a server: about as many connections as requests a centre's counters send at once. */
    public static final int SERVER_POOL_SIZE = 32;
    private static final long CONNECTION_WAIT_MS = 3_000;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;
    private final String schema;

    private Database(HikariDataSource dataSource, String schema) {
        this.schema = schema;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        // A failing statement's message must never carry its bound values (names, phones, hashes) into a log.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        this.postgres = dataSource.getJdbcUrl().startsWith("jdbc:postgresql:");
        // Instants travel as OffsetDateTime in UTC: exact on both drivers, whatever the JVM's zone.
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP_WITH_TIMEZONE) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setObject(position, value.atOffset(ZoneOffset.UTC));
            }
        });
        jdbi.registerColumnMapper(Instant.class, (rs, col, ctx) -> {
            OffsetDateTime odt = rs.getObject(col, OffsetDateTime.class);
            return odt == null ? null : odt.toInstant();
        });
    }

    /** Opens the pool and migrates; throws {@link DatabaseUnavailableException} with a readable reason. */
    public static Database open(String url, String user, String password, String schema, int poolSize) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (user != null) {
            hc.setUsername(user);
        }
        if (password != null) {
            hc.setPassword(password);
        }
        if (schema != null) {
            hc.setSchema(schema);
        }
        hc.setMaximumPoolSize(poolSize);
        // Connections open as load needs them, so idle servers (and test servers) leave PostgreSQL's
        // connection limit to the busy ones.
        hc.setMinimumIdle(Math.min(4, poolSize));
        hc.setPoolName("sportel-db");
        // Set once per connection: asking for a level on every transaction costs a
        // SHOW TRANSACTION ISOLATION LEVEL round trip each time on PostgreSQL.
        hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // Admission control: a request that finds every connection busy for this long gets 503 with
        // Retry-After (see Problems) instead of joining a queue that only grows under overload.
        hc.setConnectionTimeout(CONNECTION_WAIT_MS);
        hc.setInitializationFailTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("Cannot connect to the database at " + redact(url)
                    + (user != null ? " as " + user : "") + ": " + rootMessage(e), e);
        }
        try {
            Flyway flyway = flyway(ds, schema);
            refuseUnknownMigrations(flyway);
            flyway.migrate();
        } catch (DatabaseUnavailableException e) {
            ds.close();
            throw e;
        } catch (RuntimeException e) {
            ds.close();
            throw new DatabaseUnavailableException("Database migration failed: " + rootMessage(e), e);
        }
        return new Database(ds, schema);
    }

    private static Flyway flyway(HikariDataSource ds, String schema) {
        return Flyway.configure().dataSource(ds)
                .schemas(schema == null ? new String[0] : new String[] {schema})
                .createSchemas(schema != null)
                .locations("classpath:db/migration")
                .javaMigrations(new OnlinePartnerKindMigration(), new OnlineMismatchMigration(), new EventNumberingMigration(),
                        EventNumberingMigration.withoutKeyLock())
                // Each feature owns a range of versions (V20s channels, V30s fiscal, V40s citizen…), so a release
                // can bring V31 to a database already at V53: apply it rather than refuse to start after an upgrade.
                .outOfOrder(true)
                // Flyway ignores an applied migration newer than the jar's ("*:future") unless told otherwise: an
                // older server would then run on tables it does not know, as after a rollback without the restore.
                .ignoreMigrationPatterns(new ValidatePattern[0])
                .load();
    }

    /**
     * Refuses, in one line naming the version, a database that holds migrations this server does not have:
     * a newer release migrated it (above this jar's newest, or inside a feature's range of versions).
     */
    private static void refuseUnknownMigrations(Flyway flyway) {
        MigrationVersion known = null;
        List<String> unknown = new ArrayList<>();
        for (MigrationInfo m : flyway.info().all()) {
            if (m.getVersion() == null) {
                continue;
            }
            if (m.getState().isResolved()) {
                known = known == null || m.getVersion().isNewerThan(known) ? m.getVersion() : known;
            } else if (m.getState().isApplied() && m.getState() != MigrationState.DELETED) { // DELETED: removed by a repair
                unknown.add(m.getVersion().getVersion());
            }
        }
        if (!unknown.isEmpty()) {
            throw new DatabaseUnavailableException("the database was migrated by a newer Sportel server (schema version "
                    + String.join(", ", unknown) + "; this server knows up to " + known + "): run that release, or restore the"
                    + " backup taken before the upgrade (docs/operations.md, Upgrade and roll back)", null);
        }
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** The same, for a helper handed only a handle: the driver keeps its URL, so this asks the database nothing. */
    public static boolean isPostgres(Handle h) {
        try {
            return h.getConnection().getMetaData().getURL().startsWith("jdbc:postgresql:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Runs {@code work} in one READ COMMITTED transaction; on a deadlock, serialization failure or lock
     * timeout it rolls back and tries again, so callers see either the whole change or an error.
     */
    public <T> T tx(HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                // READ COMMITTED is the pool's connection default (see open), so no per-transaction level here.
                return jdbi.inTransaction(work);
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                log.debug("transient database conflict, attempt {}: {}", attempt, e.getClass().getSimpleName());
                sleepQuietly(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
            }
        }
    }

    /** SQL for the seconds from one timestamp column to another, in this database's dialect. */
    public String secondsBetween(String from, String to) {
        return isPostgres() ? "EXTRACT(EPOCH FROM (" + to + " - " + from + "))"
                : "(DATEDIFF('MILLISECOND', " + from + ", " + to + ") / 1000.0)";
    }

    /** A read outside any explicit transaction. */
    public <T> T read(HandleCallback<T, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    /** Migrations in the jar that this database has not applied (readiness: 0 once started). */
    public int pendingMigrations() {
        return flyway(dataSource, schema).info().pending().length;
    }

    /** Publishes the pool's gauges and timers (issue 17 metrics). */
    public void bindMetrics(MeterRegistry registry) {
        dataSource.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    public boolean healthy() {
        try (Handle h = jdbi.open()) {
            return h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 40001 serialization failure, 40P01 deadlock (PostgreSQL); HYT00 lock timeout,
                // 40001 deadlock (H2); 55P03 lock not available.
                if (state.equals("40001") || state.equals("40P01") || state.equals("HYT00") || state.equals("55P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
