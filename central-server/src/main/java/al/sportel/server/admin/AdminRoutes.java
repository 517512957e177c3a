package al.sportel.server.admin;

import al.sportel.model.BusinessTime;
import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.model.admin.CounterName;
import al.sportel.model.admin.NewService;
import al.sportel.model.admin.ServiceChange;
import al.sportel.model.admin.UserChange;
import al.sportel.server.auth.Access;
import al.sportel.server.auth.UserRules;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.JsonBody;
import al.sportel.server.http.PathParams;
import al.sportel.server.http.TextRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Administration (ADMIN) over HTTP: users, branches, services and counters, each change in the audit
 * log. A supervisor may set the wait threshold of a service of their own branch and read its audit log.
 * The SQL lives in {@link AdminService} (changes) and {@link AdminQueries} (reads).
 */
public final class AdminRoutes {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final ObjectMapper mapper;
    private final AdminService admin;
    private final AdminQueries queries;
    private final Clock clock;

    public AdminRoutes(Database db, ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
        this.admin = new AdminService(db, clock);
        this.queries = new AdminQueries(db);
    }

    public void register(Javalin app) {
        app.get("/api/v1/users", ctx -> {
            Access.requireRole(ctx, Role.ADMIN);
            ctx.json(queries.users(ctx.queryParam("branchCode")));
        });
        app.patch("/api/v1/users/{id}", this::patchUser);
        app.post("/api/v1/users/{id}/password", this::resetPassword);
        app.post("/api/v1/users/{id}/unlock", ctx -> {
            admin.unlock(Access.requireRole(ctx, Role.ADMIN), PathParams.id(ctx, "id", "user"));
            ctx.status(204);
        });
        app.patch("/api/v1/branches/{code}", this::patchBranch);
        app.get("/api/v1/branches/{code}/services/all", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            String code = ctx.pathParam("code");
            Access.requireBranch(user, code, queries::branchExists);
            ctx.json(queries.services(code));
        });
        app.post("/api/v1/branches/{code}/services", this::createService);
        app.patch("/api/v1/services/{id}", this::patchService);
        app.patch("/api/v1/counters/{id}", this::patchCounter);
        app.get("/api/v1/audit", this::auditLog);
    }

    private void patchUser(Context ctx) {
        UserInfo user = Access.requireRole(ctx, Role.ADMIN);
        long id = PathParams.id(ctx, "id", "user");
        JsonBody body = JsonBody.of(ctx, mapper);
        String displayName = body.optionalString("displayName", 100);
        String roleName = body.optionalString("role", 20);
        String branch = body.optionalString("branchCode", 10);
        Boolean active = body.has("active") ? body.optionalBoolean("active", true) : null;
        Role role = UserRules.role(body, roleName);
        body.validate();
        ctx.json(admin.changeUser(user, id, new UserChange(displayName, role, branch, active)));
    }

    private void resetPassword(Context ctx) {
        UserInfo user = Access.requireRole(ctx, Role.ADMIN);
        long id = PathParams.id(ctx, "id", "user");
        JsonBody body = JsonBody.of(ctx, mapper);
        String password = body.requiredString("password", 200);
        UserRules.checkPassword(body, password);
        body.validate();
        admin.resetPassword(user, id, password);
        ctx.status(204);
    }

    private void patchBranch(Context ctx) {
        UserInfo user = Access.requireRole(ctx, Role.ADMIN);
        JsonBody body = JsonBody.of(ctx, mapper);
        String name = body.optionalString("name", 100);
        String city = body.optionalString("city", 100);
        String address = body.optionalString("address", 200);
        body.validate();
        ctx.json(admin.changeBranch(user, ctx.pathParam("code"), name, city, address));
    }

    private void createService(Context ctx) {
        UserInfo user = Access.requireRole(ctx, Role.ADMIN);
        JsonBody body = JsonBody.of(ctx, mapper);
        String letter = body.requiredString("letter", 1);
        String name = body.requiredString("name", 100);
        String nameEn = body.optionalString("nameEn", 100);
        Integer average = body.has("averageServiceSeconds") ? body.requiredInt("averageServiceSeconds", 30, 7200) : null;
        Integer maxWait = body.has("maxWaitMinutes") ? body.requiredInt("maxWaitMinutes", 1, 480) : null;
        if (letter != null && !letter.matches("[A-Z]")) {
            body.addError("letter", "one capital letter A–Z");
        }
        body.validate();
        ctx.status(201).json(admin.createService(user, ctx.pathParam("code"), new NewService(letter, name, nameEn, average, maxWait)));
    }

    private void patchService(Context ctx) {
        UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
        long id = PathParams.id(ctx, "id", "service");
        JsonBody body = JsonBody.of(ctx, mapper);
        String name = body.optionalString("name", 100);
        String nameEn = body.optionalString("nameEn", 100);
        Boolean active = body.has("active") ? body.optionalBoolean("active", true) : null;
        Integer maxWait = body.has("maxWaitMinutes") ? body.requiredInt("maxWaitMinutes", 1, 480) : null;
        Integer average = body.has("averageServiceSeconds") ? body.requiredInt("averageServiceSeconds", 30, 7200) : null;
        body.validate();
        ctx.json(admin.changeService(user, id, new ServiceChange(name, nameEn, active, maxWait, average)));
    }

    private void patchCounter(Context ctx) {
        UserInfo user = Access.requireRole(ctx, Role.ADMIN);
        long id = PathParams.id(ctx, "id", "counter");
        JsonBody body = JsonBody.of(ctx, mapper);
        String name = body.requiredString("name", 100);
        body.validate();
        admin.renameCounter(user, id, name.strip());
        ctx.json(new CounterName(id, name.strip()));
    }

    private void auditLog(Context ctx) {
        UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
        String branch = ctx.queryParam("branchCode");
        if (branch == null && user.role() != Role.ADMIN) {
            throw ApiException.invalid("branchCode", "is required");
        }
        if (branch != null) {
            Access.requireBranch(user, branch);
        }
        int limit = Math.max(1, Math.min(1000, ctx.queryParamAsClass("limit", Integer.class).getOrDefault(200)));
        // days in Tirana, both included; without them, from the first entry to now
        LocalDate from = TextRules.queryDate(ctx, "from");
        LocalDate to = TextRules.queryDate(ctx, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.invalid("to", "is before from");
        }
        String kind = ctx.queryParamAsClass("kind", String.class).getOrDefault("all");
        if (!kind.equals("all") && !kind.equals("changes")) {
            throw ApiException.invalid("kind", "is all or changes");
        }
        ctx.json(queries.audit(branch, limit, from == null ? EARLIEST : BusinessTime.startOf(from),
                to == null ? clock.instant().plus(Duration.ofDays(1)) : BusinessTime.startOf(to.plusDays(1)), kind.equals("changes")));
    }
}
