package al.sportel.server.channels;

import al.sportel.model.BusinessTime;
import al.sportel.model.Money;
import al.sportel.model.channels.PaymentsByChannel;
import al.sportel.server.db.Database;
import al.sportel.server.reports.CounterTakings;
import al.sportel.server.reports.CounterTakings.ByMethod;
import al.sportel.server.reports.CsvSheet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Payments by channel over a date range: the counters' cash and card (voids left out) and every
 * partner (reversals left out). As in the centre report, only a void made by the end of the range leaves a
 * counter payment out, so a closed day's figures never change; a void made in the range of a payment taken before
 * it is shown apart, in no total, as {@code earlierVoided} (ADR 0018).
 */
public final class ChannelReport {

    private final Database db;

    public ChannelReport(Database db) {
        this.db = db;
    }

    /**
     * {@code branchCode}: only that centre's counters, or null for all; {@code partners}: with the partners' rows
     * (they belong to no centre).
     */
    public PaymentsByChannel report(String branchCode, boolean partners, LocalDate from, LocalDate to) {
        Instant start = BusinessTime.startOf(from);
        Instant end = BusinessTime.startOf(to.plusDays(1));
        return db.read(h -> {
            Map<String, ByMethod> taken = byMethod(CounterTakings.taken(h, branchCode, start, end));
            Map<String, ByMethod> earlierVoided = byMethod(CounterTakings.earlierVoided(h, branchCode, start, end));
            // cash before card, as the counters' drawers are counted
            Set<String> methods = new TreeSet<>(Comparator.reverseOrder());
            methods.addAll(taken.keySet());
            methods.addAll(earlierVoided.keySet());
            ByMethod none = new ByMethod("", 0, 0);
            List<PaymentsByChannel.Row> rows = new ArrayList<>();
            for (String m : methods) {
                ByMethod t = taken.getOrDefault(m, none);
                ByMethod v = earlierVoided.getOrDefault(m, none);
                rows.add(new PaymentsByChannel.Row("COUNTER_" + m, null, "CASH".equals(m) ? "Counter cash" : "Counter card", t.count(),
                        Money.format(t.amount()), v.count(), Money.format(v.amount())));
            }
            if (partners) {
                rows.addAll(partnerRows(h, from, to));
            }
            long total = rows.stream().mapToLong(r -> Money.parse(r.amount())).reduce(0, Math::addExact);
            int voidedCount = rows.stream().mapToInt(PaymentsByChannel.Row::earlierVoidedCount).sum();
            long voidedAmount = rows.stream().mapToLong(r -> Money.parse(r.earlierVoidedAmount())).reduce(0, Math::addExact);
            return new PaymentsByChannel(from, to, branchCode, rows, Money.format(total), voidedCount, Money.format(voidedAmount));
        });
    }

    private static Map<String, ByMethod> byMethod(List<ByMethod> figures) {
        Map<String, ByMethod> out = new TreeMap<>();
        figures.forEach(f -> out.put(f.method(), f));
        return out;
    }

    /**
     * Every partner's payments of the range by the day they were paid, any reversed one left out whenever it was
     * reversed. A partner may reverse a payment only on the day it was received (ChannelPayments.reverse), so a
     * reversal made after the range's end is of a payment received after it too: one the range's days did not have
     * when they ended, and which the reconciliation of its day leaves out as well. Counting it until it was reversed
     * would keep it in its paid day for ever, disagreeing with that day's reconciliation.
     */
    private static List<PaymentsByChannel.Row> partnerRows(Handle h, LocalDate from, LocalDate to) {
        return h.createQuery("""
                        SELECT k.kind, k.code, k.name, COUNT(p.id), COALESCE(SUM(p.amount), 0)
                        FROM channel_partners k JOIN channel_payments p ON p.partner_id = k.id
                        WHERE p.paid_date BETWEEN :from AND :to
                          AND NOT EXISTS (SELECT 1 FROM channel_reversals v WHERE v.payment_id = p.id)
                        GROUP BY k.kind, k.code, k.name
                        ORDER BY CASE k.kind WHEN 'POST' THEN 1 WHEN 'BANK' THEN 2 ELSE 3 END, k.name
                        """)
                .bind("from", from).bind("to", to)
                .map((rs, c) -> new PaymentsByChannel.Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        Money.format(rs.getLong(5)), 0, Money.format(0)))
                .list();
    }

    static String csv(PaymentsByChannel r) {
        CsvSheet csv = new CsvSheet().row("channel", "partner", "label", "count", "amount", "earlierVoidedCount", "earlierVoidedAmount");
        for (PaymentsByChannel.Row row : r.channels()) {
            csv.row(row.channel(), row.partnerCode(), row.label(), row.count(), row.amount(), row.earlierVoidedCount(),
                    row.earlierVoidedAmount());
        }
        return csv.row("TOTAL", "", "", "", r.total(), r.earlierVoidedCount(), r.earlierVoidedAmount()).toString();
    }
}
