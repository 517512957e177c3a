package al.sportel.server.queue;

import al.sportel.model.Role;
import al.sportel.model.Ticket;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.http.Idempotency;
import al.sportel.server.http.JsonBody;
import al.sportel.server.http.PublicLinks;
import al.sportel.server.http.RateLimiter;
import al.sportel.server.http.PathParams;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** Tickets, call-next, the branch queue and the counter actions. */
public final class QueueRoutes {

    private final QueueEngine engine;
    private final CounterActions counters;
    private final ObjectMapper mapper;
    private final RateLimiter kioskTickets;
    private final Idempotency idempotency;
    private final PublicLinks links;

    /** {@code kioskTickets}: tickets per kiosk account, so a stuck or abused kiosk cannot flood the queue. */
    public QueueRoutes(QueueEngine engine, CounterActions counters, ObjectMapper mapper, RateLimiter kioskTickets,
                       Idempotency idempotency, PublicLinks links) {
        this.engine = engine;
        this.counters = counters;
        this.mapper = mapper;
        this.kioskTickets = kioskTickets;
        this.idempotency = idempotency;
        this.links = links;
    }

    public void register(Javalin app) {
        app.post("/api/v1/branches/{code}/tickets", this::issue);
        app.get("/api/v1/branches/{code}/queue", ctx -> {
            UserInfo user = Access.requireStaff(ctx);
            String code = ctx.pathParam("code");
            Access.requireBranch(user, code, engine::branchExists);
            ctx.json(engine.snapshot(code));
        });
        app.get("/api/v1/tickets/{id}", ctx -> ctx.json(engine.get(Access.user(ctx), ctx.pathParam("id"))));
        for (TicketMove move : TicketMove.values()) {
            app.post("/api/v1/tickets/{id}/" + move.path,
                    ctx -> ctx.json(engine.move(Access.requireStaff(ctx), ctx.pathParam("id"), move)));
        }
        app.post("/api/v1/tickets/{id}/transfer", this::transfer);
        app.post("/api/v1/tickets/{id}/priority", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            JsonBody body = JsonBody.of(ctx, mapper);
            boolean priority = body.optionalBoolean("priority", true);
            String category = body.optionalString("priorityCategory", 20);
            if (category != null && body.has("priority") && !priority) {
                body.addError("priorityCategory", "a priority category needs priority true (or leave priority out)");
            }
            body.validate();
            ctx.json(engine.setPriority(user, ctx.pathParam("id"), priority, category));
        });
        app.post("/api/v1/counters/{id}/call-next", ctx -> {
            UserInfo user = Access.requireStaff(ctx);
            engine.callNext(user, PathParams.id(ctx, "id", "counter"))
                    .ifPresentOrElse(ctx::json, () -> ctx.status(204));
        });
        app.post("/api/v1/counters/{id}/end-and-call-next", this::endAndCallNext);
        app.get("/api/v1/counters/{id}/stats", ctx -> ctx.json(engine.counterStats(Access.requireStaff(ctx), counterId(ctx))));
        app.post("/api/v1/counters/{id}/open", ctx -> ctx.json(counters.open(Access.requireStaff(ctx), counterId(ctx))));
        app.post("/api/v1/counters/{id}/pause", ctx -> {
            UserInfo user = Access.requireStaff(ctx);
            long id = counterId(ctx);
            JsonBody body = JsonBody.ofOptional(ctx, mapper); // clients from before the reason list send no body
            String reason = body.optionalString("reason", 30);
            body.validate();
            ctx.json(counters.pause(user, id, reason));
        });
        app.post("/api/v1/counters/{id}/close", ctx -> ctx.json(counters.close(Access.requireStaff(ctx), counterId(ctx))));
        app.put("/api/v1/counters/{id}/services", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            long id = counterId(ctx);
            JsonBody body = JsonBody.of(ctx, mapper);
            var serviceIds = body.requiredIdList("serviceIds", 20);
            body.validate();
            ctx.json(counters.setServices(user, id, serviceIds));
        });
        app.post("/api/v1/branches/{code}/counters", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.ADMIN);
            JsonBody body = JsonBody.of(ctx, mapper);
            Integer number = body.requiredInt("number", 1, 999);
            String name = body.optionalString("name", 100);
            var serviceIds = body.requiredIdList("serviceIds", 20);
            body.validate();
            ctx.status(201).json(counters.create(user, ctx.pathParam("code"), number,
                    name == null ? "Sporteli " + number : name, serviceIds));
        });
    }

    /** The clerk's two usual requests (finish or no-show, then call-next) as one transaction. */
    private void endAndCallNext(Context ctx) {
        UserInfo user = Access.requireStaff(ctx);
        long counterId = PathParams.id(ctx, "id", "counter");
        JsonBody body = JsonBody.of(ctx, mapper);
        String ticketId = body.requiredString("ticketId", 32);
        String outcome = body.requiredChoice("outcome", "DONE", "NO_SHOW");
        body.validate();
        ctx.json(engine.endAndCallNext(user, counterId, ticketId, "DONE".equals(outcome) ? TicketMove.FINISH : TicketMove.NO_SHOW));
    }

    private void issue(Context ctx) {
        UserInfo user = Access.requireRole(ctx, Role.KIOSK, Role.CLERK, Role.SUPERVISOR, Role.ADMIN);
        String code = ctx.pathParam("code");
        Access.requireBranch(user, code, engine::branchExists);
        if (user.role() == Role.KIOSK) {
            kioskTickets.check("kiosk:" + user.id(), "This kiosk is issuing tickets faster than people can take them; wait a moment");
        }
        JsonBody body = JsonBody.of(ctx, mapper);
        Long serviceId = body.requiredId("serviceId");
        boolean priority = body.optionalBoolean("priority", false);
        // A category implies priority; the bare flag still works for clients that do not know categories.
        String category = body.optionalString("priorityCategory", 20);
        if (category != null && body.has("priority") && !priority) {
            body.addError("priorityCategory", "a priority category needs priority true (or leave priority out)");
        }
        body.validate();
        // A kiosk whose answer was lost sends the same tap again: one ticket, the same answer (201, replayed).
        idempotency.createIfKeyed(ctx, Idempotency.TICKETS, user, h -> {
            Ticket ticket = engine.issueIn(h, user, code, serviceId, priority, category, null);
            return new IssuedTicket(ticket, links.ticketView(ticket.id()));
        });
        engine.announce(code);
    }

    private void transfer(Context ctx) {
        UserInfo user = Access.requireStaff(ctx);
        String id = ctx.pathParam("id");
        JsonBody body = JsonBody.of(ctx, mapper);
        Long serviceId = body.optionalId("serviceId");
        Long counterId = body.optionalId("counterId");
        if (body.has("serviceId") == body.has("counterId")) {
            body.addError("serviceId", "give either serviceId or counterId");
        }
        body.validate();
        ctx.json(engine.transfer(user, id, serviceId, counterId));
    }

    private static long counterId(Context ctx) {
        return PathParams.id(ctx, "id", "counter");
    }

}
