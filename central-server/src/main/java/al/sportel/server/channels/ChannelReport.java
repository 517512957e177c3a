package al.sportel.server.channels;

import al.sportel.model.BusinessTime;
import al.sportel.model.Money;
import al.sportel.model.channels.PaymentsByChannel;
import al.sportel.server.db.Database;
import al.sportel.server.reports.CsvSheet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Payments by channel over a date range: the counters' cash and card (voids left out) and every
 * partner (reversals left out). Partners belong to no branch, so a branch's report has only its counters. As in
 * the centre report, only a void or reversal made by the end of the range leaves a payment out: a closed day's
 * figures never change.
 */
public final class ChannelReport {

    private final Database db;

    public ChannelReport(Database db) {
        this.db = db;
    }

    public PaymentsByChannel report(String branchCode, LocalDate from, LocalDate to) {
        return db.read(h -> {
            var counters = h.createQuery("""
                            SELECT p.method, COUNT(*), SUM(p.amount) FROM payments p
                            WHERE p.taken_at >= :start AND p.taken_at < :end AND %s
                              AND NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id AND v.created_at < :end)
                            GROUP BY p.method ORDER BY p.method DESC
                            """.formatted(branchCode == null ? "TRUE" : "p.branch_code = :branch"))
                    .bind("start", BusinessTime.startOf(from))
                    .bind("end", BusinessTime.startOf(to.plusDays(1)));
            if (branchCode != null) {
                counters.bind("branch", branchCode);
            }
            List<PaymentsByChannel.Row> rows = new ArrayList<>(counters
                    .map((rs, c) -> new PaymentsByChannel.Row("COUNTER_" + rs.getString(1), null,
                            "CASH".equals(rs.getString(1)) ? "Counter cash" : "Counter card", rs.getInt(2), Money.format(rs.getLong(3))))
                    .list());
            if (branchCode == null) {
                rows.addAll(h.createQuery("""
                                SELECT k.kind, k.code, k.name, COUNT(p.id), COALESCE(SUM(p.amount), 0)
                                FROM channel_partners k JOIN channel_payments p ON p.partner_id = k.id
                                WHERE p.paid_date BETWEEN :from AND :to
                                  AND NOT EXISTS (SELECT 1 FROM channel_reversals v WHERE v.payment_id = p.id AND v.reversed_at < :end)
                                GROUP BY k.kind, k.code, k.name
                                ORDER BY CASE k.kind WHEN 'POST' THEN 1 WHEN 'BANK' THEN 2 ELSE 3 END, k.name
                                """)
                        .bind("from", from).bind("to", to).bind("end", BusinessTime.startOf(to.plusDays(1)))
                        .map((rs, c) -> new PaymentsByChannel.Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                                Money.format(rs.getLong(5))))
                        .list());
            }
            long total = rows.stream().mapToLong(r -> Money.parse(r.amount())).sum();
            return new PaymentsByChannel(from, to, branchCode, rows, Money.format(total));
        });
    }

    static String csv(PaymentsByChannel r) {
        CsvSheet csv = new CsvSheet().row("channel", "partner", "label", "count", "amount");
        for (PaymentsByChannel.Row row : r.channels()) {
            csv.row(row.channel(), row.partnerCode(), row.label(), row.count(), row.amount());
        }
        return csv.row("TOTAL", "", "", "", r.total()).toString();
    }
}
