package al.sportel.server.branches;

import al.sportel.model.Branch;
import al.sportel.model.Role;
import al.sportel.model.ServiceInfo;
import al.sportel.model.UserInfo;
import al.sportel.server.admin.AuditLog;
import al.sportel.server.auth.Access;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.JsonBody;
import al.sportel.server.queue.CounterViews;
import al.sportel.server.queue.QueueEngine;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;

/** Reference data: branches, their services and counters. */
public final class BranchRoutes {

    private final Database db;
    private final AuditLog audit;

    public BranchRoutes(Database db, Clock clock) {
        this.db = db;
        this.audit = new AuditLog(clock);
    }

    public void register(Javalin app, ObjectMapper mapper) {
        app.post("/api/v1/branches", ctx -> create(ctx, mapper));
        app.get("/api/v1/branches", ctx -> {
            Access.user(ctx);
            ctx.json(db.read(h -> h.createQuery("SELECT code, name, city, address FROM branches ORDER BY code")
                    .map((rs, c) -> new Branch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list()));
        });
        app.get("/api/v1/branches/{code}/services", ctx -> {
            UserInfo user = Access.user(ctx);
            String code = ctx.pathParam("code");
            Access.requireBranch(user, code, this::exists);
            ctx.json(services(code));
        });
        app.get("/api/v1/branches/{code}/counters", ctx -> {
            UserInfo user = Access.requireStaff(ctx);
            String code = ctx.pathParam("code");
            Access.requireBranch(user, code, this::exists);
            requireExists(code);
            ctx.json(db.read(h -> CounterViews.forBranch(h, code)));
        });
    }

    /** A new branch with the standard services and its counters (ADMIN). */
    private void create(Context ctx, ObjectMapper mapper) {
        UserInfo admin = Access.requireRole(ctx, Role.ADMIN);
        JsonBody body = JsonBody.of(ctx, mapper);
        String code = body.requiredString("code", 10);
        if (code != null && !code.matches("[A-Z]{2}[0-9]{2}")) {
            body.addError("code", "two capital letters and two digits, like TR01");
        }
        String name = body.requiredString("name", 100);
        String city = body.requiredString("city", 100);
        String address = body.requiredString("address", 200);
        Integer counters = body.requiredInt("counters", 1, 200);
        body.validate();
        db.tx(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM branches WHERE code = :c").bind("c", code).mapTo(Integer.class).one() > 0) {
                throw ApiException.conflict("branch-exists", "Branch " + code + " already exists");
            }
            BranchSetup.create(h, code, name, city, address, counters);
            audit.record(h, admin, code, "branch.created", "branch " + code, name + ", " + counters + " counters");
            return null;
        });
        ctx.status(201).json(new Branch(code, name, city, address));
    }

    public List<ServiceInfo> services(String code) {
        requireExists(code);
        return db.read(h -> h.createQuery("""
                        SELECT id, letter, name, name_en, average_service_seconds FROM services
                        WHERE branch_code = :b AND active ORDER BY id
                        """)
                .bind("b", code)
                .map((rs, c) -> new ServiceInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list());
    }

    public boolean exists(String code) {
        return QueueEngine.branchExists(db, code);
    }

    private void requireExists(String code) {
        if (!exists(code)) {
            throw ApiException.notFound("No branch " + code);
        }
    }
}
