package al.sportel.server.fiscal;

import al.sportel.model.Money;
import al.sportel.model.UserInfo;
import al.sportel.model.Role;
import al.sportel.model.fiscal.FiscalCashDeposit;
import al.sportel.model.fiscal.FiscalOrdinalBlock;
import al.sportel.model.fiscal.FiscalPending;
import al.sportel.model.fiscal.FiscalReceipt;
import al.sportel.model.fiscal.FiscalTcr;
import al.sportel.model.fiscal.OfflineNslf;
import al.sportel.server.auth.Access;
import al.sportel.server.billing.CounterHolding;
import al.sportel.server.billing.ReceiptAddition;
import al.sportel.model.billing.Payment;
import al.sportel.model.fiscal.Iic;
import al.sportel.server.db.Database;
import al.sportel.server.fiscal.FiscalGateway.CashDepositRegistration;
import al.sportel.server.fiscal.FiscalGateway.CashOperation;
import al.sportel.server.fiscal.FiscalGateway.Corrects;
import al.sportel.server.fiscal.FiscalGateway.InvoiceRegistration;
import al.sportel.server.fiscal.FiscalGateway.Item;
import al.sportel.server.fiscal.FiscalGateway.PayMethod;
import al.sportel.server.fiscal.FiscalGateway.Refused;
import al.sportel.server.fiscal.FiscalGateway.Seller;
import al.sportel.server.fiscal.FiscalGateway.SubseqDelivType;
import al.sportel.server.fiscal.FiscalGateway.TcrRegistration;
import al.sportel.server.fiscal.FiscalGateway.Unreachable;
import al.sportel.server.fiscal.FiscalQueries.DepositRow;
import al.sportel.server.fiscal.FiscalQueries.InvoiceRow;
import al.sportel.server.fiscal.FiscalQueries.TcrRow;
import al.sportel.server.http.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fiscalization of the counters' receipts (docs/fiscal.md). The IIC is computed on the server, inside the
 * payment's transaction, so every receipt has its NSLF whatever happens next; the authority is asked for
 * the NIVF after commit. When it cannot be reached the receipt waits as PENDING and is delivered later with
 * a SubseqDelivType; 36 hours after issue a waiting receipt raises an alert, 48 hours is the legal limit.
 */
public final class FiscalService {

    public static final Duration DEADLINE = Duration.ofHours(48);
    public static final Duration ALERT_AFTER = Duration.ofHours(36);
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final String INVOICES = "fiscal_invoices";
    private static final String DEPOSITS = "fiscal_cash_deposits";

    private static final Logger log = LoggerFactory.getLogger(FiscalService.class);

    /** Builds the client for the current settings; the tests and production both use {@link SoapFiscalGateway}. */
    public interface GatewayFactory {
        FiscalGateway open(FiscalSettings settings, TaxpayerKey key);
    }

    private final Database db;
    private final Clock clock;
    private final GatewayFactory gateways;
    private final KeyCache keys = new KeyCache();

    public FiscalService(Database db, Clock clock, GatewayFactory gateways) {
        this.db = db;
        this.clock = clock;
        this.gateways = gateways;
    }

    public static GatewayFactory soap(Clock clock) {
        return (s, key) -> new SoapFiscalGateway(s.endpoint(), key, Duration.ofMillis(s.timeoutMillis()), clock);
    }

    public FiscalSettings settings() {
        return db.read(FiscalQueries::settings);
    }

    public FiscalSettings saveSettings(FiscalSettings s) {
        if (s.enabled()) {
            TaxpayerKey key;
            try {
                key = keys.get(s);
            } catch (RuntimeException e) {
                log.warn("fiscal settings refused: {}", e.getMessage());
                throw ApiException.invalid("keystorePath", "could not be read with the password in keystorePasswordFile");
            }
            List<String> problems = key.problems(clock.instant(), s.nuis());
            if (!problems.isEmpty()) {
                throw ApiException.invalid("keystorePath", String.join("; ", problems));
            }
        }
        db.tx(h -> {
            FiscalQueries.saveSettings(h, s, clock.instant());
            return null;
        });
        return settings();
    }

    /**
     * At start: with fiscalization on, says loudly in the log when the taxpayer certificate cannot sign receipts
     * (unreadable, expired, another NUIS, a broken chain) or ends within 30 days. Answers the problems found.
     */
    public List<String> checkCertificate() {
        FiscalSettings s = settings();
        if (!s.enabled()) {
            return List.of();
        }
        List<String> problems;
        try {
            TaxpayerKey key = keys.get(s);
            problems = key.problems(clock.instant(), s.nuis());
            if (problems.isEmpty() && key.expiresSoon(clock.instant())) {
                log.warn("FISCAL: the taxpayer certificate ends on {}; renew it before then (docs/fiscal.md)", key.validUntil());
            }
        } catch (RuntimeException e) {
            problems = List.of(e.getMessage());
        }
        for (String p : problems) {
            log.error("FISCAL: receipts cannot be fiscalized: {} (docs/fiscal.md, \"From the test endpoint to production\")", p);
        }
        return problems;
    }

    public void setBusinessUnit(String branch, String code) {
        db.tx(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM branches WHERE code = :b").bind("b", branch).mapTo(Integer.class).one() == 0) {
                throw ApiException.notFound("No branch " + branch);
            }
            FiscalQueries.setBusinessUnit(h, branch, code);
            return null;
        });
    }

    public void setOperator(long userId, String code) {
        db.tx(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM users WHERE id = :u").bind("u", userId).mapTo(Integer.class).one() == 0) {
                throw ApiException.notFound("No user " + userId);
            }
            FiscalQueries.setOperator(h, userId, code);
            return null;
        });
    }

    // ---- TCR and cash deposits ----

    /** RegisterTCR once per counter; a second call answers the stored code. */
    public FiscalTcr registerTcr(UserInfo user, long counterId) {
        TcrRow counter = counter(user, counterId);
        if (counter.tcrCode() != null) {
            return new FiscalTcr(counterId, counter.tcrCode(), counter.businUnitCode());
        }
        FiscalSettings s = readySettings();
        String bu = db.read(h -> FiscalQueries.businessUnit(h, counter.branchCode()))
                .orElseThrow(() -> ApiException.conflict("fiscal-no-business-unit",
                        "Centre " + counter.branchCode() + " has no business unit code yet"));
        String code = call(() -> gateway(s).registerTcr(new TcrRegistration(s.nuis(), bu,
                counter.branchCode() + "-" + counter.counterNumber(), s.softCode(), s.maintainerCode(),
                LocalDate.ofInstant(clock.instant(), FiscalFormats.ZONE))));
        db.tx(h -> {
            FiscalQueries.saveTcr(h, counterId, code, bu, clock.instant());
            return null;
        });
        log.info("counter {} registered as TCR {}", counterId, code);
        return new FiscalTcr(counterId, code, bu);
    }

    /**
     * Records a cash deposit and registers it; when the authority cannot be reached it stays PENDING and
     * goes out later, so the clerk is never held up. INITIAL is once per counter and day.
     */
    public FiscalCashDeposit cashDeposit(UserInfo user, long counterId, CashOperation op, long amount) {
        TcrRow counter = counter(user, counterId);
        if (counter.tcrCode() == null) {
            throw ApiException.conflict("fiscal-no-tcr", "Counter " + counter.counterNumber() + " is not registered as a TCR yet");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate day = LocalDate.ofInstant(now, FiscalFormats.ZONE);
        long id = db.tx(h -> {
            if (op == CashOperation.INITIAL && FiscalQueries.hasInitial(h, counterId, day)) {
                throw ApiException.conflict("fiscal-initial-done", "Today's initial cash is already registered for this counter");
            }
            return FiscalQueries.insertDeposit(h, counterId, counter.tcrCode(), op.name(), amount, FiscalFormats.dateTime(now), now,
                    op == CashOperation.INITIAL ? day : null, user.id());
        });
        deliverDeposit(id);
        return depositView(db.read(h -> FiscalQueries.deposit(h, id)).orElseThrow());
    }

    /** Today's drawer for the desktop: whether it must ask for the initial cash, and whether it was given. */
    public record DrawerToday(boolean required, boolean initialRegistered) {
    }

    /**
     * {@code required} only when fiscalization is on and the counter is a TCR: otherwise the desktop does not
     * ask the clerk for cash the authority would never be told about.
     */
    public DrawerToday initialRegisteredToday(UserInfo user, long counterId) {
        TcrRow counter = counter(user, counterId);
        LocalDate day = LocalDate.ofInstant(clock.instant(), FiscalFormats.ZONE);
        boolean registered = db.read(h -> FiscalQueries.hasInitial(h, counterId, day));
        return new DrawerToday(settings().enabled() && counter.tcrCode() != null, registered);
    }

    // ---- receipts ----

    /**
     * Inside the payment's transaction: numbers the invoice and computes its IIC. Anything missing in the
     * set-up is logged and the payment goes on unfiscalized — money taken is never refused.
     */
    public void issue(Handle h, Payment p, OfflineNslf printedOffline) {
        if (FiscalQueries.settings(h).fiscalizeBillPayments()) {
            issue(h, FiscalSale.of(p), printedOffline);
        }
    }

    /**
     * Inside the sale's transaction (a bill payment or a fee sale): numbers the invoice and computes its IIC.
     * Answers whether it was fiscalized; anything missing in the set-up is logged and the sale goes on.
     */
    public boolean issue(Handle h, FiscalSale sale) {
        return issue(h, sale, null);
    }

    /**
     * With {@code printedOffline}: the NSLF a counter printed while cut off (ADR 0007 section 3). It is kept only
     * when its ordinal lies in a block handed to that counter, is unused, and the server's own IIC over the same
     * fields equals it; otherwise the server numbers the invoice itself and flags the slip for a reprint.
     */
    public boolean issue(Handle h, FiscalSale sale, OfflineNslf printedOffline) {
        FiscalSettings s = FiscalQueries.settings(h);
        if (!s.enabled()) {
            return false;
        }
        Optional<String> problem = setupProblem(h, s, sale);
        if (problem.isPresent()) {
            log.warn("sale {} not fiscalized: {}", sale.reference(), problem.get());
            return false;
        }
        TaxpayerKey key;
        try {
            key = keys.get(s);
        } catch (RuntimeException e) {
            log.error("sale {} not fiscalized: {}", sale.reference(), e.getMessage(), e);
            return false;
        }
        TcrRow tcr = FiscalQueries.counter(h, sale.counterId()).orElseThrow();
        String operator = FiscalQueries.operatorCode(h, sale.clerkId()).orElseThrow();
        Instant issuedAt = sale.takenAt().truncatedTo(ChronoUnit.SECONDS);
        String issue = FiscalFormats.dateTime(issuedAt);
        int year = issuedAt.atZone(FiscalFormats.ZONE).getYear();
        long total = sale.total();
        OfflineNslf client = sale.offline() ? printedOffline : null;
        boolean accepted = client != null && FiscalQueries.ordinalFree(h, sale.counterId(), tcr.tcrCode(), year, client.invOrdNum())
                && sameIic(client, Iic.compute(Iic.input(s.nuis(), issue, s.invNumMode().forIic(client.invOrdNum(),
                        client.invOrdNum() + "/" + year + "/" + tcr.tcrCode()), tcr.businUnitCode(), tcr.tcrCode(), s.softCode(),
                        FiscalFormats.amount(total)), key.privateKey()));
        int ordinal = accepted ? client.invOrdNum() : FiscalQueries.nextOrdinal(h, tcr.tcrCode(), year);
        String invNum = ordinal + "/" + year + "/" + tcr.tcrCode();
        int rate = !s.issuerInVat() ? 0 : sale.vatRate() != null ? sale.vatRate() : s.vatRate();
        long net = BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(10_000))
                .divide(BigDecimal.valueOf(10_000L + rate), 0, RoundingMode.HALF_UP).longValueExact();
        Iic iic = Iic.compute(Iic.input(s.nuis(), issue, s.invNumMode().forIic(ordinal, invNum), tcr.businUnitCode(),
                tcr.tcrCode(), s.softCode(), FiscalFormats.amount(total)), key.privateKey());
        String item = sale.itemName();
        long invoiceId = FiscalQueries.insertInvoice(h, new InvoiceRow(0, sale.paymentId(), sale.feeSaleId(), sale.branchCode(), sale.counterId(),
                tcr.tcrCode(), tcr.businUnitCode(), operator, s.softCode(), ordinal, invNum, issue, issuedAt,
                sale.cash() ? "BANKNOTE" : "CARD", item.length() > 50 ? item.substring(0, 50) : item, sale.itemCode(), total, net,
                total - net, rate, iic.code(), iic.signature(), "PENDING", sale.offline() ? SubseqDelivType.NOINTERNET.name() : null,
                null, 0, null, null, 0, null, "SALE", null, null));
        if (client != null) {
            FiscalQueries.markOfflineNslf(h, invoiceId, accepted, client.iic());
            if (!accepted) {
                log.warn("sale {}: the NSLF {} printed offline (ordinal {}) is not valid; issued {} instead, the slip must be reprinted",
                        sale.reference(), client.iic(), client.invOrdNum(), invNum);
            }
        }
        return true;
    }

    private static boolean sameIic(OfflineNslf client, Iic server) {
        return server.code().equalsIgnoreCase(client.iic()) && server.signature().equalsIgnoreCase(client.iicSignature());
    }

    /** Ordinals a counter reserves at once for its offline receipts (ADR 0007 section 3). */
    public static final int BLOCK_SIZE = 50;
    /** Below this many free ordinals a block counts as used up (the desktop's OfflineNslfIssuer.LOW). */
    public static final int BLOCK_LOW = 10;
    /** New blocks a counter may get in one day: each burns BLOCK_SIZE ordinals of the TCR's year. */
    public static final int BLOCKS_PER_DAY = 5;

    /**
     * Hands the counter a block of ordinals for receipts it may have to issue offline with a counter key,
     * with the fields it needs for the IIC. Only the clerk holding the counter (or a supervisor) asks.
     */
    public FiscalOrdinalBlock reserveBlock(UserInfo user, long counterId) {
        TcrRow counter = counter(user, counterId);
        FiscalSettings s = readySettings();
        if (counter.tcrCode() == null) {
            throw ApiException.conflict("fiscal-no-tcr", "Counter " + counter.counterNumber() + " is not registered as a TCR yet");
        }
        Instant now = clock.instant();
        int year = now.atZone(FiscalFormats.ZONE).getYear();
        return db.tx(h -> {
            if (user.role() == Role.CLERK && !CounterHolding.holds(h, user.id(), counterId, null)) {
                throw ApiException.forbidden("Only the clerk holding the counter reserves its receipt numbers");
            }
            String operator = FiscalQueries.operatorCode(h, user.id()).orElseThrow(() -> ApiException.conflict("fiscal-no-operator",
                    "User " + user.username() + " has no operator code"));
            // the block the counter still has is handed again: asking twice must not burn ordinals
            Optional<FiscalQueries.Block> current = FiscalQueries.latestBlock(h, counterId, counter.tcrCode(), year)
                    .filter(b -> b.free() >= BLOCK_LOW);
            if (current.isPresent()) {
                return new FiscalOrdinalBlock(counterId, s.nuis(), s.legalName(), counter.businUnitCode(), counter.tcrCode(), s.softCode(),
                        operator, s.invNumMode().name(), s.environment().verifyBase(), year, current.get().first(), current.get().last());
            }
            ZonedDateTime midnight = now.atZone(FiscalFormats.ZONE).toLocalDate().atStartOfDay(FiscalFormats.ZONE);
            if (FiscalQueries.blocksSince(h, counterId, midnight.toInstant()) >= BLOCKS_PER_DAY) {
                throw ApiException.tooManyRequests("Counter " + counter.counterNumber() + " already had " + BLOCKS_PER_DAY
                        + " blocks of receipt numbers today; ask a supervisor", Duration.between(now, midnight.plusDays(1)).toSeconds());
            }
            int first = FiscalQueries.reserveBlock(h, counterId, counter.tcrCode(), year, BLOCK_SIZE, now, user.id());
            log.info("counter {} (TCR {}) reserved ordinals {}-{} of {} for offline receipts", counterId, counter.tcrCode(), first,
                    first + BLOCK_SIZE - 1, year);
            return new FiscalOrdinalBlock(counterId, s.nuis(), s.legalName(), counter.businUnitCode(), counter.tcrCode(), s.softCode(),
                    operator, s.invNumMode().name(), s.environment().verifyBase(), year, first, first + BLOCK_SIZE - 1);
        });
    }

    private static Optional<String> setupProblem(Handle h, FiscalSettings s, FiscalSale sale) {
        if (!s.missing().isEmpty()) {
            return Optional.of("settings incomplete: " + s.missing());
        }
        Optional<TcrRow> tcr = FiscalQueries.counter(h, sale.counterId());
        if (tcr.isEmpty() || tcr.get().tcrCode() == null) {
            return Optional.of("counter " + sale.counterId() + " is not registered as a TCR");
        }
        if (FiscalQueries.operatorCode(h, sale.clerkId()).isEmpty()) {
            return Optional.of("clerk " + sale.clerkUsername() + " has no operator code");
        }
        return Optional.empty();
    }

    /**
     * Inside a void's transaction: a fiscalized (or waiting) payment gets its corrective invoice, the same line with
     * negative amounts referring to the original's IIC, numbered and signed now on the payment's TCR. Like a sale,
     * a set-up problem is logged and never stops the void.
     */
    public void correct(Handle h, Payment p, UserInfo voidedBy) {
        FiscalSettings s = FiscalQueries.settings(h);
        Optional<InvoiceRow> original = FiscalQueries.invoiceForPayment(h, p.id(), "SALE");
        if (!s.enabled() || original.isEmpty() || FiscalQueries.invoiceForPayment(h, p.id(), "CORRECTIVE").isPresent()) {
            return;
        }
        InvoiceRow o = original.get();
        if ("REFUSED".equals(o.status())) {
            // the authority never accepted the original, so there is nothing to correct there; the refused
            // receipt stays on the pending list for the supervisor to sort out with the authority
            log.warn("void of payment {}: no corrective invoice, the original {} was refused by the authority ({})", p.id(),
                    o.invNum(), o.lastError());
            return;
        }
        TaxpayerKey key;
        try {
            key = keys.get(s);
        } catch (RuntimeException e) {
            log.error("void of payment {}: no corrective invoice for {}: {}", p.id(), o.invNum(), e.getMessage(), e);
            return;
        }
        // the supervisor who voids is the operator when the authority gave them a code; otherwise the original's
        String operator = FiscalQueries.operatorCode(h, voidedBy.id()).orElse(o.operatorCode());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String issue = FiscalFormats.dateTime(now);
        int year = now.atZone(FiscalFormats.ZONE).getYear();
        int ordinal = FiscalQueries.nextOrdinal(h, o.tcrCode(), year);
        String invNum = ordinal + "/" + year + "/" + o.tcrCode();
        Iic iic = Iic.compute(Iic.input(s.nuis(), issue, s.invNumMode().forIic(ordinal, invNum), o.businUnitCode(), o.tcrCode(),
                o.softCode(), FiscalFormats.amount(-o.totPrice())), key.privateKey());
        FiscalQueries.insertInvoice(h, new InvoiceRow(0, o.paymentId(), null, o.branchCode(), o.counterId(), o.tcrCode(),
                o.businUnitCode(), operator, o.softCode(), ordinal, invNum, issue, now, o.payMethod(), o.itemName(), o.itemCode(),
                -o.totPrice(), -o.totWithoutVat(), -o.totVat(), o.vatRate(), iic.code(), iic.signature(), "PENDING", null, null, 0,
                null, null, 0, null, "CORRECTIVE", o.iic(), o.issueDateTime()));
        log.info("void of payment {}: corrective invoice {} for {}", p.id(), invNum, o.invNum());
    }

    /** After a void's commit: asks for the corrective invoice's NIVF now. */
    public void deliverCorrective(long paymentId) {
        db.read(h -> FiscalQueries.invoiceForPayment(h, paymentId, "CORRECTIVE")).ifPresent(r -> deliverInvoice(r.id()));
    }

    public Optional<FiscalReceipt> corrective(UserInfo user, long paymentId) {
        return receipt(user, h -> FiscalQueries.invoiceForPayment(h, paymentId, "CORRECTIVE"));
    }

    /** After commit: asks for the NIVF now, so the first print usually carries it. */
    public void deliverForPayment(long paymentId) {
        db.read(h -> FiscalQueries.invoiceForPayment(h, paymentId)).ifPresent(r -> deliverInvoice(r.id()));
    }

    /** After commit of a fee sale: asks for the NIVF now. */
    public void deliverForFeeSale(long feeSaleId) {
        db.read(h -> FiscalQueries.invoiceForFeeSale(h, feeSaleId)).ifPresent(r -> deliverInvoice(r.id()));
    }

    public Optional<FiscalReceipt> receipt(UserInfo user, long paymentId) {
        return receipt(user, h -> FiscalQueries.invoiceForPayment(h, paymentId));
    }

    public Optional<FiscalReceipt> feeSaleReceipt(UserInfo user, long feeSaleId) {
        return receipt(user, h -> FiscalQueries.invoiceForFeeSale(h, feeSaleId));
    }

    private Optional<FiscalReceipt> receipt(UserInfo user, Function<Handle, Optional<InvoiceRow>> find) {
        return db.read(h -> {
            Optional<InvoiceRow> r = find.apply(h);
            r.ifPresent(row -> Access.requireBranch(user, row.branchCode()));
            FiscalSettings s = FiscalQueries.settings(h);
            return r.map(row -> receiptView(row, s));
        });
    }

    /** The slip's fiscal part; counts the print, so every print after the first says KOPJE. */
    public Optional<FiscalSlip> slip(long paymentId) {
        return slip(h -> FiscalQueries.invoiceForPayment(h, paymentId));
    }

    /** The fiscal lines of a fee sale's receipt (counted as a print, like a payment's). */
    public Optional<ReceiptAddition> feeSaleReceiptLines(long feeSaleId, boolean english) {
        return slip(h -> FiscalQueries.invoiceForFeeSale(h, feeSaleId)).map(slip -> FiscalReceiptLines.of(slip, english));
    }

    private Optional<FiscalSlip> slip(Function<Handle, Optional<InvoiceRow>> find) {
        return db.tx(h -> find.apply(h).map(r -> {
            FiscalSettings s = FiscalQueries.settings(h);
            int prints = FiscalQueries.countPrint(h, r.id());
            return new FiscalSlip(s.legalName(), s.nuis(), s.address() + ", " + s.town(), r.businUnitCode(), r.tcrCode(),
                    r.operatorCode(), r.invNum(), r.issuedAt(), r.itemName(), Money.format(r.totWithoutVat()),
                    Money.format(r.totVat()), BigDecimal.valueOf(r.vatRate(), 2).toPlainString(), Money.format(r.totPrice()),
                    r.payMethod(), r.iic(), r.fic(), verifyUrl(r, s), prints > 1);
        }));
    }

    public FiscalPending pending(String branch) {
        Instant now = clock.instant();
        return db.read(h -> {
            FiscalSettings s = FiscalQueries.settings(h);
            List<FiscalReceipt> list = FiscalQueries.undelivered(h, branch).stream().map(r -> receiptView(r, s)).toList();
            int alerts = (int) list.stream().filter(FiscalReceipt::alert).count();
            int overdue = (int) list.stream().filter(r -> !"FISCALIZED".equals(r.status()) && !now.isBefore(r.deadline())).count();
            return new FiscalPending(alerts, overdue, list);
        });
    }

    // ---- delivery ----

    /** Sends what waits — deposits first, since an INITIAL deposit must precede the day's receipts. */
    public int deliverPending() {
        if (!settings().enabled()) {
            return 0;
        }
        int delivered = 0;
        for (long id : db.read(FiscalQueries::pendingDeposits)) {
            deliverDeposit(id);
        }
        for (long id : db.read(FiscalQueries::pendingInvoices)) {
            if (deliverInvoice(id)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** Logs (once per receipt) every receipt still without NIVF 36 hours after issue; answers how many are alerting. */
    public int checkDeadlines() {
        Instant now = clock.instant();
        List<InvoiceRow> late = db.read(h -> FiscalQueries.unalertedOlderThan(h, now.minus(ALERT_AFTER)));
        for (InvoiceRow r : late) {
            log.warn("FISCAL ALERT: receipt {} (payment {}, fee sale {}, centre {}) issued {} has no NIVF yet; the 48-hour limit ends {} ({}: {})",
                    r.invNum(), r.paymentId(), r.feeSaleId(), r.branchCode(), r.issueDateTime(), r.issuedAt().plus(DEADLINE), r.status(), r.lastError());
            db.tx(h -> {
                FiscalQueries.markAlerted(h, r.id(), now);
                return null;
            });
        }
        return pending(null).alerts();
    }

    private boolean deliverInvoice(long id) {
        if (!claim(INVOICES, id)) {
            return false;
        }
        try {
            InvoiceRow r = db.read(h -> FiscalQueries.invoice(h, id)).orElseThrow();
            FiscalSettings s = settings();
            if (!"PENDING".equals(r.status()) || !s.enabled() || heldForOriginal(r)) {
                return false;
            }
            SubseqDelivType subseq = r.subseqDelivType() == null ? null : SubseqDelivType.valueOf(r.subseqDelivType());
            Instant now = clock.instant();
            if (subseq == null && Duration.between(r.issuedAt(), now).compareTo(Duration.ofMinutes(2)) > 0) {
                // never sent at issue (a restart in between): late for a reason on our side
                subseq = SubseqDelivType.TECHNICALERROR;
            }
            String send = subseq == null ? r.issueDateTime() : FiscalFormats.dateTime(now);
            InvoiceRegistration request = new InvoiceRegistration(send, subseq, r.issueDateTime(), r.invNum(), r.invOrdNum(),
                    r.tcrCode(), s.issuerInVat(), r.operatorCode(), r.businUnitCode(), r.softCode(), r.iic(), r.iicSignature(),
                    PayMethod.valueOf(r.payMethod()), new Seller(s.nuis(), s.legalName(), s.address(), s.town()),
                    List.of(new Item(r.itemName(), r.itemCode(), r.totPrice(), r.totWithoutVat(), r.totVat(), r.vatRate())),
                    r.correctsIic() == null ? null : new Corrects(r.correctsIic(), r.correctsIssueDateTime()));
            SubseqDelivType sent = subseq;
            try {
                String fic = gateway(s).registerInvoice(request);
                db.tx(h -> {
                    FiscalQueries.invoiceDelivered(h, id, fic, clock.instant());
                    return null;
                });
                log.info("receipt {} fiscalized, NIVF {}{}", r.invNum(), fic, sent == null ? "" : " (" + sent + ")");
                return true;
            } catch (Unreachable e) {
                failed(r, "PENDING", orElse(sent, SubseqDelivType.NOINTERNET), e.getMessage());
            } catch (Refused e) {
                if (e.serverSide()) {
                    failed(r, "PENDING", orElse(sent, SubseqDelivType.SERVICE), e.code() + ": " + e.getMessage());
                } else {
                    failed(r, "REFUSED", sent, e.code() + ": " + e.getMessage());
                }
            } catch (RuntimeException e) {
                log.error("receipt {} could not be sent", r.invNum(), e);
                failed(r, "PENDING", orElse(sent, SubseqDelivType.TECHNICALERROR), e.getMessage());
            }
            return false;
        } finally {
            release(INVOICES, id);
        }
    }

    /**
     * A corrective waits until the authority has its original: it refers to the original's IIC, which the
     * authority only knows once fiscalized. The delivery round takes receipts oldest first, so the original's
     * late delivery comes before its corrective in the same round.
     */
    private boolean heldForOriginal(InvoiceRow r) {
        if (!"CORRECTIVE".equals(r.kind()) || r.paymentId() == null) {
            return false;
        }
        boolean held = db.read(h -> FiscalQueries.invoiceForPayment(h, r.paymentId(), "SALE"))
                .map(o -> !"FISCALIZED".equals(o.status())).orElse(false);
        if (held) {
            log.info("corrective {} held until its original is fiscalized", r.invNum());
        }
        return held;
    }

    private void failed(InvoiceRow r, String status, SubseqDelivType subseq, String error) {
        log.warn("receipt {} not fiscalized yet ({}): {}", r.invNum(), status, error);
        db.tx(h -> {
            FiscalQueries.invoiceFailed(h, r.id(), status, subseq == null ? null : subseq.name(), error);
            return null;
        });
    }

    private void deliverDeposit(long id) {
        if (!claim(DEPOSITS, id)) {
            return;
        }
        try {
            DepositRow d = db.read(h -> FiscalQueries.deposit(h, id)).orElseThrow();
            FiscalSettings s = settings();
            if (!"PENDING".equals(d.status()) || !s.enabled()) {
                return;
            }
            SubseqDelivType subseq = d.subseqDelivType() == null ? null : SubseqDelivType.valueOf(d.subseqDelivType());
            if (subseq == null && Duration.between(d.changedAt(), clock.instant()).compareTo(Duration.ofMinutes(2)) > 0) {
                subseq = SubseqDelivType.TECHNICALERROR;
            }
            SubseqDelivType sent = subseq;
            String status = "PENDING";
            SubseqDelivType next = sent;
            String error;
            try {
                String fcdc = gateway(s).registerCashDeposit(new CashDepositRegistration(s.nuis(), d.tcrCode(),
                        CashOperation.valueOf(d.operation()), d.amount(), d.changeDateTime(), sent));
                db.tx(h -> {
                    FiscalQueries.depositDelivered(h, id, fcdc, clock.instant());
                    return null;
                });
                return;
            } catch (Unreachable e) {
                next = orElse(sent, SubseqDelivType.NOINTERNET);
                error = e.getMessage();
            } catch (Refused e) {
                if (e.serverSide()) {
                    next = orElse(sent, SubseqDelivType.SERVICE);
                } else {
                    status = "REFUSED";
                }
                error = e.code() + ": " + e.getMessage();
            } catch (RuntimeException e) {
                log.error("cash deposit {} could not be sent", id, e);
                next = orElse(sent, SubseqDelivType.TECHNICALERROR);
                error = e.getMessage();
            }
            log.warn("cash deposit {} of counter {} not registered yet ({}): {}", id, d.counterId(), status, error);
            String st = status;
            String sub = next == null ? null : next.name();
            db.tx(h -> {
                FiscalQueries.depositFailed(h, id, st, sub, error);
                return null;
            });
        } finally {
            release(DEPOSITS, id);
        }
    }

    /** One sender per row across server instances; a crashed sender's claim runs out after a while. */
    private boolean claim(String table, long id) {
        Instant now = clock.instant();
        return db.tx(h -> FiscalQueries.claim(h, table, id, now, now.plus(CLAIM)));
    }

    private void release(String table, long id) {
        db.tx(h -> {
            FiscalQueries.release(h, table, id);
            return null;
        });
    }

    // ---- helpers ----

    private TcrRow counter(UserInfo user, long counterId) {
        TcrRow c = db.read(h -> FiscalQueries.counter(h, counterId)).orElseThrow(() -> ApiException.notFound("No counter " + counterId));
        Access.requireBranch(user, c.branchCode());
        return c;
    }

    private FiscalSettings readySettings() {
        FiscalSettings s = settings();
        if (!s.enabled() || !s.missing().isEmpty()) {
            throw ApiException.conflict("fiscal-not-configured", "Fiscalization is off or not fully configured: " + s.missing());
        }
        return s;
    }

    private FiscalGateway gateway(FiscalSettings s) {
        return gateways.open(s, keys.get(s));
    }

    /** A call the clerk or supervisor waits for: the authority's trouble becomes a 502/503 problem, not a 500. */
    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (Unreachable e) {
            throw new ApiException(503, "fiscal-unreachable", "The tax authority cannot be reached", e.getMessage(), List.of(), 60L);
        } catch (Refused e) {
            throw new ApiException(502, "fiscal-refused", "The tax authority refused the request",
                    "code " + e.code() + ": " + e.getMessage(), List.of(), null);
        }
    }

    private FiscalReceipt receiptView(InvoiceRow r, FiscalSettings s) {
        Instant deadline = r.issuedAt().plus(DEADLINE);
        boolean waiting = !"FISCALIZED".equals(r.status());
        Instant now = clock.instant();
        return new FiscalReceipt(r.paymentId(), r.invNum(), r.iic(), r.fic(), r.issueDateTime(), r.status(), r.subseqDelivType(),
                r.attempts(), r.lastError(), deadline, waiting ? Duration.between(now, deadline).toMinutes() : 0,
                waiting && !now.isBefore(r.issuedAt().plus(ALERT_AFTER)), verifyUrl(r, s), r.feeSaleId(), r.offlineNslf());
    }

    private static String verifyUrl(InvoiceRow r, FiscalSettings s) {
        return VerifyUrl.of(s.environment().verifyBase(), r.iic(), s.nuis(), r.issueDateTime(), r.invOrdNum(), r.businUnitCode(),
                r.tcrCode(), r.softCode(), FiscalFormats.amount(r.totPrice()));
    }

    private static FiscalCashDeposit depositView(DepositRow d) {
        return new FiscalCashDeposit(d.id(), d.counterId(), d.tcrCode(), d.operation(), Money.format(d.amount()), d.changeDateTime(),
                d.status(), d.subseqDelivType(), d.fcdc(), d.lastError());
    }

    private static SubseqDelivType orElse(SubseqDelivType a, SubseqDelivType b) {
        return a != null ? a : b;
    }
}
