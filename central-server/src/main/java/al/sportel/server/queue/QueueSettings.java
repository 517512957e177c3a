package al.sportel.server.queue;

import org.jdbi.v3.core.Handle;

/**
 * A branch's queue settings: how long a no-show may come back, and where it goes back in.
 * A branch without a row has the defaults (15 minutes, at its original place).
 */
public record QueueSettings(int noShowGraceMinutes, ReactivateTo reactivateTo) {

    public enum ReactivateTo { ORIGINAL_PLACE, NEXT_CALL }

    public static final QueueSettings DEFAULTS = new QueueSettings(15, ReactivateTo.ORIGINAL_PLACE);

    public static QueueSettings of(Handle h, String branchCode) {
        return h.createQuery("SELECT no_show_grace_minutes, reactivate_to FROM queue_settings WHERE branch_code = :b")
                .bind("b", branchCode)
                .map((rs, ctx) -> new QueueSettings(rs.getInt(1), ReactivateTo.valueOf(rs.getString(2))))
                .findOne().orElse(DEFAULTS);
    }

    void save(Handle h, String branchCode) {
        int updated = h.createUpdate("UPDATE queue_settings SET no_show_grace_minutes = :g, reactivate_to = :r WHERE branch_code = :b")
                .bind("g", noShowGraceMinutes).bind("r", reactivateTo.name()).bind("b", branchCode).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO queue_settings (branch_code, no_show_grace_minutes, reactivate_to) VALUES (:b, :g, :r)")
                    .bind("g", noShowGraceMinutes).bind("r", reactivateTo.name()).bind("b", branchCode).execute();
        }
    }
}
