package al.sportel.server.admin;

import al.sportel.model.UserInfo;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/** Who changed which branch, service, counter or user, in the same transaction as the change. */
public final class AuditLog {

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public void record(Handle h, UserInfo actor, String branchCode, String action, String target, String details) {
        h.createUpdate("""
                        INSERT INTO audit_log (at, actor_user_id, actor_username, branch_code, action, target, details)
                        VALUES (:at, :uid, :uname, :b, :action, :target, :details)
                        """)
                .bind("at", clock.instant()).bind("uid", actor.id()).bind("uname", actor.username()).bind("b", branchCode)
                .bind("action", action).bind("target", target)
                .bind("details", details == null || details.length() <= 2000 ? details : details.substring(0, 2000))
                .execute();
    }
}
