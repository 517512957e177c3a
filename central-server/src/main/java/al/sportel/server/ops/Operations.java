package al.sportel.server.ops;

import al.sportel.server.OpsConfig;
import al.sportel.server.ServerConfig;
import al.sportel.server.db.Database;
import al.sportel.server.events.EventHub;
import al.sportel.server.events.EventLog;
import al.sportel.server.queue.DayEnd;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.LocalTime;

/** The operating side of one server node (issue 17): health, metrics, backup, the day-end job. */
public final class Operations implements AutoCloseable {

    private final Readiness readiness;
    private final OpsMetrics metrics;
    private final DayEndJob dayEndJob;
    private final OpsRoutes routes;
    private final ManagementServer management;
    private final Duration drainDelay;

    private Operations(Readiness readiness, OpsMetrics metrics, DayEndJob dayEndJob, OpsRoutes routes, ManagementServer management,
                       Duration drainDelay) {
        this.drainDelay = drainDelay;
        this.readiness = readiness;
        this.metrics = metrics;
        this.dayEndJob = dayEndJob;
        this.routes = routes;
        this.management = management;
    }

    public static Operations start(ServerConfig config, Database db, EventHub hub, EventLog events, ObjectMapper mapper) {
        OpsConfig ops = config.ops();
        Readiness readiness = new Readiness(db, hub);
        OpsMetrics metrics = new OpsMetrics(db, hub, config.clock(), ops.zone());
        OnlineBackup backup = new OnlineBackup(db, config.dataDir());
        LocalTime dayEnd = ops.dayEnd() != null ? ops.dayEnd() : OpsConfig.DEFAULT_DAY_END;
        DayEndJob job = new DayEndJob(db, new DayEnd(db, events, hub), config.clock(), ops.zone(), dayEnd,
                config.security().offlineWindow());
        ManagementServer management = ops.managementPort() < 0 ? null
                : new ManagementServer(ops.managementHost(), ops.managementPort(), readiness, metrics, backup, mapper, ops.opsToken());
        if (ops.dayEnd() != null || !config.demo()) {
            job.start();
        }
        return new Operations(readiness, metrics, job, new OpsRoutes(readiness, metrics, backup, job, ops.opsToken()), management,
                ops.drain());
    }

    public void register(Javalin app) {
        routes.register(app);
    }

    public void recordRequest(Context ctx, float millis) {
        metrics.record(ctx, millis);
    }

    /** Called once the main port listens. */
    public void serving() {
        readiness.serving();
    }

    /** The node stops taking new work: readiness turns 503 so load balancers move traffic away. */
    public void drain() {
        readiness.drain();
        if (!drainDelay.isZero()) {
            try {
                Thread.sleep(drainDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A feature's gauges on /metrics. */
    public void addMetrics(MetricsSource source) {
        metrics.add(source);
    }

    public DayEndJob dayEndJob() {
        return dayEndJob;
    }

    /** The management port actually bound (useful with port 0), or -1 when there is none. */
    public int managementPort() {
        return management == null ? -1 : management.port();
    }

    @Override
    public void close() {
        dayEndJob.close();
        if (management != null) {
            management.close();
        }
        metrics.close();
    }
}
