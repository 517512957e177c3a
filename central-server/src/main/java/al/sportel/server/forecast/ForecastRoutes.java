package al.sportel.server.forecast;

import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.db.Database;
import al.sportel.server.queue.QueueEngine;
import io.javalin.Javalin;
import java.time.Clock;

/** {@code GET /api/v1/branches/{code}/forecast}: the next hour per service with staffing hints (SUPERVISOR, ADMIN). */
public final class ForecastRoutes {

    private final Database db;
    private final Clock clock;

    public ForecastRoutes(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void register(Javalin app) {
        app.get("/api/v1/branches/{code}/forecast", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            String code = ctx.pathParam("code");
            ctx.json(db.read(h -> {
                QueueEngine.requireBranchExists(h, code);
                Access.requireBranch(user, code);
                return ForecastService.forecast(h, code, clock.instant());
            }));
        });
    }
}
