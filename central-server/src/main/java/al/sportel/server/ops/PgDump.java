package al.sportel.server.ops;

import al.sportel.server.ServerConfig;
import al.sportel.server.ops.BackupCommand.CommandException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL backups through the PostgreSQL tools: {@code pg_dump --format=custom} (consistent while
 * the servers keep running) and {@code pg_restore}. The connection comes from the server's own
 * settings; the password travels in {@code PGPASSWORD}, never on the command line.
 */
final class PgDump {

    private PgDump() {
    }

    private record Target(String host, String port, String database, String schema) {
    }

    static String backup(ServerConfig config, Path to, Map<String, String> env) throws CommandException {
        Target t = target(config);
        try {
            Files.createDirectories(to.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(to.toAbsolutePath().getParent(), ".sportel-backup", ".dump");
            try {
                List<String> cmd = connection("pg_dump", config, t);
                cmd.addAll(List.of("--format=custom", "--file", tmp.toString()));
                run(cmd, config, env);
                String listing = run(List.of("pg_restore", "--list", tmp.toString()), config, env);
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
        List<String> cmd = connection("pg_restore", config, t);
        cmd.addAll(List.of("--exit-on-error", "--no-owner", from.toString()));
        run(cmd, config, env);
        return "restored " + from + " into database " + t.database() + (t.schema() != null ? " (schema " + t.schema() + ")" : "")
                + "; start the servers (each with the channel master key the data was written under: SPORTEL_CHANNEL_KEY or"
                + " channel-master.key)";
    }

    private static List<String> connection(String tool, ServerConfig config, Target t) {
        List<String> cmd = new ArrayList<>(List.of(tool, "--host", t.host(), "--port", t.port(), "--dbname", t.database()));
        if (config.dbUser() != null) {
            cmd.addAll(List.of("--username", config.dbUser()));
        }
        if (t.schema() != null && tool.equals("pg_dump")) { // a restore brings back what the dump holds
            cmd.addAll(List.of("--schema", t.schema()));
        }
        cmd.add("--no-password");
        return cmd;
    }

    private static Target target(ServerConfig config) throws CommandException {
        URI uri;
        try {
            uri = URI.create(config.dbUrl().substring("jdbc:".length()));
        } catch (IllegalArgumentException e) {
            throw new CommandException("cannot read the database URL for pg_dump");
        }
        String schema = config.dbSchema();
        if (uri.getQuery() != null) {
            for (String p : uri.getQuery().split("&")) {
                if (p.startsWith("currentSchema=") && schema == null) {
                    schema = p.substring("currentSchema=".length());
                }
            }
        }
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        String port = uri.getPort() < 0 ? "5432" : Integer.toString(uri.getPort());
        return new Target(host, port, uri.getPath().replaceFirst("^/", ""), schema);
    }

    private static String run(List<String> cmd, ServerConfig config, Map<String, String> env) throws CommandException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (config.dbPassword() != null) {
            pb.environment().put("PGPASSWORD", config.dbPassword());
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
