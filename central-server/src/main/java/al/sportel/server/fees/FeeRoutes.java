package al.sportel.server.fees;

import al.sportel.model.Money;
import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.model.fees.Fee;
import al.sportel.model.fees.FeeSale;
import al.sportel.server.auth.Access;
import al.sportel.server.http.Idempotency;
import al.sportel.server.http.JsonBody;
import al.sportel.server.http.PathParams;
import al.sportel.server.http.TextRules;
import al.sportel.slip.Slip;
import al.sportel.slip.SlipPdf;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** The fee catalogue and fee sales (openapi.yaml "fees", docs/fiscal.md "Fee sales"). */
public final class FeeRoutes {

    private final FeeService fees;
    private final Idempotency idempotency;
    private final ObjectMapper mapper;
    private final long maxPrice;

    /** {@code maxPrice}: the largest single payment, so a slip of the finger in the tariff cannot be charged. */
    public FeeRoutes(FeeService fees, Idempotency idempotency, ObjectMapper mapper, long maxPrice) {
        this.fees = fees;
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.maxPrice = maxPrice;
    }

    public void register(Javalin app) {
        app.get("/api/v1/fees", ctx -> {
            Access.requireStaff(ctx);
            ctx.json(fees.catalogue(!"true".equals(ctx.queryParam("all"))));
        });
        app.put("/api/v1/fees/{code}", this::saveFee);
        app.post("/api/v1/fee-sales", this::sell);
        app.get("/api/v1/fee-sales", this::salesAt);
        app.get("/api/v1/fee-sales/{id}", ctx -> ctx.json(fees.get(Access.requireStaff(ctx), PathParams.id(ctx, "id", "fee sale"))));
        app.get("/api/v1/fee-sales/{id}/receipt", ctx -> ctx.json(receipt(ctx)));
        app.get("/api/v1/fee-sales/{id}/receipt.pdf", ctx -> {
            Slip slip = receipt(ctx);
            ctx.contentType("application/pdf").header("Content-Disposition", "inline; filename=\"fee-" + ctx.pathParam("id") + ".pdf\"")
                    .result(SlipPdf.render(slip));
        });
    }

    private void saveFee(Context ctx) {
        UserInfo admin = Access.requireRole(ctx, Role.ADMIN);
        String code = ctx.pathParam("code");
        JsonBody body = JsonBody.of(ctx, mapper);
        if (!code.matches("[A-Z][A-Z0-9_]{1,19}")) {
            body.addError("code", "must be 2-20 capital letters, digits or _");
        }
        String name = body.requiredString("name", 50);
        String nameEn = body.requiredString("nameEn", 50);
        Long price = body.requiredMoney("price");
        if (price != null && price <= 0) {
            body.addError("price", "must be more than zero");
        } else if (price != null && price > maxPrice) {
            body.addError("price", "is more than the largest single payment (" + Money.format(maxPrice) + " lek)");
        }
        // Albanian VAT rates are whole percentages (20, 10, 6, 0); kept in hundredths like the fiscal settings
        Integer vat = body.requiredInt("vatRatePercent", 0, 100);
        boolean active = body.optionalBoolean("active", true);
        body.validate();
        Fee saved = fees.save(admin, code, name, nameEn, price, vat * 100, active);
        ctx.json(saved);
    }

    private void sell(Context ctx) {
        UserInfo user = Access.requireStaff(ctx);
        Idempotency.requireKey(ctx);
        JsonBody body = JsonBody.of(ctx, mapper);
        String feeCode = body.requiredString("feeCode", 20);
        String method = body.requiredChoice("method", "CASH", "CARD");
        Long counterId = body.requiredId("counterId");
        String caseCode = body.optionalString("caseTrackingCode", 20);
        Long tendered = "CASH".equals(method) ? body.requiredMoney("tendered") : null;
        body.validate();
        FeeService.Request request = new FeeService.Request(feeCode, "CASH".equals(method), tendered, counterId,
                caseCode == null || caseCode.isBlank() ? null : caseCode.strip());
        FeeSale[] created = new FeeSale[1];
        idempotency.handle(ctx, "fee-sales", user, h -> {
            created[0] = fees.sell(h, user, request);
            return created[0];
        });
        if (created[0] != null) {
            fees.afterCommit(created[0]);
        }
    }

    /** The counter's sales of one day, so a clerk can check whether a sale with a lost answer was made. */
    private void salesAt(Context ctx) {
        UserInfo user = Access.requireStaff(ctx);
        ctx.json(fees.salesAt(user, TextRules.queryCounterId(ctx, "counterId"), TextRules.queryDate(ctx, "date")));
    }

    private Slip receipt(Context ctx) {
        UserInfo user = Access.requireStaff(ctx);
        FeeSale sale = fees.get(user, PathParams.id(ctx, "id", "fee sale"));
        boolean english = "en".equals(ctx.queryParam("lang"));
        return FeeReceipt.slip(sale, fees.header(sale.id()), english, fees.hook().receiptAddition(sale, english).orElse(null));
    }
}
