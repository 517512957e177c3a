package al.sportel.desktop.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(url);
            ds.setUser("sportel");
            ds.setPassword("");
            Flyway.configure().dataSource(ds).locations("classpath:al/sportel/desktop/local/migration")
                    .loggers("slf4j").load().migrate();
            Connection c = DriverManager.getConnection(url, "sportel", "");
            return new LocalStore(c, file);
        } catch (Exception e) {
            if (isLocked(e)) {
                throw new LocalStoreException(LocalStoreException.Kind.LOCKED, file, null, e);
            }
            throw new LocalStoreException(LocalStoreException.Kind.CORRUPT, file, keepAside(dataDir), e);
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
