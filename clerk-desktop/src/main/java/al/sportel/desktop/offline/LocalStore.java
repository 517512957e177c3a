package al.sportel.desktop.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The counter's embedded database file ({@code local.mv.db} in the data folder), migrated on open.
 * One connection, used by one thread at a time. Every commit is written through to the file
 * ({@code WRITE_DELAY=0}), so an operation in the outbox survives the client being killed.
 */
public final class LocalStore implements AutoCloseable {

    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    static final String NAME = "local";
    static final String MIGRATIONS = "classpath:al/sportel/desktop/local/migration";
    /**
     * The versions of the migrations in {@link #MIGRATIONS}, oldest first; LocalStoreTest fails when one is
     * added without being listed here.
     */
    static final List<String> VERSIONS = List.of("1", "2", "3", "4", "5");
    static final String LATEST_VERSION = VERSIONS.get(VERSIONS.size() - 1);

    private final Connection connection;
    private final Path file;

    private LocalStore(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    public static Path fileIn(Path dataDir) {
        return dataDir.resolve(NAME + ".mv.db");
    }

    public static LocalStore open(Path dataDir) throws LocalStoreException {
        Path file = fileIn(dataDir);
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(NAME) + ";WRITE_DELAY=0;IFEXISTS=FALSE";
        try {
            Files.createDirectories(dataDir);
            // opened first and kept: the migrations below then work on the database this connection
            // holds open, instead of H2 closing the file after them and reading it again
            Connection c = DriverManager.getConnection(url, "sportel", "");
            try {
                if (!isCurrent(c)) {
                    JdbcDataSource ds = new JdbcDataSource();
                    ds.setURL(url);
                    ds.setUser("sportel");
                    ds.setPassword("");
                    Flyway.configure().dataSource(ds).locations(MIGRATIONS).loggers("slf4j").load().migrate();
                }
                return new LocalStore(c, file);
            } catch (Exception e) {
                closeQuietly(c, e);
                throw e;
            }
        } catch (Exception e) {
            if (isLocked(e)) {
                throw new LocalStoreException(LocalStoreException.Kind.LOCKED, file, null, e);
            }
            throw new LocalStoreException(LocalStoreException.Kind.CORRUPT, file, keepAside(dataDir), e);
        }
    }

    /**
     * True when Flyway's own history in the file says exactly the migrations of this version ran
     * ({@link #VERSIONS}) and none failed. Then Flyway is not started at all: it would find nothing to
     * do, yet setting it up (with the JSON library it uses for its configuration) loads some 850 classes
     * that stay in memory while the clerk works. Anything else (a new file, an older one, a failed
     * migration, one made by a newer Sportel) goes through Flyway as before. Flyway's checksum check is
     * skipped with it; the files are inside this jar, so a current file was made from the same ones.
     */
    static boolean isCurrent(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet table = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'flyway_schema_history'")) {
            if (!table.next() || table.getInt(1) == 0) {
                return false;
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                     + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            List<String> applied = new ArrayList<>();
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                applied.add(rs.getString(1));
            }
            return applied.equals(VERSIONS);
        }
    }

    private static void closeQuietly(Connection c, Exception cause) {
        try {
            c.close(); // so a damaged file can be put aside
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static boolean isLocked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("already in use")) {
                return true;
            }
        }
        return false;
    }

    /** Renames every file of the store to {@code local.corrupt-<time>…}; never deletes anything. */
    private static Path keepAside(Path dataDir) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path kept = null;
        try (var files = Files.list(dataDir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(NAME + ".")).toList()) {
                String rest = p.getFileName().toString().substring(NAME.length());
                Path target = dataDir.resolve(NAME + ".corrupt-" + stamp + rest);
                Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                if (rest.equals(".mv.db")) {
                    kept = target;
                }
            }
        } catch (IOException e) {
            // the message still names the file; nothing was deleted
        }
        return kept;
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in one transaction: all of it reaches the file, or none. */
    public synchronized <T> T tx(Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a file we are done with
        }
    }
}
