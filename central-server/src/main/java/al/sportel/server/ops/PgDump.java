package al.sportel.server.ops;

import al.sportel.server.ServerConfig;
import al.sportel.server.ops.BackupCommand.CommandException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * PostgreSQL backups through the PostgreSQL tools: {@code pg_dump --format=custom} (consistent while
 * the servers keep running) and {@code pg_restore}. The connection comes from the server's own
 * settings; the password travels in {@code PGPASSWORD}, never on the command line.
 */
final class PgDump {

    private PgDump() {
    }

    /** What pg_dump and pg_restore are given: host without IPv6 brackets, the password only through PGPASSWORD. */
    record Target(String host, String port, String database, String schema, String user, String password) {
        @Override
        public String toString() { // without the password
            return user + "@" + host + ":" + port + "/" + database + (schema != null ? " schema " + schema : "");
        }
    }

    static String backup(ServerConfig config, Path to, Map<String, String> env) throws CommandException {
        Target t = target(config);
        try {
            Files.createDirectories(to.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(to.toAbsolutePath().getParent(), ".sportel-backup", ".dump");
            try {
                List<String> cmd = connection("pg_dump", t);
                cmd.addAll(List.of("--format=custom", "--file", tmp.toString()));
                run(cmd, t, env);
                String listing = run(List.of("pg_restore", "--list", tmp.toString()), t, env);
                long tables = listing.lines().filter(l -> l.contains(" TABLE DATA ")).count();
                if (listing.lines().noneMatch(l -> l.contains(" TABLE DATA ") && l.contains(" payments "))) {
                    throw new CommandException("the dump holds no payments table; is this the Sportel database?");
                }
                Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return "backup written to " + to + " (" + Files.size(to) + " bytes, pg_dump); checked: " + tables
                        + " tables with data, payments among them";
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new CommandException("cannot write the backup " + to + ": " + e.getMessage());
        }
    }

    static String restore(ServerConfig config, Path from, Map<String, String> env) throws CommandException {
        if (!Files.isRegularFile(from)) {
            throw new CommandException("no backup file " + from);
        }
        Target t = target(config);
        List<String> cmd = connection("pg_restore", t);
        cmd.addAll(List.of("--exit-on-error", "--no-owner", from.toString()));
        run(cmd, t, env);
        return "restored " + from + " into database " + t.database() + (t.schema() != null ? " (schema " + t.schema() + ")" : "")
                + "; " + BackupCommand.NOT_IN_BACKUP + ", then start the servers (each with the channel master key the data was"
                + " written under)";
    }

    private static List<String> connection(String tool, Target t) {
        List<String> cmd = new ArrayList<>(List.of(tool, "--host", t.host(), "--port", t.port(), "--dbname", t.database()));
        if (t.user() != null) {
            cmd.addAll(List.of("--username", t.user()));
        }
        if (t.schema() != null && tool.equals("pg_dump")) { // a restore brings back what the dump holds
            cmd.addAll(List.of("--schema", t.schema()));
        }
        cmd.add("--no-password");
        return cmd;
    }

    /**
     * Where the tools connect, read from the server's URL by PgJDBC's own parser, so they reach the database the
     * server does: the short form {@code jdbc:postgresql:sportel}, IPv6 hosts, and {@code user=} / {@code password=} in
     * the URL, which win over SPORTEL_DB_USER / SPORTEL_DB_PASSWORD as they do when the server connects.
     */
    static Target target(ServerConfig config) throws CommandException {
        String shown = config.dbUrl().split("\\?")[0]; // the query may hold the password
        Properties settings = new Properties();
        if (config.dbUser() != null) {
            settings.setProperty(PGProperty.USER.getName(), config.dbUser());
        }
        if (config.dbPassword() != null) {
            settings.setProperty(PGProperty.PASSWORD.getName(), config.dbPassword());
        }
        Properties url = Driver.parseURL(config.dbUrl(), settings);
        if (url == null) {
            throw new CommandException("cannot read the database URL " + shown + " (expected jdbc:postgresql://HOST:PORT/DATABASE)");
        }
        String host = PGProperty.PG_HOST.getOrDefault(url);
        if (host.contains(",")) {
            throw new CommandException("the database URL " + shown + " names several hosts; back up the primary with pg_dump by hand"
                    + " (docs/operations.md, PostgreSQL)");
        }
        String database = PGProperty.PG_DBNAME.getOrDefault(url);
        if (database == null || database.isBlank()) {
            throw new CommandException("the database URL " + shown + " names no database");
        }
        String schema = config.dbSchema();
        String searchPath = PGProperty.CURRENT_SCHEMA.getOrNull(url);
        if (schema == null && searchPath != null && !searchPath.isBlank()) {
            schema = searchPath.split(",")[0].strip(); // the first schema of the search path holds the server's tables
        }
        return new Target(host.replaceAll("^\\[(.*)]$", "$1"), PGProperty.PG_PORT.getOrDefault(url), database, schema,
                PGProperty.USER.getOrNull(url), PGProperty.PASSWORD.getOrNull(url));
    }

    private static String run(List<String> cmd, Target t, Map<String, String> env) throws CommandException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (t.password() != null) {
            pb.environment().put("PGPASSWORD", t.password());
        }
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                String text = new String(out, StandardCharsets.UTF_8).strip();
                String last = text.isEmpty() ? "exit code " + p.exitValue() : text.lines().reduce((a, b) -> b).orElse(text);
                throw new CommandException(cmd.get(0) + " failed: " + last);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException(cmd.get(0) + " is not installed here (apt-get install postgresql-client): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted");
        }
    }
}
