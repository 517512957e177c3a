package al.sportel.server.admin;

import al.sportel.model.Branch;
import al.sportel.model.Role;
import al.sportel.model.admin.AuditEntry;
import al.sportel.model.admin.ServiceRow;
import al.sportel.model.admin.UserRow;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import al.sportel.server.queue.QueueEngine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The reads of administration: users, services, branches and the audit log. */
public final class AdminQueries {

    private final Database db;

    public AdminQueries(Database db) {
        this.db = db;
    }

    public List<UserRow> users(String branch) {
        return db.read(h -> {
            var q = h.createQuery("SELECT id, username, display_name, role, branch_code, active FROM users"
                    + (branch == null ? "" : " WHERE branch_code = :b") + " ORDER BY username");
            if (branch != null) {
                q.bind("b", branch);
            }
            return q.map(AdminQueries::userRow).list();
        });
    }

    public List<ServiceRow> services(String branch) {
        return db.read(h -> services(h, "WHERE branch_code = :b ORDER BY letter", Map.of("b", branch)));
    }

    public Branch branch(String code) {
        return db.read(h -> h.createQuery("SELECT code, name, city, address FROM branches WHERE code = :c").bind("c", code)
                .map((rs, c) -> new Branch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .findOne().orElseThrow(() -> ApiException.notFound("No branch " + code)));
    }

    /**
     * The audit log of a branch, newest first: administration changes and, unless {@code changesOnly}, every queue and
     * counter change, in [{@code from}, {@code to}). A null branch is the company-wide log (users made ADMIN, fees,
     * priority categories, reasons, partner keys), which has no queue events.
     */
    public List<AuditEntry> audit(String branch, int limit, Instant from, Instant to, boolean changesOnly) {
        String where = (branch == null ? "branch_code IS NULL" : "branch_code = :b") + " AND at >= :from AND at < :to";
        List<AuditEntry> entries = new ArrayList<>(db.read(h -> h.createQuery("""
                        SELECT at, actor_username, branch_code, action, target, details FROM audit_log
                        WHERE %s ORDER BY at DESC LIMIT :n
                        """.formatted(where))
                .bind("b", branch).bind("from", from).bind("to", to).bind("n", limit)
                .map((rs, c) -> new AuditEntry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list()));
        if (branch != null && !changesOnly) {
            entries.addAll(db.read(h -> h.createQuery("""
                            SELECT e.occurred_at, e.actor_username, e.branch_code, e.event_type, t.ticket_number, e.counter_id,
                                   e.from_status, e.to_status
                            FROM events e LEFT JOIN tickets t ON t.id = e.ticket_id
                            WHERE e.branch_code = :b AND e.occurred_at >= :from AND e.occurred_at < :to ORDER BY e.id DESC LIMIT :n
                            """)
                    .bind("b", branch).bind("from", from).bind("to", to).bind("n", limit)
                    .map((rs, c) -> new AuditEntry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                            rs.getString(3), rs.getString(4),
                            rs.getString(5) != null ? "ticket " + rs.getString(5) : "counter " + rs.getLong(6),
                            rs.getString(7) == null ? rs.getString(8) : rs.getString(7) + " → " + rs.getString(8)))
                    .list()));
        }
        entries.sort((a, b) -> b.at().compareTo(a.at()));
        return entries.subList(0, Math.min(limit, entries.size()));
    }

    static UserRow user(Handle h, long id) {
        return h.createQuery("SELECT id, username, display_name, role, branch_code, active FROM users WHERE id = :id").bind("id", id)
                .map(AdminQueries::userRow)
                .findOne().orElseThrow(() -> ApiException.notFound("No user " + id));
    }

    public boolean branchExists(String code) {
        return QueueEngine.branchExists(db, code);
    }

    static boolean branchExists(Handle h, String code) {
        return h.createQuery("SELECT COUNT(*) FROM branches WHERE code = :b").bind("b", code).mapTo(Integer.class).one() > 0;
    }

    static List<ServiceRow> services(Handle h, String where, Map<String, Object> binds) {
        var q = h.createQuery("SELECT id, branch_code, letter, name, name_en, average_service_seconds, active, max_wait_minutes FROM services "
                + where);
        binds.forEach(q::bind);
        return q.map((rs, c) -> new ServiceRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getBoolean(7), rs.getInt(8))).list();
    }

    private static UserRow userRow(ResultSet rs, StatementContext c) throws SQLException {
        return new UserRow(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)), rs.getString(5),
                rs.getBoolean(6));
    }
}
