package al.sportel.server.reports;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The counters' bill payments over a range, as every report counts them (ADR 0018): what was taken in the range and not
 * voided by its end, and apart, what was taken before the range and voided in it. A closed range never changes.
 * The centre report and the report by channel both read them here.
 */
public final class CounterTakings {

    /** One payment method's count and amount in minor units. */
    public record ByMethod(String method, int count, long amount) {
    }

    private CounterTakings() {
    }

    /** Taken in [start, end) and not voided before end, by method in ascending order; {@code branchCode} null: every centre. */
    public static List<ByMethod> taken(Handle h, String branchCode, Instant start, Instant end) {
        return byMethod(h, """
                SELECT p.method, COUNT(*), SUM(p.amount) FROM payments p
                WHERE p.taken_at >= :start AND p.taken_at < :end AND %s
                  AND NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id AND v.created_at < :end)
                GROUP BY p.method ORDER BY p.method
                """, branchCode, start, end);
    }

    /** Taken before start and voided in [start, end): in no total of the range, shown apart. */
    public static List<ByMethod> earlierVoided(Handle h, String branchCode, Instant start, Instant end) {
        return byMethod(h, """
                SELECT p.method, COUNT(*), SUM(p.amount) FROM payment_voids v JOIN payments p ON p.id = v.payment_id
                WHERE v.created_at >= :start AND v.created_at < :end AND p.taken_at < :start AND %s
                GROUP BY p.method ORDER BY p.method
                """, branchCode, start, end);
    }

    private static List<ByMethod> byMethod(Handle h, String sql, String branchCode, Instant start, Instant end) {
        Query query = h.createQuery(sql.formatted(branchCode == null ? "TRUE" : "p.branch_code = :branch"))
                .bind("start", start).bind("end", end);
        if (branchCode != null) {
            query.bind("branch", branchCode);
        }
        return query.map((rs, c) -> new ByMethod(rs.getString(1), rs.getInt(2), rs.getLong(3))).list();
    }
}
