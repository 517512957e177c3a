package al.sportel.server.ops;

import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.http.ApiException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * Health, metrics and backup on the main port, and the day-end runs for supervisors. Metrics and
 * backup need the operations token here (without one configured they are only on the management
 * port); the health checks say no more than UP or DOWN, so they stay open for load balancers.
 */
final class OpsRoutes {

    static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Readiness readiness;
    private final OpsMetrics metrics;
    private final OnlineBackup backup;
    private final DayEndJob dayEndJob;
    private final String token;

    OpsRoutes(Readiness readiness, OpsMetrics metrics, OnlineBackup backup, DayEndJob dayEndJob, String token) {
        this.readiness = readiness;
        this.metrics = metrics;
        this.backup = backup;
        this.dayEndJob = dayEndJob;
        this.token = token;
    }

    void register(Javalin app) {
        app.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
        app.get("/health/ready", ctx -> {
            Readiness.Report r = readiness.check();
            ctx.status(r.ready() ? 200 : 503).json(Map.of("status", r.ready() ? "UP" : "DOWN", "checks", r.checks()));
        });
        app.get("/metrics", ctx -> {
            requireToken(ctx);
            ctx.contentType(PROMETHEUS_TYPE).result(metrics.scrape());
        });
        app.post("/ops/backup", ctx -> {
            requireToken(ctx);
            if (!backup.supported()) {
                throw ApiException.conflict("backup-not-here", "This server uses PostgreSQL: back it up with pg_dump (docs/operations.md)");
            }
            Path zip = backup.make();
            // streamed, not read into the heap; the file goes when the answer has been written
            ctx.contentType("application/zip").result(new FilterInputStream(Files.newInputStream(zip)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        Files.deleteIfExists(zip);
                    }
                }
            });
        });
        app.get("/api/v1/branches/{code}/day-ends", this::dayEnds);
    }

    private void requireToken(Context ctx) {
        if (token == null) {
            throw ApiException.notFound("Not served on this port (set SPORTEL_OPS_TOKEN or use the management port)");
        }
        if (!tokenMatches(token, ctx.header("Authorization"))) {
            throw ApiException.unauthorized("The operations token is missing or wrong");
        }
    }

    /** {@code Authorization: Bearer <token>}, compared in constant time. */
    static boolean tokenMatches(String token, String authorization) {
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        return authorization != null && MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8));
    }

    /** The days ended by the day-end job, newest first: what a supervisor sees for "cancelled: day ended". */
    private void dayEnds(Context ctx) {
        UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
        String branch = ctx.pathParam("code");
        Access.requireBranch(user, branch, dayEndJob::branchExists);
        List<DayEndJob.Run> runs = dayEndJob.runs(branch);
        ctx.json(runs);
    }
}
