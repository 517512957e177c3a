package al.sportel.server.auth;

import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.server.admin.AuditLog;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.JsonBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.Locale;

/** Creating users (ADMIN). The rest of user administration comes with the supervisor console. */
public final class UserRoutes {

    private final Database db;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AuditLog audit;

    public UserRoutes(Database db, ObjectMapper mapper, Clock clock) {
        this.db = db;
        this.mapper = mapper;
        this.clock = clock;
        this.audit = new AuditLog(clock);
    }

    public void register(Javalin app) {
        app.post("/api/v1/users", ctx -> {
            UserInfo admin = Access.requireRole(ctx, Role.ADMIN);
            JsonBody body = JsonBody.of(ctx, mapper);
            String username = body.requiredString("username", 50);
            String displayName = body.requiredString("displayName", 100);
            String roleName = body.requiredString("role", 20);
            String branch = body.optionalString("branchCode", 10);
            String password = body.requiredString("password", 200);
            Role role = UserRules.role(body, roleName);
            if (username != null && !UserRules.validUsername(username)) {
                body.addError("username", "3 to 50 letters, digits, dots, dashes or underscores");
            }
            UserRules.checkPassword(body, password);
            if (role != null && role != Role.ADMIN && branch == null) {
                body.addError("branchCode", "is required for this role");
            }
            body.validate();
            Role finalRole = role;
            String hash = PasswordHasher.hash(password);
            UserInfo created = db.tx(h -> {
                String lower = username.toLowerCase(Locale.ROOT);
                if (branch != null && h.createQuery("SELECT COUNT(*) FROM branches WHERE code = :b").bind("b", branch)
                        .mapTo(Integer.class).one() == 0) {
                    throw ApiException.invalid("branchCode", "no such branch");
                }
                if (h.createQuery("SELECT COUNT(*) FROM users WHERE username = :u").bind("u", lower).mapTo(Integer.class).one() > 0) {
                    throw ApiException.conflict("username-taken", "The username " + lower + " is taken");
                }
                long id = h.createUpdate("""
                                INSERT INTO users (username, display_name, role, branch_code, password_hash, created_at)
                                VALUES (:u, :d, :r, :b, :h, :now)
                                """)
                        .bind("u", lower).bind("d", displayName).bind("r", finalRole.name())
                        .bind("b", finalRole == Role.ADMIN ? null : branch).bind("h", hash).bind("now", clock.instant())
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                UserInfo user = new UserInfo(id, lower, displayName, finalRole, finalRole == Role.ADMIN ? null : branch);
                audit.record(h, admin, user.branchCode(), "user.created", "user " + lower,
                        "displayName=" + displayName + ", role=" + finalRole + ", branchCode=" + user.branchCode());
                return user;
            });
            ctx.status(201).json(created);
        });
    }
}
