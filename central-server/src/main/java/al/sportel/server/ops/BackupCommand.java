package al.sportel.server.ops;

import al.sportel.server.ServerConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipFile;
import org.h2.tools.Restore;

/**
 * {@code backup --to FILE} and {@code restore --from FILE} (command-line entry points, so they print).
 * The embedded H2 database is backed up online by the running server when it can be asked (its
 * management port, or the main port with the operations token), else straight from the files of a
 * stopped server; every backup is checked by restoring it into a scratch folder and counting its
 * payments and tickets. PostgreSQL is backed up with {@code pg_dump} in its custom format and checked
 * with {@code pg_restore --list}.
 */
public final class BackupCommand {

    private static final String DB_NAME = "sportel";
    /** The secrets a backup leaves out on purpose (a stolen backup alone must not sign as a bank or the taxpayer). */
    static final String NOT_IN_BACKUP = "a backup does not carry the secrets kept apart from it: on a new machine bring back"
            + " channel-master.key from the old data directory (or set SPORTEL_CHANNEL_KEY), the fiscal keystore (.p12) and its"
            + " password file at the paths of the fiscal settings, and the online-payment webhook secret (SPORTEL_PAY_WEBHOOK_SECRET_FILE)";

    private BackupCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Returns the exit code: 0 done, 1 failed, 2 bad usage. Server options are parsed by {@code parse}. */
    public static int run(String[] args, Map<String, String> env, Function<String[], ServerConfig> parse) {
        String command = args[0];
        String file = null;
        List<String> rest = new ArrayList<>();
        String fileOption = command.equals("backup") ? "--to" : "--from";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(fileOption) && i + 1 < args.length) {
                file = args[++i];
            } else {
                rest.add(args[i]);
            }
        }
        if (file == null) {
            System.err.println("sportel-server: " + command + " needs " + fileOption + " FILE");
            return 2;
        }
        ServerConfig config;
        try {
            config = parse.apply(rest.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println("sportel-server: " + e.getMessage());
            return 2;
        }
        try {
            Path path = Path.of(file).toAbsolutePath();
            if (command.equals("backup")) {
                System.out.println(config.embeddedDatabase() ? backupH2(config, path, env) : PgDump.backup(config, path, env));
            } else {
                System.out.println(config.embeddedDatabase() ? restoreH2(config, path) : PgDump.restore(config, path, env));
            }
            return 0;
        } catch (CommandException e) {
            System.err.println("sportel-server: " + e.getMessage());
            return 1;
        }
    }

    /** A failure told to the operator in one line. */
    static final class CommandException extends Exception {
        CommandException(String message) {
            super(message);
        }
    }

    private static String backupH2(ServerConfig config, Path to, Map<String, String> env) throws CommandException {
        try {
            Files.createDirectories(to.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(to.toAbsolutePath().getParent(), ".sportel-backup", ".zip");
            try {
                String how = askRunningServer(config, tmp) ? "online, from the running server" : copyStoppedDatabase(config, tmp);
                String check = checkH2(tmp);
                Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return "backup written to " + to + " (" + Files.size(to) + " bytes, " + how + "); checked: " + check;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new CommandException("cannot write the backup " + to + ": " + e.getMessage());
        }
    }

    /** True when a running server made the backup; false when no server answers (it is stopped). */
    private static boolean askRunningServer(ServerConfig config, Path into) throws CommandException, IOException {
        String url;
        String auth = null;
        if (config.ops().managementPort() > 0) {
            url = "http://" + config.ops().managementHost() + ":" + config.ops().managementPort() + "/ops/backup";
            if (config.ops().opsToken() != null) {
                auth = "Bearer " + config.ops().opsToken(); // the management port asks for it too when it is set
            }
        } else if (config.ops().opsToken() != null) {
            url = "http://" + config.host() + ":" + config.port() + "/ops/backup";
            auth = "Bearer " + config.ops().opsToken();
        } else {
            return false;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (auth != null) {
            request.header("Authorization", auth);
        }
        try {
            HttpResponse<Path> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofFile(into));
            if (response.statusCode() != 200) {
                throw new CommandException("the server at " + url + " refused the backup (HTTP " + response.statusCode() + ")");
            }
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted");
        }
    }

    private static String copyStoppedDatabase(ServerConfig config, Path into) throws CommandException {
        if (!Files.exists(config.dataDir().resolve(DB_NAME + ".mv.db"))) {
            throw new CommandException("no database in " + config.dataDir().toAbsolutePath() + " (check --data-dir)");
        }
        try (Connection c = DriverManager.getConnection(config.effectiveDbUrl() + ";IFEXISTS=TRUE", config.dbUser(), config.dbPassword());
             Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + into.toAbsolutePath().toString().replace("'", "''") + "'");
            BackupFiles.addAttachments(into, config.dataDir());
            return "from the files of the stopped server";
        } catch (IOException e) {
            throw new CommandException("cannot add the attachments of " + config.dataDir().toAbsolutePath() + ": " + e.getMessage());
        } catch (SQLException e) {
            throw new CommandException(e.getErrorCode() == 90020
                    ? "the server is running and cannot be asked: set SPORTEL_MANAGEMENT_PORT or SPORTEL_OPS_TOKEN as the server has them"
                    : "cannot read the database in " + config.dataDir().toAbsolutePath() + ": " + e.getMessage());
        }
    }

    /** Restores the zip into a scratch folder and counts what an operator cares about. */
    private static String checkH2(Path zip) throws CommandException, IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            if (z.getEntry(DB_NAME + ".mv.db") == null) {
                throw new CommandException("the backup holds no " + DB_NAME + " database");
            }
        }
        Path scratch = Files.createTempDirectory("sportel-check");
        try {
            Restore.execute(zip.toString(), scratch.toString(), DB_NAME);
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + scratch.resolve(DB_NAME)
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE");
                 Statement s = c.createStatement()) {
                return count(s, "payments") + " payments, " + count(s, "tickets") + " tickets";
            }
        } catch (SQLException e) {
            throw new CommandException("the backup does not open as a database: " + e.getMessage());
        } finally {
            deleteTree(scratch);
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String restoreH2(ServerConfig config, Path from) throws CommandException {
        if (!Files.isRegularFile(from)) {
            throw new CommandException("no backup file " + from);
        }
        Path dir = config.dataDir().toAbsolutePath();
        if (Files.exists(dir.resolve(DB_NAME + ".mv.db"))) {
            throw new CommandException("the data directory " + dir + " already holds a database; move it away (or choose another --data-dir) first");
        }
        try {
            Files.createDirectories(dir);
            String check = checkH2(from);
            Restore.execute(from.toString(), dir.toString(), DB_NAME);
            int files = BackupFiles.restoreAttachments(from, dir);
            return "restored " + from + " into " + dir + " (" + check + ", " + files + " attachments); " + NOT_IN_BACKUP
                    + ", then start the server on this data directory";
        } catch (IOException | RuntimeException e) {
            throw new CommandException("cannot restore into " + dir + ": " + e.getMessage());
        }
    }

    static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover scratch folder in the temp directory is harmless
        }
    }
}
