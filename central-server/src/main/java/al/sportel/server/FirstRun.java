package al.sportel.server;

import al.sportel.server.db.Database;
import org.slf4j.Logger;

/** On a database without any administrator, the log says how to create the first one. */
final class FirstRun {

    private FirstRun() {
    }

    static void logIfNoAdmin(Database db, Logger log) {
        int admins = db.read(h -> h.createQuery("SELECT COUNT(*) FROM users WHERE role = 'ADMIN' AND active").mapTo(Integer.class).one());
        if (admins == 0) {
            log.warn("No administrator exists yet. Stop the server (with the embedded database) and create one with: "
                    + "java -jar sportel-server.jar init --admin NAME (same --data-dir/--db as the server; "
                    + "password from SPORTEL_ADMIN_PASSWORD or typed when asked), then sign in to the console "
                    + "to create centres, services, counters and users.");
        }
    }
}
