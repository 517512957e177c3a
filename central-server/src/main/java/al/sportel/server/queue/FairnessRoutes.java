package al.sportel.server.queue;

import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.http.TextRules;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.JsonBody;
import al.sportel.server.http.PathParams;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Out-of-order calls, no-show reactivation, and the lists and rules behind a fair queue. */
public final class FairnessRoutes {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,29}");

    private final FairCalls calls;
    private final FairnessSettings settings;
    private final ObjectMapper mapper;

    public FairnessRoutes(FairCalls calls, FairnessSettings settings, ObjectMapper mapper) {
        this.calls = calls;
        this.settings = settings;
        this.mapper = mapper;
    }

    public void register(Javalin app) {
        app.post("/api/v1/tickets/{id}/call", ctx -> {
            UserInfo user = Access.requireStaff(ctx);
            JsonBody body = JsonBody.of(ctx, mapper);
            Long counterId = body.requiredId("counterId");
            String reason = body.requiredString("reason", 30);
            body.validate();
            ctx.json(calls.callOutOfOrder(user, counterId, ctx.pathParam("id"), reason));
        });
        app.get("/api/v1/branches/{code}/out-of-order-calls", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            LocalDate from = date(ctx, "from");
            LocalDate to = date(ctx, "to");
            ctx.json(settings.outOfOrderCalls(user, ctx.pathParam("code"), from, to));
        });
        app.post("/api/v1/tickets/{id}/reactivate", ctx -> ctx.json(calls.reactivate(Access.requireStaff(ctx), ctx.pathParam("id"))));
        app.get("/api/v1/priority-categories", ctx -> {
            Access.user(ctx);
            ctx.json(settings.categories());
        });
        app.put("/api/v1/priority-categories/{code}", ctx -> {
            UserInfo admin = Access.requireRole(ctx, Role.ADMIN);
            String code = code(ctx);
            JsonBody body = JsonBody.of(ctx, mapper);
            String name = body.requiredString("name", 100);
            String nameEn = body.requiredString("nameEn", 100);
            boolean active = body.optionalBoolean("active", true);
            body.validate();
            ctx.json(settings.saveCategory(admin, code, name, nameEn, active));
        });
        app.get("/api/v1/queue-reasons/{kind}", ctx -> {
            Access.user(ctx);
            ctx.json(settings.reasons(kind(ctx)));
        });
        app.put("/api/v1/queue-reasons/{kind}/{code}", ctx -> {
            UserInfo admin = Access.requireRole(ctx, Role.ADMIN);
            QueueReasons.Kind kind = kind(ctx);
            String code = code(ctx);
            JsonBody body = JsonBody.of(ctx, mapper);
            String name = body.requiredString("name", 100);
            String nameEn = body.requiredString("nameEn", 100);
            boolean active = body.optionalBoolean("active", true);
            body.validate();
            ctx.json(settings.saveReason(admin, kind, code, name, nameEn, active));
        });
        app.get("/api/v1/branches/{code}/queue-settings",
                ctx -> ctx.json(settings.settings(Access.requireStaff(ctx), ctx.pathParam("code"))));
        app.put("/api/v1/branches/{code}/queue-settings", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            JsonBody body = JsonBody.of(ctx, mapper);
            Integer grace = body.requiredInt("noShowGraceMinutes", 0, 240);
            String to = body.requiredChoice("reactivateTo", "ORIGINAL_PLACE", "NEXT_CALL");
            body.validate();
            ctx.json(settings.saveSettings(user, ctx.pathParam("code"),
                    new QueueSettings(grace, QueueSettings.ReactivateTo.valueOf(to))));
        });
        app.get("/api/v1/branches/{code}/fairness-rules",
                ctx -> ctx.json(settings.rules(Access.requireStaff(ctx), ctx.pathParam("code"))));
        app.put("/api/v1/services/{id}/fairness-rule", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            long serviceId = PathParams.id(ctx, "id", "service");
            JsonBody body = JsonBody.of(ctx, mapper);
            Integer inRow = body.has("maxPriorityInRow") ? body.requiredInt("maxPriorityInRow", 1, 100) : null;
            Integer minutes = body.has("maxRegularWaitMinutes") ? body.requiredInt("maxRegularWaitMinutes", 1, 600) : null;
            body.validate();
            ctx.json(settings.saveRule(user, serviceId, inRow, minutes));
        });
    }

    private static LocalDate date(Context ctx, String param) {
        return TextRules.requiredQueryDate(ctx, param);
    }

    private static QueueReasons.Kind kind(Context ctx) {
        return switch (ctx.pathParam("kind")) {
            case "OUT_OF_ORDER", "out-of-order" -> QueueReasons.Kind.OUT_OF_ORDER;
            case "PAUSE", "pause" -> QueueReasons.Kind.PAUSE;
            default -> throw ApiException.notFound("No reason list " + PathParams.abbreviate(ctx.pathParam("kind")));
        };
    }

    private static String code(Context ctx) {
        String code = ctx.pathParam("code");
        if (!CODE.matcher(code).matches()) {
            throw ApiException.invalid("code", "must be 2 to 30 capital letters, digits or _ starting with a letter");
        }
        return code;
    }
}
