package al.sportel.server.fees;

import al.sportel.model.BusinessTime;
import al.sportel.model.Money;
import al.sportel.model.fees.Fee;
import al.sportel.model.fees.FeeSale;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The fee tables' SQL. */
final class FeeQueries {

    /** A fee as stored: price in qindarka, VAT rate in hundredths of a percent. */
    record FeeRow(String code, String name, String nameEn, long price, int vatRate, boolean active) {
        Fee view() {
            return new Fee(code, name, nameEn, Money.format(price), percent(vatRate), active);
        }
    }

    record NewSale(String branchCode, long counterId, long clerkId, FeeRow fee, String method, Long tendered, long change,
                   Long caseId, Instant createdAt) {
    }

    /** What the printed receipt shows besides the sale. */
    record Header(String branchName, String branchAddress, int counterNumber) {
    }

    private FeeQueries() {
    }

    static List<FeeRow> catalogue(Handle h) {
        return h.createQuery("SELECT * FROM fee_catalogue ORDER BY code").map((rs, x) -> feeRow(rs)).list();
    }

    static Optional<FeeRow> fee(Handle h, String code) {
        return h.createQuery("SELECT * FROM fee_catalogue WHERE code = :c").bind("c", code).map((rs, x) -> feeRow(rs)).findOne();
    }

    static void saveFee(Handle h, FeeRow f, Instant now) {
        if (h.createUpdate("UPDATE fee_catalogue SET name = :n, name_en = :e, price = :p, vat_rate = :v, active = :a, updated_at = :t "
                        + "WHERE code = :c")
                .bind("n", f.name()).bind("e", f.nameEn()).bind("p", f.price()).bind("v", f.vatRate()).bind("a", f.active())
                .bind("t", now).bind("c", f.code()).execute() == 0) {
            h.createUpdate("INSERT INTO fee_catalogue (code, name, name_en, price, vat_rate, active, updated_at) "
                            + "VALUES (:c, :n, :e, :p, :v, :a, :t)")
                    .bind("n", f.name()).bind("e", f.nameEn()).bind("p", f.price()).bind("v", f.vatRate()).bind("a", f.active())
                    .bind("t", now).bind("c", f.code()).execute();
        }
    }

    static Optional<Long> applicationId(Handle h, String trackingCode) {
        return h.createQuery("SELECT id FROM cases WHERE tracking_code = :t AND kind = 'APPLICATION'").bind("t", trackingCode)
                .mapTo(Long.class).findOne();
    }

    static String counterBranch(Handle h, long counterId) {
        return h.createQuery("SELECT branch_code FROM counters WHERE id = :c").bind("c", counterId).mapTo(String.class).findOne()
                .orElse(null);
    }

    static long insertSale(Handle h, NewSale s) {
        long id = h.createUpdate("""
                        INSERT INTO fee_sales (receipt_number, branch_code, counter_id, clerk_user_id, fee_code, item_name, amount,
                                               vat_rate, method, tendered, change_due, case_id, created_at)
                        VALUES ('-', :branch, :counter, :clerk, :fee, :item, :amount, :vat, :method, :tendered, :change, :caseId, :now)
                        """)
                .bind("branch", s.branchCode()).bind("counter", s.counterId()).bind("clerk", s.clerkId()).bind("fee", s.fee().code())
                .bind("item", s.fee().name()).bind("amount", s.fee().price()).bind("vat", s.fee().vatRate())
                .bind("method", s.method()).bind("tendered", s.tendered()).bind("change", s.change()).bind("caseId", s.caseId())
                .bind("now", s.createdAt())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.execute("UPDATE fee_sales SET receipt_number = ? WHERE id = ?", nextReceiptNumber(h, s.branchCode(), s.createdAt()), id);
        return id;
    }

    /** Fee receipts run per branch and year apart from bill payments' mandates: TR01-T-2026-000012. */
    private static String nextReceiptNumber(Handle h, String branch, Instant now) {
        int year = LocalDate.ofInstant(now, BusinessTime.ZONE).getYear();
        if (h.execute("UPDATE fee_receipt_sequences SET last_number = last_number + 1 WHERE branch_code = ? AND receipt_year = ?",
                branch, year) == 0) {
            h.execute("INSERT INTO fee_receipt_sequences (branch_code, receipt_year, last_number) VALUES (?, ?, 1)", branch, year);
        }
        int n = h.createQuery("SELECT last_number FROM fee_receipt_sequences WHERE branch_code = :b AND receipt_year = :y")
                .bind("b", branch).bind("y", year).mapTo(Integer.class).one();
        return "%s-T-%d-%06d".formatted(branch, year, n);
    }

    private static final String SALE_SELECT = """
            SELECT s.*, u.display_name, c.tracking_code,
                   (SELECT COUNT(*) FROM fiscal_invoices f WHERE f.fee_sale_id = s.id AND f.status <> 'UNFISCALIZED') AS fiscal
            FROM fee_sales s JOIN users u ON u.id = s.clerk_user_id LEFT JOIN cases c ON c.id = s.case_id
            """;

    static Optional<FeeSale> sale(Handle h, long id) {
        return h.createQuery(SALE_SELECT + "WHERE s.id = :id").bind("id", id).map((rs, x) -> feeSale(rs)).findOne();
    }

    /** A counter's sales made in [from, to), newest first (index fee_sales_counter_day). */
    static List<FeeSale> salesAt(Handle h, long counterId, Instant from, Instant to) {
        return h.createQuery(SALE_SELECT + "WHERE s.counter_id = :c AND s.created_at >= :from AND s.created_at < :to "
                        + "ORDER BY s.created_at DESC, s.id DESC")
                .bind("c", counterId).bind("from", from).bind("to", to).map((rs, x) -> feeSale(rs)).list();
    }

    private static FeeSale feeSale(ResultSet rs) throws SQLException {
        long tendered = rs.getLong("tendered");
        boolean hasTendered = !rs.wasNull();
        return new FeeSale(rs.getLong("id"), rs.getString("receipt_number"), rs.getString("branch_code"),
                rs.getLong("counter_id"), rs.getString("fee_code"), rs.getString("item_name"), Money.format(rs.getLong("amount")),
                percent(rs.getInt("vat_rate")), rs.getString("method"), hasTendered ? Money.format(tendered) : null,
                Money.format(rs.getLong("change_due")), rs.getString("tracking_code"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("display_name"),
                rs.getInt("fiscal") > 0);
    }

    static Header header(Handle h, long saleId) {
        return h.createQuery("""
                        SELECT b.name, b.address, c.counter_number
                        FROM fee_sales s JOIN branches b ON b.code = s.branch_code JOIN counters c ON c.id = s.counter_id WHERE s.id = :id
                        """)
                .bind("id", saleId).map((rs, x) -> new Header(rs.getString(1), rs.getString(2), rs.getInt(3))).one();
    }

    static String percent(int hundredths) {
        return BigDecimal.valueOf(hundredths, 2).toPlainString();
    }

    private static FeeRow feeRow(ResultSet rs) throws SQLException {
        return new FeeRow(rs.getString("code"), rs.getString("name"), rs.getString("name_en"), rs.getLong("price"),
                rs.getInt("vat_rate"), rs.getBoolean("active"));
    }
}
