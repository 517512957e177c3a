package al.sportel.server;

import al.sportel.model.Role;
import al.sportel.server.auth.PasswordHasher;
import al.sportel.server.auth.UserRules;
import al.sportel.server.db.Database;
import al.sportel.server.db.DatabaseUnavailableException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code java -jar sportel-server.jar init --admin NAME}: creates the first administrator of a real
 * install, in the database the server uses (same --data-dir / --db). The password comes from
 * SPORTEL_ADMIN_PASSWORD, the terminal (asked twice) or one line on standard input.
 */
final class InitCommand {

    private InitCommand() {
    }

    /** Returns the process exit code: 0 done, 1 refused or failed, 2 bad usage. */
    static int run(String[] args, Map<String, String> env) {
        String admin = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--admin") && i + 1 < args.length) {
                admin = args[++i].strip().toLowerCase(Locale.ROOT);
            } else {
                rest.add(args[i]);
            }
        }
        ServerConfig config;
        try {
            config = Main.parse(rest.toArray(String[]::new), env);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (config == null || admin == null) {
            return usage("init needs --admin NAME");
        }
        if (!UserRules.validUsername(admin)) {
            return fail("the name must be 3 to 50 letters, digits, dots, dashes or underscores");
        }
        String password;
        try {
            password = readPassword(env);
        } catch (IOException e) {
            return fail("could not read the password: " + e.getMessage());
        }
        // stripped as the login and the user forms strip it: spaces around it would make it one nobody can type in
        password = password == null ? null : password.strip();
        if (password == null || password.isEmpty()) {
            return fail("no password given (set SPORTEL_ADMIN_PASSWORD or type it when asked)");
        }
        String weakness = UserRules.weakness(password, admin);
        if (weakness != null) {
            return fail("password refused: " + weakness);
        }
        return create(config, admin, password);
    }

    private static int create(ServerConfig config, String admin, String password) {
        try {
            if (config.embeddedDatabase()) {
                PrivateFiles.createDirectories(config.dataDir());
            }
            try (Database db = Database.open(config.effectiveDbUrl(), config.dbUser(), config.dbPassword(), config.dbSchema(), 2)) {
                String hash = PasswordHasher.hash(password);
                boolean created = db.tx(h -> {
                    if (h.createQuery("SELECT COUNT(*) FROM users WHERE username = :u").bind("u", admin).mapTo(Integer.class).one() > 0) {
                        return false;
                    }
                    h.createUpdate("""
                                    INSERT INTO users (username, display_name, role, branch_code, password_hash, created_at)
                                    VALUES (:u, :d, :r, NULL, :h, :now)
                                    """)
                            .bind("u", admin).bind("d", "Administrator").bind("r", Role.ADMIN.name()).bind("h", hash)
                            .bind("now", Clock.systemUTC().instant()).execute();
                    return true;
                });
                if (!created) {
                    return fail("a user named " + admin + " already exists");
                }
            }
            if (config.embeddedDatabase()) {
                PrivateFiles.restrict(config.dataDir());
            }
        } catch (DatabaseUnavailableException e) {
            if (config.embeddedDatabase() && heldByAnotherProcess(e)) {
                // the package starts the server at install: the embedded file is the running server's
                return fail("the server is running and holds the embedded database in " + config.dataDir().toAbsolutePath()
                        + ". Stop it (sudo systemctl stop sportel-server), run init again, then start it.");
            }
            return fail(e.getMessage());
        } catch (IOException e) {
            return fail(e.getMessage());
        }
        System.out.println("Created administrator " + admin + ". Start the server and sign in to the console with it.");
        return 0;
    }

    /** H2's "database may be already in use" (90020): another process has the file open. */
    private static boolean heldByAnotherProcess(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 90020) {
                return true;
            }
        }
        return false;
    }

    private static String readPassword(Map<String, String> env) throws IOException {
        String fromEnv = env.get("SPORTEL_ADMIN_PASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password for the new administrator: ");
            char[] again = console.readPassword("The same password again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new IOException("the two passwords differ");
            }
            return new String(first);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null || line.isEmpty() ? null : line;
    }

    private static int usage(String message) {
        System.err.println("sportel-server: " + message);
        System.err.print(Main.USAGE);
        return 2;
    }

    private static int fail(String message) {
        System.err.println("sportel-server init: " + message);
        return 1;
    }
}
