package al.sportel.server.admin;

import al.sportel.model.Branch;
import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.model.admin.NewService;
import al.sportel.model.admin.ServiceChange;
import al.sportel.model.admin.ServiceRow;
import al.sportel.model.admin.UserChange;
import al.sportel.model.admin.UserRow;
import al.sportel.server.auth.Access;
import al.sportel.server.auth.PasswordHasher;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.jdbi.v3.core.Handle;

/** The changes of administration, each in one transaction with its audit record. */
public final class AdminService {

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final AdminQueries queries;

    public AdminService(Database db, Clock clock) {
        this.db = db;
        this.audit = new AuditLog(clock);
        this.clock = clock;
        this.queries = new AdminQueries(db);
    }

    public UserRow changeUser(UserInfo admin, long id, UserChange change) {
        return db.tx(h -> {
            UserRow u = AdminQueries.user(h, id);
            if (u.id() == admin.id() && (Boolean.FALSE.equals(change.active()) || (change.role() != null && change.role() != Role.ADMIN))) {
                throw ApiException.conflict("own-account", "You cannot disable yourself or take away your own ADMIN role");
            }
            Role finalRole = change.role() != null ? change.role() : u.role();
            String finalBranch = finalRole == Role.ADMIN ? null : change.branchCode() != null ? change.branchCode() : u.branchCode();
            if (finalRole != Role.ADMIN && finalBranch == null) {
                throw ApiException.invalid("branchCode", "is required for this role");
            }
            if (finalBranch != null && !AdminQueries.branchExists(h, finalBranch)) {
                throw ApiException.invalid("branchCode", "no such branch");
            }
            boolean active = change.active() != null ? change.active() : u.active();
            // disabling is never held up (someone who must not sign in again is shut out at once; a supervisor returns
            // the ticket and closes the counter); a move or a new role waits for the counter to be closed
            if (finalRole != u.role() || !Objects.equals(finalBranch, u.branchCode())) {
                requireNoCounter(h, u);
            }
            h.createUpdate("UPDATE users SET display_name = :d, role = :r, branch_code = :b, active = :a WHERE id = :id")
                    .bind("d", change.displayName() != null ? change.displayName().strip() : u.displayName()).bind("r", finalRole.name())
                    .bind("b", finalBranch).bind("a", active).bind("id", id).execute();
            // a new role or centre is a new set of rights: signed in again, not carried on an old token (a kiosk's lasts a year)
            if (!active || finalRole != u.role() || !Objects.equals(finalBranch, u.branchCode())) {
                h.execute("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", clock.instant(), id);
            }
            UserRow after = AdminQueries.user(h, id);
            String action = Boolean.FALSE.equals(change.active()) ? "user.disabled" : "user.changed";
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("displayName", diff(u.displayName(), after.displayName()));
            fields.put("role", diff(u.role().name(), after.role().name()));
            fields.put("branchCode", diff(u.branchCode(), after.branchCode()));
            fields.put("active", diff(u.active(), after.active()));
            String details = changes(fields);
            // both centres see a move; an entry with no centre (an ADMIN's) is in the company-wide log
            audit.record(h, admin, u.branchCode(), action, "user " + after.username(), details);
            if (!Objects.equals(u.branchCode(), after.branchCode())) {
                audit.record(h, admin, after.branchCode(), action, "user " + after.username(), details);
            }
            return after;
        });
    }

    /** A new password signs the user out everywhere and lifts any login lock. */
    public void resetPassword(UserInfo admin, long id, String password) {
        String hash = PasswordHasher.hash(password);
        db.tx(h -> {
            UserRow u = AdminQueries.user(h, id);
            h.execute("UPDATE users SET password_hash = ? WHERE id = ?", hash, id);
            h.execute("DELETE FROM login_failures WHERE username = ?", u.username());
            h.execute("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", clock.instant(), id);
            audit.record(h, admin, u.branchCode(), "user.password-reset", "user " + u.username(), null);
            return null;
        });
    }

    /** Lifts the lock and the growing delay that failed logins put on a user, from every address. */
    public void unlock(UserInfo admin, long id) {
        db.tx(h -> {
            UserRow u = AdminQueries.user(h, id);
            h.execute("DELETE FROM login_failures WHERE username = ?", u.username());
            audit.record(h, admin, u.branchCode(), "user.unlocked", "user " + u.username(), null);
            return null;
        });
    }

    public Branch changeBranch(UserInfo admin, String code, String name, String city, String address) {
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
        return queries.branch(code);
    }

    public ServiceRow createService(UserInfo admin, String branch, NewService s) {
        return db.tx(h -> {
            if (!AdminQueries.branchExists(h, branch)) {
                throw ApiException.notFound("No branch " + branch);
            }
            if (h.createQuery("SELECT COUNT(*) FROM services WHERE branch_code = :b AND letter = :l").bind("b", branch).bind("l", s.letter())
                    .mapTo(Integer.class).one() > 0) {
                throw ApiException.conflict("letter-taken", "Branch " + branch + " already has a service " + s.letter());
            }
            long id = h.createUpdate("""
                            INSERT INTO services (branch_code, letter, name, name_en, average_service_seconds, max_wait_minutes)
                            VALUES (:b, :l, :n, :ne, :avg, :max)
                            """)
                    .bind("b", branch).bind("l", s.letter()).bind("n", s.name()).bind("ne", s.nameEn() != null ? s.nameEn() : s.name())
                    .bind("avg", s.averageServiceSeconds() != null ? s.averageServiceSeconds() : 300)
                    .bind("max", s.maxWaitMinutes() != null ? s.maxWaitMinutes() : 20)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, admin, branch, "service.created", "service " + branch + "/" + s.letter(), s.name());
            return AdminQueries.services(h, "WHERE id = :id", Map.of("id", id)).get(0);
        });
    }

    public ServiceRow changeService(UserInfo user, long id, ServiceChange c) {
        if (user.role() == Role.SUPERVISOR && (c.name() != null || c.nameEn() != null || c.active() != null || c.averageServiceSeconds() != null)) {
            throw ApiException.forbidden("A supervisor sets only the wait threshold; the rest is for an administrator");
        }
        return db.tx(h -> {
            List<ServiceRow> found = AdminQueries.services(h, "WHERE id = :id", Map.of("id", id));
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
                    .bind("n", c.name()).bind("ne", c.nameEn()).bind("a", c.active()).bind("max", c.maxWaitMinutes())
                    .bind("avg", c.averageServiceSeconds()).bind("id", id).execute();
            ServiceRow after = AdminQueries.services(h, "WHERE id = :id", Map.of("id", id)).get(0);
            audit.record(h, user, after.branchCode(), "service.changed", "service " + after.branchCode() + "/" + after.letter(),
                    changes(nonNull("name", c.name(), "nameEn", c.nameEn(), "active", c.active(), "maxWaitMinutes", c.maxWaitMinutes(),
                            "averageServiceSeconds", c.averageServiceSeconds())));
            return after;
        });
    }

    public void renameCounter(UserInfo admin, long id, String name) {
        db.tx(h -> {
            String branch = h.createQuery("SELECT branch_code FROM counters WHERE id = :id").bind("id", id).mapTo(String.class)
                    .findOne().orElseThrow(() -> ApiException.notFound("No counter " + id));
            h.execute("UPDATE counters SET name = ? WHERE id = ?", name, id);
            audit.record(h, admin, branch, "counter.changed", "counter " + id, "name=" + name);
            return null;
        });
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

    private static String diff(Object before, Object after) {
        return Objects.equals(before, after) ? String.valueOf(after) : before + " → " + after;
    }

    /** A user signed in at a counter keeps it until it is closed: moving or demoting them first would strand it. */
    private static void requireNoCounter(Handle h, UserRow u) {
        h.createQuery("SELECT counter_number, branch_code FROM counters WHERE clerk_user_id = :u AND status <> 'CLOSED'")
                .bind("u", u.id()).map((rs, c) -> rs.getInt(1) + " (" + rs.getString(2) + ")").findFirst()
                .ifPresent(counter -> {
                    throw ApiException.conflict("user-at-counter", u.username() + " is signed in at counter " + counter
                            + "; close that counter first");
                });
    }

    private static String changes(Map<String, ?> m) {
        StringJoiner j = new StringJoiner(", ");
        m.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }
}
