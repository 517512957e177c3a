package al.sportel.server.clerkday;

import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.JsonBody;
import al.sportel.server.http.PathParams;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * The rating endpoints and the tablet page {@code /rate/{counter}}. The phone needs no login: it holds its
 * ticket's unguessable id. The counter's tablet does: counter ids are small numbers and the tablet rates
 * whatever the counter finished last, so it signs in once with a kiosk account of the counter's centre,
 * and only such a device rates there (a clerk's own token would let them rate themselves).
 */
public final class RatingRoutes {

    private final RatingService ratings;
    private final ObjectMapper mapper;

    public RatingRoutes(RatingService ratings, ObjectMapper mapper) {
        this.ratings = ratings;
        this.mapper = mapper;
    }

    public void register(Javalin app) {
        app.post("/api/v1/public/tickets/{id}/rating", ctx -> {
            JsonBody body = JsonBody.of(ctx, mapper);
            Integer score = body.requiredInt("score", 1, 5);
            String comment = body.optionalString("comment", 500);
            body.validate();
            ctx.status(201).json(ratings.rateTicket(ctx.pathParam("id"), score, comment));
        });
        app.get("/api/v1/counters/{id}/rating", ctx -> {
            UserInfo device = Access.requireRole(ctx, Role.KIOSK, Role.CLERK, Role.SUPERVISOR, Role.ADMIN);
            ctx.json(ratings.prompt(device, PathParams.id(ctx, "id", "counter")));
        });
        app.post("/api/v1/counters/{id}/rating", ctx -> {
            UserInfo tablet = Access.user(ctx);
            if (tablet.role() != Role.KIOSK) {
                throw ApiException.forbidden("Only the counter's tablet, signed in with a kiosk account of its centre, rates there");
            }
            long counter = PathParams.id(ctx, "id", "counter");
            JsonBody body = JsonBody.of(ctx, mapper);
            String number = body.requiredString("ticketNumber", 8);
            Integer score = body.requiredInt("score", 1, 5);
            String comment = body.optionalString("comment", 500);
            body.validate();
            ctx.status(201).json(ratings.rateAtCounter(tablet, counter, number, score, comment));
        });
        app.get("/rate/{counter}", RatingRoutes::tabletPage);
    }

    private static void tabletPage(Context ctx) throws IOException {
        PathParams.id(ctx, "counter", "counter");
        try (InputStream in = RatingRoutes.class.getResourceAsStream("/web/rate.html")) {
            if (in == null) {
                throw ApiException.notFound("No such page");
            }
            ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-cache").result(in.readAllBytes());
        }
    }
}
