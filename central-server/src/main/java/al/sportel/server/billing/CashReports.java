package al.sportel.server.billing;

import al.sportel.model.BusinessTime;
import al.sportel.model.Money;
import al.sportel.model.billing.CashLine;
import al.sportel.model.billing.CashReport;
import al.sportel.model.billing.CashTotal;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * A counter's shift: every payment of the day and the totals by method; voided ones apart; the fees sold there,
 * and all the cash taken (the drawer holds both). A payment
 * taken offline on this day but received later is a {@code lateEntry}: counted on its own day and
 * flagged, so the supervisor sees why a closed day's total changed.
 */
public final class CashReports {

    private final Database db;

    public CashReports(Database db) {
        this.db = db;
    }

    public CashReport forCounter(long counterId, LocalDate date) {
        return db.read(h -> {
            record CounterRef(int number, String branchCode) {
            }
            CounterRef counter = h.createQuery("SELECT counter_number, branch_code FROM counters WHERE id = :c").bind("c", counterId)
                    .map((rs, x) -> new CounterRef(rs.getInt(1), rs.getString(2))).findOne()
                    .orElseThrow(() -> ApiException.notFound("No counter with id " + counterId));
            Instant from = BusinessTime.startOf(date);
            Instant to = BusinessTime.startOf(date.plusDays(1));
            record Row(CashLine line, long amount) {
            }
            // The drawer holds money by when it was taken: a payment taken offline counts on its own day. A void made
            // after the day leaves the day as it was closed (the drawer held that money); the day it was made lists it
            // apart (earlierVoided), in no total: a supervisor voids, at no counter, and the centre report nets it.
            List<Row> rows = h.createQuery("""
                            SELECT p.id, p.receipt_number, p.customer_code, p.amount, p.method, p.taken_at, u.display_name,
                                   (SELECT COUNT(*) FROM payment_voids v WHERE v.payment_id = p.id AND v.created_at < :to) AS voids,
                                   p.late_entry,
                                   (SELECT COUNT(*) FROM payment_voids v WHERE v.payment_id = p.id AND v.created_at >= :to) AS later
                            FROM payments p JOIN users u ON u.id = p.clerk_user_id
                            WHERE p.counter_id = :c AND p.taken_at >= :from AND p.taken_at < :to
                            ORDER BY p.taken_at, p.id
                            """)
                    .bind("c", counterId).bind("from", from).bind("to", to)
                    .map((rs, x) -> new Row(new CashLine(rs.getLong(1), rs.getString(2), rs.getString(3), Money.format(rs.getLong(4)),
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7),
                            rs.getInt(8) > 0, rs.getBoolean(9), rs.getInt(10) > 0), rs.getLong(4)))
                    .list();
            List<CashTotal> totals = Stream.of("CASH", "CARD").map(m -> {
                List<Row> of = rows.stream().filter(r -> !r.line().voided() && r.line().method().equals(m)).toList();
                return new CashTotal(m, of.size(), Money.format(of.stream().mapToLong(Row::amount).sum()));
            }).toList();
            long total = rows.stream().filter(r -> !r.line().voided()).mapToLong(Row::amount).sum();
            List<Row> voided = rows.stream().filter(r -> r.line().voided()).toList();
            // fees sold at the counter go in the same drawer (a fee sale has no void: a wrong one is refunded)
            List<CashTotal> fees = h.createQuery("""
                            SELECT method, COUNT(*), COALESCE(SUM(amount), 0) FROM fee_sales
                            WHERE counter_id = :c AND created_at >= :from AND created_at < :to GROUP BY method
                            """)
                    .bind("c", counterId).bind("from", from).bind("to", to)
                    .map((rs, x) -> new CashTotal(rs.getString(1), rs.getInt(2), Money.format(rs.getLong(3)))).list();
            List<CashTotal> feesByMethod = Stream.of("CASH", "CARD").map(m -> fees.stream().filter(f -> f.method().equals(m)).findFirst()
                    .orElse(new CashTotal(m, 0, Money.format(0)))).toList();
            long feesTotal = feesByMethod.stream().mapToLong(f -> Money.parse(f.amount())).sum();
            long cashTaken = Money.parse(totals.get(0).amount()) + Money.parse(feesByMethod.get(0).amount());
            record Voids(int count, long amount) {
            }
            Voids earlier = h.createQuery("""
                            SELECT COUNT(*), COALESCE(SUM(p.amount), 0) FROM payment_voids v JOIN payments p ON p.id = v.payment_id
                            WHERE p.counter_id = :c AND v.created_at >= :from AND v.created_at < :to AND p.taken_at < :from
                            """)
                    .bind("c", counterId).bind("from", from).bind("to", to)
                    .map((rs, x) -> new Voids(rs.getInt(1), rs.getLong(2))).one();
            return new CashReport(counterId, counter.number(), counter.branchCode(), date, totals, Money.format(total),
                    voided.size(), Money.format(voided.stream().mapToLong(Row::amount).sum()),
                    rows.stream().map(Row::line).toList(), (int) rows.stream().filter(r -> r.line().lateEntry()).count(),
                    feesByMethod, Money.format(feesTotal), Money.format(cashTaken), earlier.count(), Money.format(earlier.amount()));
        });
    }
}
