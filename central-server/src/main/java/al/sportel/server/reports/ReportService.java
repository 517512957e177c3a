package al.sportel.server.reports;

import al.sportel.model.BranchReport;
import al.sportel.model.BusinessTime;
import al.sportel.model.Money;
import al.sportel.server.db.Database;
import al.sportel.server.queue.QueueEngine;
import al.sportel.server.reports.CounterTakings.ByMethod;
import org.jdbi.v3.core.statement.Query;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The branch report, computed in SQL (counts and PERCENTILE_CONT) over the branch/day index, so a
 * year of tickets costs the database one pass and this process a handful of rows.
 */
public final class ReportService {

    private final Database db;

    public ReportService(Database db) {
        this.db = db;
    }

    public BranchReport report(String branchCode, LocalDate from, LocalDate to) {
        String wait = db.secondsBetween("t.issued_at", "t.called_at");
        String service = db.secondsBetween("t.started_at", "t.finished_at");
        String figures = """
                SELECT COUNT(*) AS issued,
                       SUM(CASE WHEN t.status = 'DONE' THEN 1 ELSE 0 END) AS served,
                       SUM(CASE WHEN t.status = 'NO_SHOW' THEN 1 ELSE 0 END) AS no_shows,
                       SUM(CASE WHEN t.status = 'CANCELLED' THEN 1 ELSE 0 END) AS cancelled,
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN t.called_at IS NOT NULL THEN %1$s END) AS wait_p50,
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY CASE WHEN t.called_at IS NOT NULL THEN %1$s END) AS wait_p90,
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN t.status = 'DONE' THEN %2$s END) AS service_p50,
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY CASE WHEN t.status = 'DONE' THEN %2$s END) AS service_p90
                """.formatted(wait, service);
        return db.read(h -> {
            QueueEngine.requireBranchExists(h, branchCode);
            List<BranchReport.ServiceFigures> services = h.createQuery(figures + """
                            , s.id, s.letter, s.name, s.name_en
                            FROM services s JOIN tickets t ON t.service_id = s.id
                            WHERE t.branch_code = :b AND t.business_date BETWEEN :from AND :to
                            GROUP BY s.id, s.letter, s.name, s.name_en ORDER BY s.letter
                            """)
                    .bind("b", branchCode).bind("from", from).bind("to", to)
                    .map((rs, c) -> figures(rs, rs.getLong("id"), rs.getString("letter"), rs.getString("name"), rs.getString("name_en")))
                    .list();
            BranchReport.ServiceFigures totals = h.createQuery(figures + """
                            FROM tickets t WHERE t.branch_code = :b AND t.business_date BETWEEN :from AND :to
                            """)
                    .bind("b", branchCode).bind("from", from).bind("to", to)
                    .map((rs, c) -> figures(rs, null, null, null, null)).one();
            List<BranchReport.ClerkFigures> clerks = h.createQuery("""
                            SELECT u.id, u.username, u.display_name, COUNT(*) AS served
                            FROM tickets t JOIN users u ON u.id = t.served_by
                            WHERE t.branch_code = :b AND t.business_date BETWEEN :from AND :to AND t.status = 'DONE'
                            GROUP BY u.id, u.username, u.display_name ORDER BY served DESC, u.username
                            """)
                    .bind("b", branchCode).bind("from", from).bind("to", to)
                    .map((rs, c) -> new BranchReport.ClerkFigures(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                    .list();
            Instant start = BusinessTime.startOf(from);
            Instant end = BusinessTime.startOf(to.plusDays(1));
            // the counters' payments as every report counts them (ADR 0018)
            List<ByMethod> payments = CounterTakings.taken(h, branchCode, start, end);
            List<ByMethod> voidedBefore = CounterTakings.earlierVoided(h, branchCode, start, end);
            ByMethod earlierVoided = new ByMethod("", voidedBefore.stream().mapToInt(ByMethod::count).sum(),
                    voidedBefore.stream().mapToLong(ByMethod::amount).sum());
            List<ByMethod> fees = byMethod(h.createQuery("""
                    SELECT method, COUNT(*), SUM(amount) FROM fee_sales
                    WHERE branch_code = :b AND created_at >= :start AND created_at < :end
                    GROUP BY method ORDER BY method
                    """), branchCode, start, end);
            return new BranchReport(branchCode, from, to, services, totals, clerks, figures(payments), total(payments),
                    earlierVoided.count(), Money.format(earlierVoided.amount()), figures(fees), total(fees));
        });
    }

    private static List<ByMethod> byMethod(Query query, String branchCode, Instant start, Instant end) {
        return query.bind("b", branchCode).bind("start", start).bind("end", end)
                .map((rs, c) -> new ByMethod(rs.getString(1), rs.getInt(2), rs.getLong(3))).list();
    }

    private static List<BranchReport.MethodFigures> figures(List<ByMethod> methods) {
        return methods.stream().map(m -> new BranchReport.MethodFigures(m.method(), m.count(), Money.format(m.amount()))).toList();
    }

    private static String total(List<ByMethod> methods) {
        return Money.format(methods.stream().mapToLong(ByMethod::amount).sum());
    }

    private static BranchReport.ServiceFigures figures(ResultSet rs, Long id, String letter, String name, String nameEn)
            throws SQLException {
        int served = rs.getInt("served");
        int noShows = rs.getInt("no_shows");
        return new BranchReport.ServiceFigures(id, letter, name, nameEn, rs.getInt("issued"), served, noShows, rs.getInt("cancelled"),
                served + noShows == 0 ? 0 : Math.round(1000.0 * noShows / (served + noShows)) / 1000.0,
                seconds(rs, "wait_p50"), seconds(rs, "wait_p90"), seconds(rs, "service_p50"), seconds(rs, "service_p90"));
    }

    private static Long seconds(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(v);
    }
}
