package al.sportel.server.ops;

import al.sportel.server.db.Database;
import al.sportel.server.events.EventHub;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code /health/ready} reports: the database answers, every migration in this jar is applied,
 * the event pump is polling, the main port listens, and the node is not draining for a stop. A load balancer sends traffic
 * only to a ready node, so a stopping node turns unready first.
 */
public final class Readiness {

    private final Database db;
    private final EventHub hub;
    private volatile boolean serving;
    private volatile boolean draining;
    private volatile boolean migrated;

    public Readiness(Database db, EventHub hub) {
        this.db = db;
        this.hub = hub;
    }

    public record Report(boolean ready, Map<String, String> checks) {
    }

    /** The main port is listening (the management port opens before it). */
    public void serving() {
        serving = true;
    }

    public void drain() {
        draining = true;
    }

    public Report check() {
        Map<String, String> checks = new LinkedHashMap<>();
        boolean dbUp = db.healthy();
        checks.put("database", dbUp ? "UP" : "DOWN");
        checks.put("migrations", dbUp && migrationsDone() ? "UP" : "DOWN");
        checks.put("eventPump", hub.pumpRunning() ? "UP" : "DOWN");
        checks.put("accepting", draining ? "DRAINING" : serving ? "UP" : "STARTING");
        boolean ready = checks.values().stream().allMatch("UP"::equals);
        return new Report(ready, checks);
    }

    /** Flyway scans the jar to answer, so once all are applied the answer is kept. */
    private boolean migrationsDone() {
        if (!migrated) {
            try {
                migrated = db.pendingMigrations() == 0;
            } catch (RuntimeException e) {
                return false;
            }
        }
        return migrated;
    }
}
