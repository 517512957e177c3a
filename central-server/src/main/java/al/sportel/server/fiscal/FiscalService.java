package al.sportel.server.fiscal;

import al.sportel.model.UserInfo;
import al.sportel.model.billing.Payment;
import al.sportel.model.fiscal.FiscalOrdinalBlock;
import al.sportel.model.fiscal.FiscalPending;
import al.sportel.model.fiscal.FiscalReceipt;
import al.sportel.model.fiscal.FiscalTcr;
import al.sportel.model.fiscal.OfflineNslf;
import al.sportel.server.billing.ReceiptAddition;
import al.sportel.server.db.Database;
import al.sportel.server.fiscal.FiscalGateway.CashOperation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Fiscalization of the counters' receipts (docs/fiscal.md). The IIC is computed on the server, inside the
 * payment's transaction, so every receipt has its NSLF whatever happens next; the authority is asked for
 * the NIVF after commit. When it cannot be reached the receipt waits as PENDING and is delivered later with
 * a SubseqDelivType; 36 hours after issue a waiting receipt raises an alert, 48 hours is the legal limit. A sale
 * whose set-up is incomplete (no TCR, no operator code, an unreadable keystore) waits as UNFISCALIZED and is
 * issued late, with its own time, once the set-up is complete.
 *
 * <p>The one entry point for routes, payments, fees and operations; the work is done by the package's
 * collaborators: {@link FiscalSetup}, {@link FiscalTcrs}, {@link FiscalIssuer}, {@link OrdinalBlocks},
 * {@link FiscalCorrectives}, {@link FiscalDelivery} and {@link FiscalViews}.
 */
public final class FiscalService {

    public static final Duration DEADLINE = Duration.ofHours(48);
    public static final Duration ALERT_AFTER = Duration.ofHours(36);
    /** Ordinals a counter reserves at once for its offline receipts (ADR 0007 section 3). */
    public static final int BLOCK_SIZE = 50;
    /** Below this many free ordinals a block counts as used up (the desktop's OfflineNslfIssuer.LOW). */
    public static final int BLOCK_LOW = 10;
    /** New blocks a counter may get in one day: each burns BLOCK_SIZE ordinals of the TCR's year. */
    public static final int BLOCKS_PER_DAY = 5;

    /** Builds the client for the current settings; the tests and production both use {@link SoapFiscalGateway}. */
    public interface GatewayFactory {
        FiscalGateway open(FiscalSettings settings, TaxpayerKey key);
    }

    /** Today's drawer for the desktop: whether it must ask for the initial cash, and whether it was given. */
    public record DrawerToday(boolean required, boolean initialRegistered) {
    }

    private final FiscalSetup setup;
    private final FiscalDelivery delivery;
    private final FiscalTcrs tcrs;
    private final FiscalIssuer issuer;
    private final OrdinalBlocks blocks;
    private final FiscalCorrectives correctives;
    private final FiscalViews views;

    public FiscalService(Database db, Clock clock, GatewayFactory gateways) {
        this.setup = new FiscalSetup(db, clock, gateways);
        this.issuer = new FiscalIssuer(setup, clock);
        this.delivery = new FiscalDelivery(db, clock, setup, issuer);
        this.tcrs = new FiscalTcrs(db, clock, setup, delivery);
        this.blocks = new OrdinalBlocks(db, clock, setup);
        this.correctives = new FiscalCorrectives(clock, setup);
        this.views = new FiscalViews(db, clock);
    }

    public static GatewayFactory soap(Clock clock) {
        return (s, key) -> new SoapFiscalGateway(s.endpoint(), key, s.timeout(), clock);
    }

    // ---- settings and the taxpayer ----

    public FiscalSettings settings() {
        return setup.settings();
    }

    public FiscalSettings saveSettings(FiscalSettings s) {
        return setup.saveSettings(s);
    }

    /** At start: logs loudly when the taxpayer certificate cannot sign receipts; answers the problems found. */
    public List<String> checkCertificate() {
        return setup.checkCertificate();
    }

    public void setBusinessUnit(String branch, String code) {
        setup.setBusinessUnit(branch, code);
    }

    public void setOperator(long userId, String code) {
        setup.setOperator(userId, code);
    }

    // ---- TCR and cash deposits ----

    /** RegisterTCR once per counter; a second call answers the stored code. */
    public FiscalTcr registerTcr(UserInfo user, long counterId) {
        return tcrs.registerTcr(user, counterId);
    }

    /**
     * Records a cash deposit and registers it; when the authority cannot be reached it goes out later. With
     * {@code key} null, no resend protection (clients before the key).
     */
    public FiscalTcrs.Registered cashDeposit(UserInfo user, long counterId, CashOperation op, long amount, String key) {
        return tcrs.cashDeposit(user, counterId, op, amount, key);
    }

    public DrawerToday initialRegisteredToday(UserInfo user, long counterId) {
        return tcrs.initialRegisteredToday(user, counterId);
    }

    // ---- receipts ----

    /**
     * Inside the payment's transaction: numbers the invoice and computes its IIC; never refuses the payment.
     * Answers whether it was fiscalized.
     */
    public boolean issue(Handle h, Payment p, OfflineNslf printedOffline) {
        return issuer.issue(h, p, printedOffline);
    }

    /** Inside the sale's transaction (a bill payment or a fee sale); answers whether it was fiscalized. */
    public boolean issue(Handle h, FiscalSale sale) {
        return issuer.issue(h, sale, null);
    }

    /** With {@code printedOffline}: the NSLF a counter printed while cut off, kept only when it checks out. */
    public boolean issue(Handle h, FiscalSale sale, OfflineNslf printedOffline) {
        return issuer.issue(h, sale, printedOffline);
    }

    public FiscalOrdinalBlock reserveBlock(UserInfo user, long counterId, Integer nextOrdinal) {
        return blocks.reserveBlock(user, counterId, nextOrdinal);
    }

    /** Inside a void's transaction: the corrective invoice of a fiscalized (or waiting) payment. */
    public void correct(Handle h, Payment p, UserInfo voidedBy) {
        correctives.correct(h, p, voidedBy);
    }

    public void deliverCorrective(long paymentId) {
        delivery.deliverCorrective(paymentId);
    }

    public Optional<FiscalReceipt> corrective(UserInfo user, long paymentId) {
        return views.corrective(user, paymentId);
    }

    public void deliverForPayment(long paymentId) {
        delivery.deliverForPayment(paymentId);
    }

    public void deliverForFeeSale(long feeSaleId) {
        delivery.deliverForFeeSale(feeSaleId);
    }

    public Optional<FiscalReceipt> receipt(UserInfo user, long paymentId) {
        return views.receipt(user, paymentId);
    }

    public Optional<FiscalReceipt> feeSaleReceipt(UserInfo user, long feeSaleId) {
        return views.feeSaleReceipt(user, feeSaleId);
    }

    /** The slip's fiscal part; counts the print, so every print after the first says KOPJE. */
    public Optional<FiscalSlip> slip(long paymentId) {
        return views.slip(paymentId);
    }

    public Optional<ReceiptAddition> feeSaleReceiptLines(long feeSaleId, boolean english) {
        return views.feeSaleReceiptLines(feeSaleId, english);
    }

    public FiscalPending pending(String branch) {
        return views.pending(branch);
    }

    // ---- delivery ----

    /** Sends what waits, deposits first. */
    public int deliverPending() {
        return delivery.deliverPending();
    }

    /** Logs (once per receipt) every receipt still without NIVF 36 hours after issue; answers how many are alerting. */
    public int checkDeadlines() {
        delivery.alertLate();
        return views.pending(null).alerts();
    }
}
