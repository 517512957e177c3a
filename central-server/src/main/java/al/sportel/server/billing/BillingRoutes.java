package al.sportel.server.billing;

import al.sportel.model.BusinessTime;
import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.model.billing.CashReport;
import al.sportel.model.billing.Customer;
import al.sportel.model.billing.Payment;
import al.sportel.model.billing.PaymentRequest;
import al.sportel.model.fiscal.OfflineNslf;
import al.sportel.server.auth.Access;
import al.sportel.server.db.Database;
import al.sportel.server.fiscal.OfflineNslfJson;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.Idempotency;
import al.sportel.server.http.JsonBody;
import al.sportel.server.http.PathParams;
import al.sportel.server.http.TextRules;
import al.sportel.slip.Slip;
import al.sportel.slip.SlipPdf;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Customers, payments, receipts, voids and the cash report (API.md "Customers and payments"). */
public final class BillingRoutes {

    private final PaymentService payments;
    private final CashReports cash;
    private final ReceiptQueries receipts;
    private final Idempotency idempotency;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final PaymentLimits limits;
    private PaymentHook paymentHook = PaymentHook.NONE;

    public BillingRoutes(Database db, PaymentService payments, Idempotency idempotency, ObjectMapper mapper, Clock clock,
                         PaymentLimits limits) {
        this.payments = payments;
        this.cash = new CashReports(db);
        this.receipts = new ReceiptQueries(db);
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.clock = clock;
        this.limits = limits;
    }

    /** Fiscalization (or any other feature) sees every new payment; replays are not new payments. */
    public BillingRoutes withPaymentHook(PaymentHook hook) {
        this.paymentHook = hook;
        return this;
    }

    public void register(Javalin app) {
        app.get("/api/v1/customers/{code}", ctx -> {
            UserInfo user = Access.requireStaff(ctx);
            String code = ctx.pathParam("code");
            if (code.length() > 20) {
                throw ApiException.notFound("No customer with that code");
            }
            List<String> pending = pendingKeys(ctx);
            // the balance before the keys: a payment committing between the two reads shows as still owed (and
            // paying it again is refused as more than owed), never as taken off twice
            Customer customer = payments.customer(code);
            ctx.json(pending == null ? customer : customer.withPaidKeys(payments.booked(user, pending)));
        });
        app.post("/api/v1/payments", this::pay);
        app.get("/api/v1/payments/{id}", ctx -> ctx.json(payments.get(Access.requireStaff(ctx), PathParams.id(ctx, "id", "payment"))));
        app.get("/api/v1/payments/{id}/receipt.pdf", this::receiptPdf);
        app.get("/api/v1/payments/{id}/receipt", ctx -> ctx.json(receipt(ctx).slip()));
        app.post("/api/v1/payments/{id}/void", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            long id = PathParams.id(ctx, "id", "payment");
            JsonBody body = JsonBody.of(ctx, mapper);
            String reason = body.requiredString("reason", 500);
            body.validate();
            Payment[] voided = new Payment[1];
            idempotency.handleIfKeyed(ctx, "payment-voids", user, h -> {
                voided[0] = payments.voidPayment(h, user, id, reason);
                paymentHook.voided(h, voided[0], user);
                return voided[0];
            });
            if (voided[0] != null) {
                paymentHook.afterVoid(voided[0]);
            }
        });
        app.get("/api/v1/reports/cash", this::cashReport);
        app.get("/api/v1/public/receipts/{code}", ctx -> ctx.json(receipts.verifyOrThrow(ctx.pathParam("code"))));
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
        // A supervisor entering an offline payment that a clerk took (past the offline window, or after the clerk had
        // gone) names her; the payment is hers, the supervisor its approver. A clerk's own resend is never that.
        String takenBy = body.optionalString("takenBy", 100);
        if (takenBy != null && user.role() != Role.SUPERVISOR && user.role() != Role.ADMIN) {
            throw ApiException.forbidden("Only a supervisor or an admin enters a payment another user took (takenBy)");
        }
        if (takenBy != null && !offline) {
            body.addError("takenBy", "is only accepted with offline: true");
        }
        Instant now = clock.instant();
        limits.check(body, amount, offline, takenAt, now, takenBy != null);
        Duration heldFor = heldFor(ctx);
        if (!offline && heldFor.compareTo(PaymentRequest.ANSWER_WAIT) >= 0) {
            // The counter stopped waiting for this answer and printed an offline receipt; the money changed
            // hands then. Booked as taken offline at that time, on its own day, flagged when late: not refused for
            // arriving late, not even past the offline window (the customer has gone with a receipt), up to the
            // 40 days after which only the tax office's procedure enters a payment, whoever sends it.
            offline = true;
            takenAt = now.minus(heldFor).truncatedTo(ChronoUnit.SECONDS);
            if (heldFor.compareTo(PaymentLimits.LATE_ENTRY_LIMIT) > 0) {
                // a counter waits hours or days for a link, not months: past this only the tax office's procedure
                body.addError(PaymentRequest.HELD_FOR_HEADER, "is longer than " + PaymentLimits.LATE_ENTRY_LIMIT.toDays() + " days");
            }
        }
        OfflineNslf nslf = OfflineNslfJson.read(body, offline);
        try {
            body.validate();
        } catch (ApiException refused) {
            // booked before, its answer lost, resent after a time limit passed: the answer it had, not a refusal
            if (idempotency.replayStored(ctx, PaymentService.KEYS, user)) {
                return;
            }
            throw refused;
        }
        PaymentService.Request request = new PaymentService.Request(customer, amount, PaymentService.Method.valueOf(method),
                tendered, counterId, ticketId, offline, takenAt, takenBy);
        Payment[] created = new Payment[1];
        boolean[] followUp = new boolean[1];
        idempotency.handle(ctx, PaymentService.KEYS, user, h -> {
            created[0] = payments.pay(h, user, request);
            followUp[0] = paymentHook.inTransaction(h, created[0], nslf);
            return created[0];
        });
        if (created[0] != null && followUp[0]) {
            paymentHook.afterCommit(created[0]);
        }
    }

    /**
     * {@code ?pending=k1,k2}: a counter's payments still in its outbox, by Idempotency-Key, whose answers it has
     * not heard; the answer says which the server has booked. At most {@link Customer#MAX_PENDING_KEYS} keys of at
     * most 100 characters.
     */
    private static List<String> pendingKeys(Context ctx) {
        String value = ctx.queryParam("pending");
        if (value == null) {
            return null;
        }
        List<String> keys = value.isBlank() ? List.of() : List.of(value.split(","));
        if (keys.size() > Customer.MAX_PENDING_KEYS || keys.stream().anyMatch(k -> k.isBlank() || k.length() > 100)) {
            throw ApiException.invalid("pending", "at most " + Customer.MAX_PENDING_KEYS
                    + " comma-separated Idempotency-Keys of at most 100 characters");
        }
        return keys;
    }

    /** {@link PaymentRequest#HELD_FOR_HEADER}: zero when absent; a 400 when it is not a number of seconds. */
    private static Duration heldFor(Context ctx) {
        String value = ctx.header(PaymentRequest.HELD_FOR_HEADER);
        if (value == null) {
            return Duration.ZERO;
        }
        if (!value.matches("\\d{1,9}")) {
            throw ApiException.badRequest(PaymentRequest.HELD_FOR_HEADER + " must be a whole number of seconds");
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }

    private void receiptPdf(Context ctx) {
        PrintedReceipt r = receipt(ctx);
        ctx.contentType("application/pdf").header("Content-Disposition", "inline; filename=\"" + r.number() + ".pdf\"")
                .result(SlipPdf.render(r.slip()));
    }

    private record PrintedReceipt(String number, Slip slip) {
    }

    /** The receipt's content, printed as a PDF by {@link #receiptPdf} or sent as it is to a desktop's thermal printer. */
    private PrintedReceipt receipt(Context ctx) {
        UserInfo user = Access.requireStaff(ctx);
        Payment p = payments.get(user, PathParams.id(ctx, "id", "payment"));
        ReceiptQueries.Header head = receipts.header(p.id());
        ReceiptPdf.Context c = new ReceiptPdf.Context(head.branchName(), head.branchAddress(), head.counterNumber(), head.customerName(),
                p.verificationUrl());
        boolean english = "en".equals(ctx.queryParam("lang"));
        return new PrintedReceipt(p.receiptNumber(), ReceiptPdf.slip(p, c, english, paymentHook.receiptAddition(p, english).orElse(null)));
    }

    private void cashReport(Context ctx) {
        UserInfo user = Access.requireStaff(ctx);
        long counterId = TextRules.queryCounterId(ctx, "counterId");
        LocalDate date = TextRules.queryDate(ctx, "date");
        if (date == null) {
            date = LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
        }
        CashReport r = cash.forCounter(counterId, date);
        Access.requireBranch(user, r.branchCode());
        if ("csv".equals(ctx.queryParam("format"))) {
            ctx.contentType("text/csv; charset=utf-8").result(CashReportCsv.of(r));
        } else {
            ctx.json(r);
        }
    }
}
