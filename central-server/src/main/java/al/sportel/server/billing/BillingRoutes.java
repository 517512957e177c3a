package al.sportel.server.billing;

import al.sportel.model.BusinessTime;
import al.sportel.model.Money;
import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.model.billing.CashReport;
import al.sportel.model.billing.Payment;
import al.sportel.model.billing.ReceiptCheck;
import al.sportel.server.auth.Access;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.Idempotency;
import al.sportel.server.http.JsonBody;
import al.sportel.server.http.PathParams;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.Duration;
import java.time.Instant;

/** Customers, payments, receipts, voids and the cash report (API.md "Customers and payments"). */
public final class BillingRoutes {

    private final Database db;
    private final PaymentService payments;
    private final CashReports cash;
    private final Idempotency idempotency;
    private final ObjectMapper mapper;
    private final Clock clock;
    private PaymentHook paymentHook = PaymentHook.NONE;

    public BillingRoutes(Database db, PaymentService payments, Idempotency idempotency, ObjectMapper mapper, Clock clock) {
        this.db = db;
        this.payments = payments;
        this.cash = new CashReports(db);
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Fiscalization (or any other feature) sees every new payment; replays are not new payments. */
    public BillingRoutes withPaymentHook(PaymentHook hook) {
        this.paymentHook = hook;
        return this;
    }

    public void register(Javalin app) {
        app.get("/api/v1/customers/{code}", ctx -> {
            Access.requireStaff(ctx);
            String code = ctx.pathParam("code");
            if (code.length() > 20) {
                throw ApiException.notFound("No customer with that code");
            }
            ctx.json(payments.customer(code));
        });
        app.post("/api/v1/payments", this::pay);
        app.get("/api/v1/payments/{id}", ctx -> ctx.json(payments.get(Access.requireStaff(ctx), PathParams.id(ctx, "id", "payment"))));
        app.get("/api/v1/payments/{id}/receipt.pdf", this::receipt);
        app.post("/api/v1/payments/{id}/void", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            long id = PathParams.id(ctx, "id", "payment");
            JsonBody body = JsonBody.of(ctx, mapper);
            String reason = body.requiredString("reason", 500);
            body.validate();
            idempotency.handleIfKeyed(ctx, "payment-voids", user, h -> payments.voidPayment(h, user, id, reason));
        });
        app.get("/api/v1/reports/cash", this::cashReport);
        app.get("/api/v1/public/receipts/{number}", ctx -> ctx.json(verify(ctx.pathParam("number"))));
    }

    private void pay(Context ctx) {
        UserInfo user = Access.requireStaff(ctx);
        Idempotency.requireKey(ctx);
        JsonBody body = JsonBody.of(ctx, mapper);
        String customer = body.requiredString("customerCode", 20);
        Long amount = body.requiredMoney("amount");
        String method = body.requiredChoice("method", "CASH", "CARD");
        Long counterId = body.requiredId("counterId");
        String ticketId = body.optionalString("ticketId", 32);
        Long tendered = null;
        if ("CASH".equals(method)) {
            tendered = body.requiredMoney("tendered");
            if (tendered != null && amount != null && tendered < amount) {
                body.addError("tendered", "is less than the amount");
            }
        }
        boolean offline = body.optionalBoolean("offline", false);
        Instant takenAt = body.optionalInstant("takenAt");
        if (takenAt != null && !offline) {
            body.addError("takenAt", "is only accepted with offline: true");
        }
        if (takenAt != null && takenAt.isAfter(Instant.now().plus(Duration.ofMinutes(10)))) {
            body.addError("takenAt", "is in the future");
        }
        body.validate();
        PaymentService.Request request = new PaymentService.Request(customer, amount, PaymentService.Method.valueOf(method),
                tendered, counterId, ticketId, offline, takenAt);
        Payment[] created = new Payment[1];
        idempotency.handle(ctx, "payments", user, h -> {
            created[0] = payments.pay(h, user, request);
            paymentHook.inTransaction(h, created[0]);
            return created[0];
        });
        if (created[0] != null) {
            paymentHook.afterCommit(created[0]);
        }
    }

    private void receipt(Context ctx) {
        UserInfo user = Access.requireStaff(ctx);
        Payment p = payments.get(user, PathParams.id(ctx, "id", "payment"));
        ReceiptPdf.Context c = db.read(h -> h.createQuery("""
                        SELECT b.name, b.address, c.counter_number, cu.name AS customer
                        FROM payments p JOIN branches b ON b.code = p.branch_code JOIN counters c ON c.id = p.counter_id
                        JOIN customers cu ON cu.code = p.customer_code WHERE p.id = :id
                        """)
                .bind("id", p.id())
                .map((rs, x) -> new ReceiptPdf.Context(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        publicBase(ctx) + "/public/receipts/" + p.receiptNumber()))
                .one());
        boolean english = "en".equals(ctx.queryParam("lang"));
        byte[] pdf = ReceiptPdf.render(p, c, english, paymentHook.receiptAddition(p, english).orElse(null));
        ctx.contentType("application/pdf").header("Content-Disposition", "inline; filename=\"" + p.receiptNumber() + ".pdf\"").result(pdf);
    }

    private void cashReport(Context ctx) {
        UserInfo user = Access.requireStaff(ctx);
        String rawCounter = ctx.queryParam("counterId");
        long counterId;
        try {
            counterId = Long.parseLong(String.valueOf(rawCounter));
        } catch (NumberFormatException e) {
            throw ApiException.invalid("counterId", "is required and must be a counter id");
        }
        LocalDate date;
        try {
            String d = ctx.queryParam("date");
            date = d == null || d.isBlank() ? LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE) : LocalDate.parse(d);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("date", "must be a date like 2026-11-25");
        }
        CashReport r = cash.forCounter(counterId, date);
        Access.requireBranch(user, r.branchCode());
        if ("csv".equals(ctx.queryParam("format"))) {
            ctx.contentType("text/csv; charset=utf-8").result(CashReports.csv(r));
        } else {
            ctx.json(r);
        }
    }

    /** What anyone holding the receipt may see: that it exists, its amount and date — nothing personal. */
    ReceiptCheck verify(String number) {
        if (number.length() > 30) {
            throw ApiException.notFound("No receipt with that number");
        }
        return db.read(h -> h.createQuery("""
                        SELECT p.receipt_number, p.amount, p.created_at, b.name,
                               (SELECT COUNT(*) FROM payment_voids v WHERE v.payment_id = p.id) AS voids
                        FROM payments p JOIN branches b ON b.code = p.branch_code WHERE p.receipt_number = :n
                        """)
                .bind("n", number)
                .map((rs, x) -> new ReceiptCheck(rs.getString(1), Money.format(rs.getLong(2)),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getInt(5) > 0))
                .findOne()
                .orElseThrow(() -> ApiException.notFound("No receipt " + number)));
    }

    private static String publicBase(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }
}
