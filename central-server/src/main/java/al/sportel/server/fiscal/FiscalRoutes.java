package al.sportel.server.fiscal;

import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.fiscal.FiscalGateway.CashOperation;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.Idempotency;
import al.sportel.server.http.JsonBody;
import al.sportel.server.http.PathParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/** The fiscalization endpoints (docs/fiscal.md, openapi.yaml "fiscal"). */
public final class FiscalRoutes {

    private final FiscalService fiscal;
    private final ObjectMapper mapper;

    public FiscalRoutes(FiscalService fiscal, ObjectMapper mapper) {
        this.fiscal = fiscal;
        this.mapper = mapper;
    }

    public void register(Javalin app) {
        app.get("/api/v1/fiscal/settings", ctx -> {
            Access.requireRole(ctx, Role.ADMIN);
            ctx.json(fiscal.settings());
        });
        app.put("/api/v1/fiscal/settings", this::saveSettings);
        app.put("/api/v1/fiscal/branches/{code}/business-unit", ctx -> {
            Access.requireRole(ctx, Role.ADMIN);
            String code = code(ctx, "businUnitCode");
            fiscal.setBusinessUnit(ctx.pathParam("code"), code);
            ctx.json(Map.of("branchCode", ctx.pathParam("code"), "businUnitCode", code));
        });
        app.put("/api/v1/fiscal/operators/{userId}", ctx -> {
            Access.requireRole(ctx, Role.ADMIN);
            long user = PathParams.id(ctx, "userId", "user");
            String code = code(ctx, "operatorCode");
            fiscal.setOperator(user, code);
            ctx.json(Map.of("userId", user, "operatorCode", code));
        });
        app.post("/api/v1/fiscal/counters/{id}/tcr", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            ctx.status(201).json(fiscal.registerTcr(user, PathParams.id(ctx, "id", "counter")));
        });
        app.get("/api/v1/fiscal/counters/{id}/cash-deposits/today", ctx -> {
            UserInfo user = Access.requireStaff(ctx);
            ctx.json(fiscal.initialRegisteredToday(user, PathParams.id(ctx, "id", "counter")));
        });
        app.post("/api/v1/fiscal/counters/{id}/cash-deposits", this::cashDeposit);
        app.post("/api/v1/fiscal/counters/{id}/ordinal-blocks", ctx -> {
            UserInfo user = Access.requireStaff(ctx);
            long counterId = PathParams.id(ctx, "id", "counter");
            JsonBody body = JsonBody.ofOptional(ctx, mapper); // clients before nextOrdinal send none or {}
            Integer next = body.optionalInt("nextOrdinal", 1, Integer.MAX_VALUE - 1);
            body.validate();
            ctx.status(201).json(fiscal.reserveBlock(user, counterId, next));
        });
        app.get("/api/v1/fiscal/payments/{id}", ctx -> {
            UserInfo user = Access.requireStaff(ctx);
            long id = PathParams.id(ctx, "id", "payment");
            ctx.json(fiscal.receipt(user, id).orElseThrow(() -> ApiException.notFound("Payment " + id + " has no fiscal receipt")));
        });
        app.get("/api/v1/fiscal/payments/{id}/corrective", ctx -> {
            UserInfo user = Access.requireStaff(ctx);
            long id = PathParams.id(ctx, "id", "payment");
            ctx.json(fiscal.corrective(user, id).orElseThrow(() -> ApiException.notFound("Payment " + id + " has no corrective invoice")));
        });
        app.get("/api/v1/fiscal/fee-sales/{id}", ctx -> {
            UserInfo user = Access.requireStaff(ctx);
            long id = PathParams.id(ctx, "id", "fee sale");
            ctx.json(fiscal.feeSaleReceipt(user, id).orElseThrow(() -> ApiException.notFound("Fee sale " + id + " has no fiscal receipt")));
        });
        app.get("/api/v1/fiscal/pending", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            String branch = ctx.queryParam("branchCode");
            if (user.role() != Role.ADMIN) {
                if (branch == null) {
                    branch = user.branchCode();
                }
                Access.requireBranch(user, branch);
            }
            ctx.json(fiscal.pending(branch));
        });
        app.post("/api/v1/fiscal/deliver", ctx -> {
            Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            int delivered = fiscal.deliverPending();
            ctx.json(Map.of("delivered", delivered, "alerts", fiscal.checkDeadlines()));
        });
    }

    private void saveSettings(Context ctx) {
        Access.requireRole(ctx, Role.ADMIN);
        JsonBody body = JsonBody.of(ctx, mapper);
        boolean enabled = body.optionalBoolean("enabled", false);
        String nuis = body.optionalString("nuis", 10);
        if (nuis != null && !FiscalFormats.isNuis(nuis)) {
            body.addError("nuis", "must be a letter, 8 digits and a letter, like L91806031N");
        }
        String softCode = optionalCode(body, "softCode");
        String maintainerCode = optionalCode(body, "maintainerCode");
        String environment = body.requiredChoice("environment", "TEST", "PRODUCTION");
        String endpointUrl = body.optionalString("endpointUrl", 300);
        if (endpointUrl != null && !endpointUrl.matches("https?://\\S+")) {
            body.addError("endpointUrl", "must be an http(s) address");
        }
        String mode = body.has("invNumMode") ? body.requiredChoice("invNumMode", "FULL", "ORDINAL") : "FULL";
        Integer vatRate = body.requiredInt("vatRatePercent", 0, 100);
        // Integer.valueOf: with a bare 5000 the conditional would unbox a refused (null) value into a 500
        Integer timeout = body.has("timeoutMillis") ? body.requiredInt("timeoutMillis", 500, FiscalSettings.MAX_TIMEOUT_MILLIS)
                : Integer.valueOf(5000);
        FiscalSettings draft = new FiscalSettings(enabled, nuis, body.optionalString("legalName", 200),
                body.optionalString("address", 200), body.optionalString("town", 100), softCode, maintainerCode,
                environment == null ? null : FiscalSettings.Environment.valueOf(environment), endpointUrl,
                body.optionalString("keystorePath", 500), body.optionalString("keystorePasswordFile", 500),
                mode == null ? null : InvNumMode.valueOf(mode), body.optionalBoolean("fiscalizeBillPayments", true),
                body.optionalBoolean("issuerInVat", true), vatRate == null ? 0 : vatRate * 100, timeout == null ? 0 : timeout);
        if (enabled && draft.environment() != null) {
            draft.missing().forEach(f -> body.addError(f, "is required to enable fiscalization"));
        }
        body.validate();
        ctx.json(fiscal.saveSettings(draft));
    }

    private void cashDeposit(Context ctx) {
        UserInfo user = Access.requireStaff(ctx);
        long counter = PathParams.id(ctx, "id", "counter");
        JsonBody body = JsonBody.of(ctx, mapper);
        String op = body.requiredChoice("operation", "INITIAL", "WITHDRAW", "DEPOSIT");
        Long amount = null;
        if ("INITIAL".equals(op) && isZero(ctx)) {
            // the drawer may open empty (spec 3.6: "The open cash deposit can be 0.00")
            amount = 0L;
        } else {
            amount = body.requiredMoney("amount");
        }
        body.validate();
        String key = ctx.header(Idempotency.HEADER) == null ? null : Idempotency.requireKey(ctx);
        FiscalTcrs.Registered r = fiscal.cashDeposit(user, counter, CashOperation.valueOf(op), amount, key);
        if (r.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        ctx.status(r.replayed() ? 200 : 201).json(r.deposit());
    }

    private boolean isZero(Context ctx) {
        try {
            JsonNode amount = mapper.readTree(ctx.body()).path("amount");
            return (amount.isNumber() || amount.isTextual()) && new BigDecimal(amount.asText()).signum() == 0;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private String code(Context ctx, String field) {
        JsonBody body = JsonBody.of(ctx, mapper);
        String code = body.requiredString(field, 10);
        if (code != null && !FiscalFormats.isCode(code)) {
            body.addError(field, "must look like ab123ab123 (as issued by the tax authority)");
        }
        body.validate();
        return code;
    }

    private static String optionalCode(JsonBody body, String field) {
        String code = body.optionalString(field, 10);
        if (code != null && !FiscalFormats.isCode(code)) {
            body.addError(field, "must look like ab123ab123 (as issued by the tax authority)");
        }
        return code;
    }
}
