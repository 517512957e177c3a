package al.sportel.server.admin;

import al.sportel.model.Branch;
import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.model.admin.AuditEntry;
import al.sportel.model.admin.CounterName;
import al.sportel.model.admin.ServiceRow;
import al.sportel.model.admin.UserRow;
import al.sportel.server.auth.Access;
import al.sportel.server.auth.PasswordHasher;
import al.sportel.server.auth.UserRules;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.JsonBody;
import al.sportel.server.http.PathParams;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jdbi.v3.core.Handle;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Administration (ADMIN): users, branches, services and counters, each change in the audit log.
 * A supervisor may set the wait threshold of a service of their own branch and read its audit log.
 */
public final class AdminRoutes {

    private final Database db;
    private final ObjectMapper mapper;
    private final AuditLog audit;
    private final Clock clock;

    public AdminRoutes(Database db, ObjectMapper mapper, Clock clock) {
        this.db = db;
        this.mapper = mapper;
        this.audit = new AuditLog(clock);
        this.clock = clock;
    }

    public void register(Javalin app) {
        app.get("/api/v1/users", this::listUsers);
        app.patch("/api/v1/users/{id}", this::patchUser);
        app.post("/api/v1/users/{id}/password", this::resetPassword);
        app.patch("/api/v1/branches/{code}", this::patchBranch);
        app.get("/api/v1/branches/{code}/services/all", this::listServices);
        app.post("/api/v1/branches/{code}/services", this::createService);
        app.patch("/api/v1/services/{id}", this::patchService);
        app.patch("/api/v1/counters/{id}", this::patchCounter);
        app.get("/api/v1/audit", this::auditLog);
    }

    private void listUsers(Context ctx) {
        Access.requireRole(ctx, Role.ADMIN);
        String branch = ctx.queryParam("branchCode");
        ctx.json(db.read(h -> {
            var q = h.createQuery("SELECT id, username, display_name, role, branch_code, active FROM users"
                    + (branch == null ? "" : " WHERE branch_code = :b") + " ORDER BY username");
            if (branch != null) {
                q.bind("b", branch);
            }
            return q.map(AdminRoutes::userRow).list();
        }));
    }

    private void patchUser(Context ctx) {
        UserInfo admin = Access.requireRole(ctx, Role.ADMIN);
        long id = PathParams.id(ctx, "id", "user");
        JsonBody body = JsonBody.of(ctx, mapper);
        String displayName = body.optionalString("displayName", 100);
        String roleName = body.optionalString("role", 20);
        String branch = body.optionalString("branchCode", 10);
        Boolean active = body.has("active") ? body.optionalBoolean("active", true) : null;
        Role role = UserRules.role(body, roleName);
        if (displayName != null && displayName.isBlank()) {
            body.addError("displayName", "must not be blank");
        }
        body.validate();
        Role newRole = role;
        ctx.json(db.tx(h -> {
            UserRow u = user(h, id);
            if (u.id() == admin.id() && (Boolean.FALSE.equals(active) || (newRole != null && newRole != Role.ADMIN))) {
                throw ApiException.conflict("own-account", "You cannot disable yourself or take away your own ADMIN role");
            }
            Role finalRole = newRole != null ? newRole : u.role();
            String finalBranch = finalRole == Role.ADMIN ? null : branch != null ? branch : u.branchCode();
            if (finalRole != Role.ADMIN && finalBranch == null) {
                throw ApiException.invalid("branchCode", "is required for this role");
            }
            if (finalBranch != null && h.createQuery("SELECT COUNT(*) FROM branches WHERE code = :b").bind("b", finalBranch)
                    .mapTo(Integer.class).one() == 0) {
                throw ApiException.invalid("branchCode", "no such branch");
            }
            h.createUpdate("UPDATE users SET display_name = :d, role = :r, branch_code = :b, active = :a WHERE id = :id")
                    .bind("d", displayName != null ? displayName.strip() : u.displayName()).bind("r", finalRole.name())
                    .bind("b", finalBranch).bind("a", active != null ? active : u.active()).bind("id", id).execute();
            if (Boolean.FALSE.equals(active)) {
                h.execute("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", clock.instant(), id);
            }
            UserRow after = user(h, id);
            audit.record(h, admin, after.branchCode(), Boolean.FALSE.equals(active) ? "user.disabled" : "user.changed",
                    "user " + after.username(), changes(Map.of("displayName", String.valueOf(after.displayName()),
                            "role", after.role().name(), "branchCode", String.valueOf(after.branchCode()), "active", String.valueOf(after.active()))));
            return after;
        }));
    }

    private void resetPassword(Context ctx) {
        UserInfo admin = Access.requireRole(ctx, Role.ADMIN);
        long id = PathParams.id(ctx, "id", "user");
        JsonBody body = JsonBody.of(ctx, mapper);
        String password = body.requiredString("password", 200);
        UserRules.checkPassword(body, password);
        body.validate();
        String hash = PasswordHasher.hash(password);
        db.tx(h -> {
            UserRow u = user(h, id);
            h.execute("UPDATE users SET password_hash = ? WHERE id = ?", hash, id);
            // whoever knew the old password is signed out everywhere
            h.execute("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", clock.instant(), id);
            audit.record(h, admin, u.branchCode(), "user.password-reset", "user " + u.username(), null);
            return null;
        });
        ctx.status(204);
    }

    private void patchBranch(Context ctx) {
        UserInfo admin = Access.requireRole(ctx, Role.ADMIN);
        String code = ctx.pathParam("code");
        JsonBody body = JsonBody.of(ctx, mapper);
        String name = body.optionalString("name", 100);
        String city = body.optionalString("city", 100);
        String address = body.optionalString("address", 200);
        body.validate();
        db.tx(h -> {
            int n = h.createUpdate("""
                            UPDATE branches SET name = COALESCE(:n, name), city = COALESCE(:c, city), address = COALESCE(:a, address)
                            WHERE code = :code
                            """)
                    .bind("n", name).bind("c", city).bind("a", address).bind("code", code).execute();
            if (n == 0) {
                throw ApiException.notFound("No branch " + code);
            }
            audit.record(h, admin, code, "branch.changed", "branch " + code, changes(nonNull("name", name, "city", city, "address", address)));
            return null;
        });
        ctx.json(db.read(h -> h.createQuery("SELECT code, name, city, address FROM branches WHERE code = :c").bind("c", code)
                .map((rs, c) -> new Branch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).one()));
    }

    private void listServices(Context ctx) {
        UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
        String code = ctx.pathParam("code");
        Access.requireBranch(user, code);
        ctx.json(db.read(h -> services(h, "WHERE branch_code = :b ORDER BY letter", Map.of("b", code))));
    }

    private void createService(Context ctx) {
        UserInfo admin = Access.requireRole(ctx, Role.ADMIN);
        String code = ctx.pathParam("code");
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
        ServiceRow created = db.tx(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM branches WHERE code = :b").bind("b", code).mapTo(Integer.class).one() == 0) {
                throw ApiException.notFound("No branch " + code);
            }
            if (h.createQuery("SELECT COUNT(*) FROM services WHERE branch_code = :b AND letter = :l").bind("b", code).bind("l", letter)
                    .mapTo(Integer.class).one() > 0) {
                throw ApiException.conflict("letter-taken", "Branch " + code + " already has a service " + letter);
            }
            long id = h.createUpdate("""
                            INSERT INTO services (branch_code, letter, name, name_en, average_service_seconds, max_wait_minutes)
                            VALUES (:b, :l, :n, :ne, :avg, :max)
                            """)
                    .bind("b", code).bind("l", letter).bind("n", name).bind("ne", nameEn != null ? nameEn : name)
                    .bind("avg", average != null ? average : 300).bind("max", maxWait != null ? maxWait : 20)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, admin, code, "service.created", "service " + code + "/" + letter, name);
            return services(h, "WHERE id = :id", Map.of("id", id)).get(0);
        });
        ctx.status(201).json(created);
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
        if (user.role() == Role.SUPERVISOR && (name != null || nameEn != null || active != null || average != null)) {
            throw ApiException.forbidden("A supervisor sets only the wait threshold; the rest is for an administrator");
        }
        ctx.json(db.tx(h -> {
            List<ServiceRow> found = services(h, "WHERE id = :id", Map.of("id", id));
            if (found.isEmpty()) {
                throw ApiException.notFound("No service " + id);
            }
            Access.requireBranch(user, found.get(0).branchCode());
            h.createUpdate("""
                            UPDATE services SET name = COALESCE(:n, name), name_en = COALESCE(:ne, name_en), active = COALESCE(:a, active),
                                   max_wait_minutes = COALESCE(:max, max_wait_minutes),
                                   average_service_seconds = COALESCE(:avg, average_service_seconds)
                            WHERE id = :id
                            """)
                    .bind("n", name).bind("ne", nameEn).bind("a", active).bind("max", maxWait).bind("avg", average).bind("id", id).execute();
            ServiceRow after = services(h, "WHERE id = :id", Map.of("id", id)).get(0);
            audit.record(h, user, after.branchCode(), "service.changed", "service " + after.branchCode() + "/" + after.letter(),
                    changes(nonNull("name", name, "nameEn", nameEn, "active", active, "maxWaitMinutes", maxWait,
                            "averageServiceSeconds", average)));
            return after;
        }));
    }

    private void patchCounter(Context ctx) {
        UserInfo admin = Access.requireRole(ctx, Role.ADMIN);
        long id = PathParams.id(ctx, "id", "counter");
        JsonBody body = JsonBody.of(ctx, mapper);
        String name = body.requiredString("name", 100);
        body.validate();
        db.tx(h -> {
            String branch = h.createQuery("SELECT branch_code FROM counters WHERE id = :id").bind("id", id).mapTo(String.class)
                    .findOne().orElseThrow(() -> ApiException.notFound("No counter " + id));
            h.execute("UPDATE counters SET name = ? WHERE id = ?", name.strip(), id);
            audit.record(h, admin, branch, "counter.changed", "counter " + id, "name=" + name.strip());
            return null;
        });
        ctx.json(new CounterName(id, name.strip()));
    }

    /** The audit log of a branch: administration changes and every queue and counter change, newest first. */
    private void auditLog(Context ctx) {
        UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
        String branch = ctx.queryParam("branchCode");
        if (branch == null) {
            throw ApiException.invalid("branchCode", "is required");
        }
        Access.requireBranch(user, branch);
        int limit = Math.max(1, Math.min(1000, ctx.queryParamAsClass("limit", Integer.class).getOrDefault(200)));
        List<AuditEntry> entries = new ArrayList<>(db.read(h -> h.createQuery("""
                        SELECT at, actor_username, branch_code, action, target, details FROM audit_log
                        WHERE branch_code = :b ORDER BY at DESC LIMIT :n
                        """)
                .bind("b", branch).bind("n", limit)
                .map((rs, c) -> new AuditEntry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list()));
        entries.addAll(db.read(h -> h.createQuery("""
                        SELECT e.occurred_at, e.actor_username, e.branch_code, e.event_type, t.ticket_number, e.counter_id,
                               e.from_status, e.to_status
                        FROM events e LEFT JOIN tickets t ON t.id = e.ticket_id
                        WHERE e.branch_code = :b ORDER BY e.seq DESC LIMIT :n
                        """)
                .bind("b", branch).bind("n", limit)
                .map((rs, c) -> new AuditEntry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4),
                        rs.getString(5) != null ? "ticket " + rs.getString(5) : "counter " + rs.getLong(6),
                        rs.getString(7) == null ? rs.getString(8) : rs.getString(7) + " → " + rs.getString(8)))
                .list()));
        entries.sort((a, b) -> b.at().compareTo(a.at()));
        ctx.json(entries.subList(0, Math.min(limit, entries.size())));
    }

    private static UserRow user(Handle h, long id) {
        return h.createQuery("SELECT id, username, display_name, role, branch_code, active FROM users WHERE id = :id").bind("id", id)
                .map(AdminRoutes::userRow)
                .findOne().orElseThrow(() -> ApiException.notFound("No user " + id));
    }

    private static UserRow userRow(ResultSet rs, StatementContext c) throws SQLException {
        return new UserRow(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)), rs.getString(5),
                rs.getBoolean(6));
    }

    private static List<ServiceRow> services(Handle h, String where, Map<String, Object> binds) {
        var q = h.createQuery("SELECT id, branch_code, letter, name, name_en, average_service_seconds, active, max_wait_minutes FROM services "
                + where);
        binds.forEach(q::bind);
        return q.map((rs, c) -> new ServiceRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getBoolean(7), rs.getInt(8))).list();
    }

    private static Map<String, Object> nonNull(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }

    private static String changes(Map<String, ?> m) {
        StringJoiner j = new StringJoiner(", ");
        m.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }
}
