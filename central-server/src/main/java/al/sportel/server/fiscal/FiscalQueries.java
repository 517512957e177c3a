package al.sportel.server.fiscal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The fiscal tables' SQL, mapped to named rows. */
final class FiscalQueries {

    record TcrRow(long counterId, String branchCode, int counterNumber, String tcrCode, String businUnitCode) {
    }

    record InvoiceRow(long id, Long paymentId, Long feeSaleId, String branchCode, long counterId, String tcrCode, String businUnitCode,
                      String operatorCode, String softCode, int invOrdNum, String invNum, String issueDateTime, Instant issuedAt,
                      String payMethod, String itemName, String itemCode, long totPrice, long totWithoutVat, long totVat, int vatRate, String iic,
                      String iicSignature, String status, String subseqDelivType, String fic, int attempts, String lastError,
                      Instant alertedAt, int prints, String offlineNslf, String kind, String correctsIic,
                      String correctsIssueDateTime, Long clerkId, String unfiscalizedReason) {

        /** Recorded without number and IIC because its set-up was incomplete; the outbox issues it late. */
        boolean unfiscalized() {
            return UNFISCALIZED.equals(status);
        }
    }

    /** The status of a sale recorded while it could not be fiscalized (V75). */
    static final String UNFISCALIZED = "UNFISCALIZED";

    record DepositRow(long id, long counterId, String tcrCode, String operation, long amount, String changeDateTime,
                      Instant changedAt, String status, String subseqDelivType, String fcdc, int attempts, String lastError) {
    }

    /** A receipt without NIVF, for the metrics. */
    record Waiting(String branchCode, String status, Instant issuedAt) {
    }

    private FiscalQueries() {
    }

    static List<Waiting> waitingByBranch(Handle h) {
        return h.createQuery("SELECT branch_code, status, issued_at FROM fiscal_invoices WHERE status <> 'FISCALIZED'")
                .map((rs, x) -> new Waiting(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant())).list();
    }

    static FiscalSettings settings(Handle h) {
        return h.createQuery("SELECT * FROM fiscal_settings WHERE id = 1")
                .map((rs, x) -> new FiscalSettings(rs.getBoolean("enabled"), rs.getString("nuis"), rs.getString("legal_name"),
                        rs.getString("address"), rs.getString("town"), rs.getString("soft_code"), rs.getString("maintainer_code"),
                        FiscalSettings.Environment.valueOf(rs.getString("environment")), rs.getString("endpoint_url"),
                        rs.getString("keystore_path"), rs.getString("keystore_password_file"),
                        InvNumMode.valueOf(rs.getString("inv_num_mode")), rs.getBoolean("fiscalize_bill_payments"),
                        rs.getBoolean("issuer_in_vat"), rs.getInt("vat_rate"), rs.getInt("timeout_millis")))
                .one();
    }

    static void saveSettings(Handle h, FiscalSettings s, Instant now) {
        h.createUpdate("""
                        UPDATE fiscal_settings SET enabled = :enabled, nuis = :nuis, legal_name = :legalName, address = :address,
                               town = :town, soft_code = :softCode, maintainer_code = :maintainerCode, environment = :env,
                               endpoint_url = :endpointUrl, keystore_path = :keystorePath,
                               keystore_password_file = :keystorePasswordFile, inv_num_mode = :mode,
                               fiscalize_bill_payments = :fiscalizeBillPayments, issuer_in_vat = :issuerInVat,
                               vat_rate = :vatRate, timeout_millis = :timeoutMillis, updated_at = :now
                        WHERE id = 1
                        """)
                .bindMethods(s).bind("env", s.environment().name()).bind("mode", s.invNumMode().name()).bind("now", now)
                .execute();
    }

    static Optional<String> businessUnit(Handle h, String branch) {
        return h.createQuery("SELECT busin_unit_code FROM fiscal_business_units WHERE branch_code = :b").bind("b", branch)
                .mapTo(String.class).findOne();
    }

    static void setBusinessUnit(Handle h, String branch, String code) {
        if (h.execute("UPDATE fiscal_business_units SET busin_unit_code = ? WHERE branch_code = ?", code, branch) == 0) {
            h.execute("INSERT INTO fiscal_business_units (branch_code, busin_unit_code) VALUES (?, ?)", branch, code);
        }
    }

    static Optional<String> operatorCode(Handle h, long userId) {
        return h.createQuery("SELECT operator_code FROM fiscal_operators WHERE user_id = :u").bind("u", userId)
                .mapTo(String.class).findOne();
    }

    static void setOperator(Handle h, long userId, String code) {
        if (h.execute("UPDATE fiscal_operators SET operator_code = ? WHERE user_id = ?", code, userId) == 0) {
            h.execute("INSERT INTO fiscal_operators (user_id, operator_code) VALUES (?, ?)", userId, code);
        }
    }

    /** The counter with its TCR, if registered; empty when there is no such counter. */
    static Optional<TcrRow> counter(Handle h, long counterId) {
        return h.createQuery("""
                        SELECT c.id, c.branch_code, c.counter_number, t.tcr_code, t.busin_unit_code
                        FROM counters c LEFT JOIN fiscal_tcrs t ON t.counter_id = c.id WHERE c.id = :c
                        """)
                .bind("c", counterId)
                .map((rs, x) -> new TcrRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)))
                .findOne();
    }

    static void saveTcr(Handle h, long counterId, String tcrCode, String businUnitCode, Instant now) {
        h.execute("INSERT INTO fiscal_tcrs (counter_id, tcr_code, busin_unit_code, registered_at) VALUES (?, ?, ?, ?)",
                counterId, tcrCode, businUnitCode, now);
    }

    static void markOfflineNslf(Handle h, long invoiceId, boolean accepted, String clientIic) {
        h.execute("UPDATE fiscal_invoices SET offline_nslf = ?, offline_iic = ? WHERE id = ?", accepted ? "ACCEPTED" : "REJECTED",
                clientIic, invoiceId);
    }

    static long insertInvoice(Handle h, InvoiceRow r) {
        return h.createUpdate("""
                        INSERT INTO fiscal_invoices (payment_id, fee_sale_id, branch_code, counter_id, tcr_code, busin_unit_code, operator_code,
                               soft_code, inv_ord_num, inv_num, issue_date_time, issued_at, pay_method, item_name, item_code, tot_price,
                               tot_without_vat, tot_vat, vat_rate, iic, iic_signature, status, subseq_deliv_type, kind,
                               corrects_iic, corrects_issue_date_time, last_error, clerk_id, unfiscalized_reason)
                        VALUES (:paymentId, :feeSaleId, :branchCode, :counterId, :tcrCode, :businUnitCode, :operatorCode, :softCode,
                               :invOrdNum, :invNum, :issueDateTime, :issuedAt, :payMethod, :itemName, :itemCode, :totPrice, :totWithoutVat,
                               :totVat, :vatRate, :iic, :iicSignature, :status, :subseqDelivType, :kind,
                               :correctsIic, :correctsIssueDateTime, :lastError, :clerkId, :unfiscalizedReason)
                        """)
                .bind("paymentId", r.paymentId()).bind("feeSaleId", r.feeSaleId()).bind("branchCode", r.branchCode()).bind("counterId", r.counterId())
                .bind("tcrCode", r.tcrCode()).bind("businUnitCode", r.businUnitCode()).bind("operatorCode", r.operatorCode())
                .bind("softCode", r.softCode()).bind("invOrdNum", r.invNum() == null ? null : r.invOrdNum()).bind("invNum", r.invNum())
                .bind("issueDateTime", r.issueDateTime()).bind("issuedAt", r.issuedAt()).bind("payMethod", r.payMethod())
                .bind("itemName", r.itemName()).bind("itemCode", r.itemCode()).bind("totPrice", r.totPrice()).bind("totWithoutVat", r.totWithoutVat())
                .bind("totVat", r.totVat()).bind("vatRate", r.vatRate()).bind("iic", r.iic()).bind("iicSignature", r.iicSignature())
                .bind("status", r.status()).bind("subseqDelivType", r.subseqDelivType()).bind("kind", r.kind())
                .bind("correctsIic", r.correctsIic()).bind("correctsIssueDateTime", r.correctsIssueDateTime())
                .bind("lastError", abbreviate(r.lastError())).bind("clerkId", r.clerkId())
                .bind("unfiscalizedReason", abbreviate(r.unfiscalizedReason()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static final String INVOICE = "SELECT * FROM fiscal_invoices ";

    static Optional<InvoiceRow> invoice(Handle h, long id) {
        return h.createQuery(INVOICE + "WHERE id = :id").bind("id", id).map((rs, x) -> invoiceRow(rs)).findOne();
    }

    static Optional<InvoiceRow> invoiceForPayment(Handle h, long paymentId) {
        return invoiceForPayment(h, paymentId, "SALE");
    }

    /** {@code kind}: SALE, or CORRECTIVE for the invoice that reverses a voided payment's. */
    static Optional<InvoiceRow> invoiceForPayment(Handle h, long paymentId, String kind) {
        return h.createQuery(INVOICE + "WHERE payment_id = :p AND kind = :k").bind("p", paymentId).bind("k", kind)
                .map((rs, x) -> invoiceRow(rs)).findOne();
    }

    static Optional<InvoiceRow> invoiceForFeeSale(Handle h, long feeSaleId) {
        return h.createQuery(INVOICE + "WHERE fee_sale_id = :f").bind("f", feeSaleId).map((rs, x) -> invoiceRow(rs)).findOne();
    }

    static List<Long> pendingInvoices(Handle h) {
        return h.createQuery("SELECT id FROM fiscal_invoices WHERE status = 'PENDING' ORDER BY issued_at, id")
                .mapTo(Long.class).list();
    }

    /** Sales recorded without number and IIC, oldest first: a sale before the corrective that reverses it. */
    static List<Long> unfiscalizedInvoices(Handle h) {
        return h.createQuery("SELECT id FROM fiscal_invoices WHERE status = 'UNFISCALIZED' ORDER BY issued_at, id")
                .mapTo(Long.class).list();
    }

    /**
     * Locks an UNFISCALIZED invoice for its late issue, so two server instances never number it twice; false when
     * it is no longer UNFISCALIZED (the other instance issued it).
     */
    static boolean lockUnfiscalized(Handle h, long id) {
        return h.execute("UPDATE fiscal_invoices SET attempts = attempts WHERE id = ? AND status = 'UNFISCALIZED'", id) == 1;
    }

    /** Still not issuable: the current reason, for the pending list. */
    static void stillUnfiscalized(Handle h, long id, String reason) {
        h.execute("UPDATE fiscal_invoices SET last_error = ? WHERE id = ?", abbreviate(reason), id);
    }

    /** Issued late: numbered and signed now, it waits for delivery like any receipt. */
    static void issuedLate(Handle h, long id, String tcrCode, String businUnitCode, String operatorCode, String softCode, int ordinal,
                           String invNum, String iic, String iicSignature, String correctsIic, String correctsIssueDateTime) {
        h.createUpdate("""
                        UPDATE fiscal_invoices SET tcr_code = :tcr, busin_unit_code = :bu, operator_code = :op, soft_code = :soft,
                               inv_ord_num = :ord, inv_num = :num, iic = :iic, iic_signature = :sig, corrects_iic = :ciic,
                               corrects_issue_date_time = :cdt, status = 'PENDING', last_error = NULL
                        WHERE id = :id AND status = 'UNFISCALIZED'
                        """)
                .bind("tcr", tcrCode).bind("bu", businUnitCode).bind("op", operatorCode).bind("soft", softCode).bind("ord", ordinal)
                .bind("num", invNum).bind("iic", iic).bind("sig", iicSignature).bind("ciic", correctsIic).bind("cdt", correctsIssueDateTime)
                .bind("id", id).execute();
    }

    static Optional<String> username(Handle h, long userId) {
        return h.createQuery("SELECT username FROM users WHERE id = :u").bind("u", userId).mapTo(String.class).findOne();
    }

    /**
     * Receipts not yet fiscalized (waiting, refused, or not issued: UNFISCALIZED), and offline slips whose NSLF the server could not keep until
     * the receipt is printed again, oldest first, of one branch or all.
     */
    static List<InvoiceRow> undelivered(Handle h, String branch) {
        return h.createQuery(INVOICE + "WHERE (status <> 'FISCALIZED' OR (offline_nslf = 'REJECTED' AND prints = 0)) "
                        + "AND (:b IS NULL OR branch_code = :b) ORDER BY issued_at, id")
                .bind("b", branch).map((rs, x) -> invoiceRow(rs)).list();
    }

    static List<InvoiceRow> unalertedOlderThan(Handle h, Instant cutoff) {
        return h.createQuery(INVOICE + "WHERE status <> 'FISCALIZED' AND alerted_at IS NULL AND issued_at <= :c ORDER BY issued_at")
                .bind("c", cutoff).map((rs, x) -> invoiceRow(rs)).list();
    }

    static void markAlerted(Handle h, long id, Instant now) {
        h.execute("UPDATE fiscal_invoices SET alerted_at = ? WHERE id = ?", now, id);
    }

    static void invoiceDelivered(Handle h, long id, String fic, Instant now) {
        h.execute("""
                UPDATE fiscal_invoices SET status = 'FISCALIZED', fic = ?, delivered_at = ?, attempts = attempts + 1, last_error = NULL
                WHERE id = ?
                """, fic, now, id);
    }

    static void invoiceFailed(Handle h, long id, String status, String subseq, String error) {
        h.execute("UPDATE fiscal_invoices SET status = ?, subseq_deliv_type = ?, attempts = attempts + 1, last_error = ? WHERE id = ?",
                status, subseq, abbreviate(error), id);
    }

    /** Takes the row for one sending; false when it is not waiting or another sender holds it. */
    static boolean claim(Handle h, String table, long id, Instant now, Instant until) {
        String sql = "UPDATE " + table + " SET claimed_until = :until WHERE id = :id AND status = 'PENDING'"
                + " AND (claimed_until IS NULL OR claimed_until < :now)";
        return h.createUpdate(sql).bind("until", until).bind("id", id).bind("now", now).execute() == 1;
    }

    static void release(Handle h, String table, long id) {
        h.execute("UPDATE " + table + " SET claimed_until = NULL WHERE id = ?", id);
    }

    static int countPrint(Handle h, long id) {
        h.execute("UPDATE fiscal_invoices SET prints = prints + 1 WHERE id = ?", id);
        return h.createQuery("SELECT prints FROM fiscal_invoices WHERE id = :id").bind("id", id).mapTo(Integer.class).one();
    }

    static long insertDeposit(Handle h, long counterId, String tcrCode, String operation, long amount, String changeDateTime,
                              Instant changedAt, LocalDate initialDay, long userId, String key) {
        return h.createUpdate("""
                        INSERT INTO fiscal_cash_deposits (counter_id, tcr_code, operation, amount, change_date_time, changed_at,
                               initial_day, user_id, status, idem_key)
                        VALUES (:c, :t, :op, :amount, :cdt, :at, :day, :u, 'PENDING', :key)
                        """)
                .bind("c", counterId).bind("t", tcrCode).bind("op", operation).bind("amount", amount).bind("cdt", changeDateTime)
                .bind("at", changedAt).bind("day", initialDay).bind("u", userId).bind("key", key)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static boolean hasInitial(Handle h, long counterId, LocalDate day) {
        return h.createQuery("SELECT COUNT(*) FROM fiscal_cash_deposits WHERE counter_id = :c AND initial_day = :d")
                .bind("c", counterId).bind("d", day).mapTo(Integer.class).one() > 0;
    }

    static Optional<DepositRow> deposit(Handle h, long id) {
        return h.createQuery("SELECT * FROM fiscal_cash_deposits WHERE id = :id").bind("id", id)
                .map((rs, x) -> new DepositRow(rs.getLong("id"), rs.getLong("counter_id"), rs.getString("tcr_code"),
                        rs.getString("operation"), rs.getLong("amount"), rs.getString("change_date_time"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant(), rs.getString("status"),
                        rs.getString("subseq_deliv_type"), rs.getString("fcdc"), rs.getInt("attempts"), rs.getString("last_error")))
                .findOne();
    }

    static List<Long> pendingDeposits(Handle h) {
        return h.createQuery("SELECT id FROM fiscal_cash_deposits WHERE status = 'PENDING' ORDER BY changed_at, id")
                .mapTo(Long.class).list();
    }

    static void depositDelivered(Handle h, long id, String fcdc, Instant now) {
        h.execute("""
                UPDATE fiscal_cash_deposits SET status = 'REGISTERED', fcdc = ?, delivered_at = ?, attempts = attempts + 1,
                       last_error = NULL
                WHERE id = ?
                """, fcdc, now, id);
    }

    static void depositFailed(Handle h, long id, String status, String subseq, String error) {
        h.execute("UPDATE fiscal_cash_deposits SET status = ?, subseq_deliv_type = ?, attempts = attempts + 1, last_error = ? WHERE id = ?",
                status, subseq, abbreviate(error), id);
    }

    private static InvoiceRow invoiceRow(ResultSet rs) throws SQLException {
        OffsetDateTime alerted = rs.getObject("alerted_at", OffsetDateTime.class);
        return new InvoiceRow(rs.getLong("id"), rs.getObject("payment_id", Long.class), rs.getObject("fee_sale_id", Long.class),
                rs.getString("branch_code"), rs.getLong("counter_id"),
                rs.getString("tcr_code"), rs.getString("busin_unit_code"), rs.getString("operator_code"), rs.getString("soft_code"),
                rs.getInt("inv_ord_num"), rs.getString("inv_num"), rs.getString("issue_date_time"),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(), rs.getString("pay_method"), rs.getString("item_name"),
                rs.getString("item_code"),
                rs.getLong("tot_price"), rs.getLong("tot_without_vat"), rs.getLong("tot_vat"), rs.getInt("vat_rate"),
                rs.getString("iic"), rs.getString("iic_signature"), rs.getString("status"), rs.getString("subseq_deliv_type"),
                rs.getString("fic"), rs.getInt("attempts"), rs.getString("last_error"),
                alerted == null ? null : alerted.toInstant(), rs.getInt("prints"), rs.getString("offline_nslf"),
                rs.getString("kind"), rs.getString("corrects_iic"), rs.getString("corrects_issue_date_time"),
                rs.getObject("clerk_id", Long.class), rs.getString("unfiscalized_reason"));
    }

    /** Error texts are kept to the column's 500 characters. */
    static String abbreviate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }
}
