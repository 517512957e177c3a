package al.sportel.server.queue;

import java.time.LocalDate;
import org.jdbi.v3.core.Handle;

/**
 * What issuing a ticket needs of its service, in one read: its letter, whether it is offered, its
 * no-starvation rule ({@link StarvationGuard}) and the figures of its estimate ({@link WaitEstimator}, with its recent average).
 */
record ServiceFigures(String letter, boolean active, StarvationGuard.ServiceRule rule, double averageSeconds,
                      int openCounters) {

    /** The service of this branch, or null when the branch has no such service. */
    static ServiceFigures read(Handle h, String branchCode, long serviceId, LocalDate today) {
        return h.createQuery("""
                        SELECT s.letter, s.active, s.max_priority_in_row, s.max_regular_wait_minutes, s.average_service_seconds,
                               """ + WaitEstimator.OPEN_COUNTERS + ", " + WaitEstimator.recentSeconds(h) + """

                        FROM services s WHERE s.id = :s AND s.branch_code = :b
                        """)
                .bind("s", serviceId).bind("b", branchCode).bind("since", today.minusDays(7))
                .map((rs, ctx) -> new ServiceFigures(rs.getString(1), rs.getBoolean(2),
                        new StarvationGuard.ServiceRule(serviceId, (Integer) rs.getObject(3, Integer.class),
                                (Integer) rs.getObject(4, Integer.class)),
                        WaitEstimator.averageSeconds(rs, 5, 7), rs.getInt(6)))
                .findOne().orElse(null);
    }
}
