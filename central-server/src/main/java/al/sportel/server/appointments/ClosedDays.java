package al.sportel.server.appointments;

import al.sportel.model.BusinessTime;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import al.sportel.server.queue.QueueEngine;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The days a centre takes no appointments: its weekly closed days and dated closures (public holidays, a
 * move). No slot is offered on them and no booking is taken; closing a day that has bookings says how many,
 * so the supervisor can tell those citizens.
 */
public final class ClosedDays {

    /** A centre's closures: weekdays as ISO numbers (1 Monday … 7 Sunday) and the dated ones from today on. */
    public record View(String branchCode, List<Integer> weekdays, List<Dated> dates) {
    }

    public record Dated(LocalDate date, String reason) {
    }

    /** A day closed, and how many appointments were already booked on it (to be told and moved). */
    public record Closed(LocalDate date, String reason, int bookedOnThatDay) {
    }

    private final Database db;

    public ClosedDays(Database db) {
        this.db = db;
    }

    /** Whether the centre is closed on that day, inside the caller's transaction. */
    static boolean closed(Handle h, String branchCode, LocalDate day) {
        if (weekdays(h, branchCode).contains(day.getDayOfWeek().getValue())) {
            return true;
        }
        return h.createQuery("SELECT COUNT(*) FROM branch_closed_days WHERE branch_code = :b AND closed_on = :d")
                .bind("b", branchCode).bind("d", day).mapTo(Integer.class).one() > 0;
    }

    public View view(UserInfo user, String branchCode, LocalDate from) {
        Access.requireBranch(user, branchCode, code -> QueueEngine.branchExists(db, code));
        return db.read(h -> view(h, branchCode, from));
    }

    public View setWeekdays(UserInfo user, String branchCode, List<Integer> weekdays, LocalDate today) {
        Access.requireBranch(user, branchCode, code -> QueueEngine.branchExists(db, code));
        String stored = weekdays.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
        return db.tx(h -> {
            QueueEngine.requireBranchExists(h, branchCode);
            h.execute("UPDATE branches SET closed_weekdays = ? WHERE code = ?", stored, branchCode);
            return view(h, branchCode, today);
        });
    }

    public Closed close(UserInfo user, String branchCode, LocalDate day, String reason) {
        Access.requireBranch(user, branchCode, code -> QueueEngine.branchExists(db, code));
        return db.tx(h -> {
            QueueEngine.requireBranchExists(h, branchCode);
            // the lock a booking takes (its service's row): one in flight is counted below, or sees the day closed
            h.createQuery("SELECT id FROM services WHERE branch_code = :b ORDER BY id FOR UPDATE").bind("b", branchCode)
                    .mapTo(Long.class).list();
            h.execute("DELETE FROM branch_closed_days WHERE branch_code = ? AND closed_on = ?", branchCode, day);
            h.execute("INSERT INTO branch_closed_days (branch_code, closed_on, reason) VALUES (?, ?, ?)", branchCode, day, reason);
            int booked = h.createQuery("""
                            SELECT COUNT(*) FROM appointments WHERE branch_code = :b AND status = 'BOOKED'
                              AND slot_start >= :from AND slot_start < :to
                            """)
                    .bind("b", branchCode).bind("from", BusinessTime.startOf(day))
                    .bind("to", BusinessTime.startOf(day.plusDays(1))).mapTo(Integer.class).one();
            return new Closed(day, reason, booked);
        });
    }

    public void reopen(UserInfo user, String branchCode, LocalDate day) {
        Access.requireBranch(user, branchCode, code -> QueueEngine.branchExists(db, code));
        db.tx(h -> {
            QueueEngine.requireBranchExists(h, branchCode);
            if (h.execute("DELETE FROM branch_closed_days WHERE branch_code = ? AND closed_on = ?", branchCode, day) == 0) {
                throw ApiException.notFound("Centre " + branchCode + " has no closure on " + day);
            }
            return null;
        });
    }

    /**
     * The centre's weekly closed days: "1,7" as ISO weekday numbers; what is not one is ignored (the column is only
     * written through {@link #setWeekdays}). None for an unknown centre.
     */
    private static List<Integer> weekdays(Handle h, String branchCode) {
        String stored = h.createQuery("SELECT closed_weekdays FROM branches WHERE code = :b").bind("b", branchCode)
                .mapTo(String.class).findOne().orElse("");
        return Arrays.stream(stored.split(",")).map(String::strip).filter(s -> s.matches("[1-7]")).map(Integer::valueOf).toList();
    }

    private static View view(Handle h, String branchCode, LocalDate from) {
        QueueEngine.requireBranchExists(h, branchCode);
        List<Dated> dates = h.createQuery("""
                        SELECT closed_on, reason FROM branch_closed_days WHERE branch_code = :b AND closed_on >= :from ORDER BY closed_on
                        """)
                .bind("b", branchCode).bind("from", from)
                .map((rs, c) -> new Dated(rs.getObject(1, LocalDate.class), rs.getString(2))).list();
        return new View(branchCode, weekdays(h, branchCode), dates);
    }
}
