package al.sportel.server.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jdbi.v3.core.Handle;

/**
 * What issuing a ticket needs of its service, in one read: its letter, whether it is offered, its
 * no-starvation rule ({@link StarvationGuard}) and the figures of its estimate ({@link WaitEstimator}, with its recent average).
 */
record ServiceFigures(String letter, boolean active, StarvationGuard.ServiceRule rule, int configuredAverageSeconds,
                      int openCounters, Double recentSeconds) {

    /** The service of this branch, or null when the branch has no such service. */
    static ServiceFigures read(Handle h, String branchCode, long serviceId, LocalDate today) {
        return h.createQuery("""
                        SELECT s.letter, s.active, s.max_priority_in_row, s.max_regular_wait_minutes, s.average_service_seconds,
                               (SELECT COUNT(*) FROM counter_services cs JOIN counters c ON c.id = cs.counter_id
                                WHERE cs.service_id = s.id AND c.branch_code = s.branch_code AND c.status = 'OPEN') AS open_counters,
                               """ + WaitEstimator.recentSeconds(h) + """

                        FROM services s WHERE s.id = :s AND s.branch_code = :b
                        """)
                .bind("s", serviceId).bind("b", branchCode).bind("since", today.minusDays(7))
                .map((rs, ctx) -> new ServiceFigures(rs.getString(1), rs.getBoolean(2),
                        new StarvationGuard.ServiceRule(serviceId, (Integer) rs.getObject(3, Integer.class),
                                (Integer) rs.getObject(4, Integer.class)),
                        rs.getInt(5), rs.getInt(6), recent(rs)))
                .findOne().orElse(null);
    }

    private static Double recent(ResultSet rs) throws SQLException {
        double seconds = rs.getDouble(7);
        return rs.wasNull() ? null : seconds;
    }
}
