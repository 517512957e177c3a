package al.sportel.server.queue;

import al.sportel.model.BusinessTime;
import al.sportel.model.UserInfo;
import al.sportel.server.admin.AuditLog;
import al.sportel.server.auth.Access;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Reads and changes the lists and rules of a fair queue: categories, reasons, no-show settings, starvation rules. */
public final class FairnessSettings {

    /** The no-starvation rule of one service as the API shows it; null switches that half off. */
    public record ServiceRule(long serviceId, String letter, String name, Integer maxPriorityInRow, Integer maxRegularWaitMinutes) {
    }

    /** One audited out-of-order call. */
    public record OutOfOrderCall(String ticketNumber, int counterNumber, String clerk, String reason, Instant calledAt,
                                 int placesSkipped) {
    }

    private final Database db;
    private final AuditLog audit;

    public FairnessSettings(Database db, Clock clock) {
        this.db = db;
        this.audit = new AuditLog(clock);
    }

    public List<PriorityCategories.Category> categories() {
        return db.read(h -> PriorityCategories.list(h, true));
    }

    /** Who may go ahead of the queue is company-wide: audited without a centre. */
    public PriorityCategories.Category saveCategory(UserInfo admin, String code, String name, String nameEn, boolean active) {
        return db.tx(h -> {
            PriorityCategories.Category saved = PriorityCategories.save(h, code, name, nameEn, active);
            audit.record(h, admin, null, "priority-category.saved", "priority category " + code, saved.toString());
            return saved;
        });
    }

    public List<QueueReasons.Reason> reasons(QueueReasons.Kind kind) {
        return db.read(h -> QueueReasons.list(h, kind));
    }

    public QueueReasons.Reason saveReason(UserInfo admin, QueueReasons.Kind kind, String code, String name, String nameEn, boolean active) {
        return db.tx(h -> {
            QueueReasons.Reason saved = QueueReasons.save(h, kind, code, name, nameEn, active);
            audit.record(h, admin, null, "queue-reason.saved", kind + " reason " + code, saved.toString());
            return saved;
        });
    }

    public QueueSettings settings(UserInfo actor, String branchCode) {
        return db.read(h -> {
            QueueEngine.requireBranchExists(h, branchCode);
            Access.requireBranch(actor, branchCode);
            return QueueSettings.of(h, branchCode);
        });
    }

    public QueueSettings saveSettings(UserInfo actor, String branchCode, QueueSettings settings) {
        return db.tx(h -> {
            QueueEngine.requireBranchExists(h, branchCode);
            Access.requireBranch(actor, branchCode);
            QueueSettings before = QueueSettings.of(h, branchCode);
            settings.save(h, branchCode);
            audit.record(h, actor, branchCode, "queue-settings.changed", "branch " + branchCode, before + " → " + settings);
            return settings;
        });
    }

    public List<ServiceRule> rules(UserInfo actor, String branchCode) {
        return db.read(h -> {
            QueueEngine.requireBranchExists(h, branchCode);
            Access.requireBranch(actor, branchCode);
            return h.createQuery("""
                            SELECT id, letter, name, max_priority_in_row, max_regular_wait_minutes FROM services
                            WHERE branch_code = :b ORDER BY letter
                            """)
                    .bind("b", branchCode)
                    .map((rs, ctx) -> new ServiceRule(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, Integer.class), rs.getObject(5, Integer.class)))
                    .list();
        });
    }

    public ServiceRule saveRule(UserInfo actor, long serviceId, Integer maxPriorityInRow, Integer maxRegularWaitMinutes) {
        return db.tx(h -> {
            String branch = h.createQuery("SELECT branch_code FROM services WHERE id = :s").bind("s", serviceId)
                    .mapTo(String.class).findOne().orElseThrow(() -> ApiException.notFound("No service with id " + serviceId));
            Access.requireBranch(actor, branch);
            ServiceRule before = rule(h, serviceId);
            h.createUpdate("UPDATE services SET max_priority_in_row = :n, max_regular_wait_minutes = :m WHERE id = :s")
                    .bind("n", maxPriorityInRow).bind("m", maxRegularWaitMinutes).bind("s", serviceId).execute();
            ServiceRule after = rule(h, serviceId);
            audit.record(h, actor, branch, "fairness-rule.changed", "service " + branch + "/" + after.letter(),
                    "maxPriorityInRow=" + before.maxPriorityInRow() + " → " + after.maxPriorityInRow()
                            + ", maxRegularWaitMinutes=" + before.maxRegularWaitMinutes() + " → " + after.maxRegularWaitMinutes());
            return after;
        });
    }

    private static ServiceRule rule(Handle h, long serviceId) {
        return h.createQuery("SELECT id, letter, name, max_priority_in_row, max_regular_wait_minutes FROM services WHERE id = :s")
                .bind("s", serviceId)
                .map((rs, ctx) -> new ServiceRule(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Integer.class), rs.getObject(5, Integer.class)))
                .one();
    }

    /** The audit of out-of-order calls in a branch over a range of days (Europe/Tirane), newest first. */
    public List<OutOfOrderCall> outOfOrderCalls(UserInfo actor, String branchCode, LocalDate from, LocalDate to) {
        return db.read(h -> {
            QueueEngine.requireBranchExists(h, branchCode);
            Access.requireBranch(actor, branchCode);
            return h.createQuery("""
                            SELECT t.ticket_number, c.counter_number, u.username, o.reason_code, o.called_at, o.places_skipped
                            FROM out_of_order_calls o JOIN tickets t ON t.id = o.ticket_id JOIN counters c ON c.id = o.counter_id
                            JOIN users u ON u.id = o.clerk_user_id
                            WHERE o.branch_code = :b AND o.called_at >= :from AND o.called_at < :to
                            ORDER BY o.called_at DESC
                            """)
                    .bind("b", branchCode).bind("from", BusinessTime.startOf(from))
                    .bind("to", BusinessTime.startOf(to.plusDays(1)))
                    .map((rs, ctx) -> new OutOfOrderCall(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            TicketRow.instant(rs, "called_at"), rs.getInt(6)))
                    .list();
        });
    }
}
