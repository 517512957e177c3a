package al.sportel.server.appointments;

import al.sportel.model.BusinessTime;
import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.http.TextRules;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.Idempotency;
import al.sportel.server.http.JsonBody;
import al.sportel.server.http.PathParams;
import al.sportel.server.sms.PhoneNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Booking (public), check-in (kiosk and staff), capacity (supervisor) and the day's list. */
public final class AppointmentRoutes {


    private final AppointmentService appointments;
    private final AppointmentReminders reminders;
    private final ObjectMapper mapper;
    private final Idempotency idempotency;
    private final ClosedDays closedDays;
    private final Clock clock;

    public AppointmentRoutes(AppointmentService appointments, AppointmentReminders reminders, ObjectMapper mapper,
                             Idempotency idempotency, ClosedDays closedDays, Clock clock) {
        this.closedDays = closedDays;
        this.clock = clock;
        this.appointments = appointments;
        this.reminders = reminders;
        this.mapper = mapper;
        this.idempotency = idempotency;
    }

    public void register(Javalin app) {
        app.get("/api/v1/public/appointment-centres", ctx -> ctx.json(appointments.centres()));
        app.get("/api/v1/public/branches/{code}/appointment-slots", ctx -> {
            long serviceId = queryId(ctx, "serviceId");
            ctx.json(appointments.slots(ctx.pathParam("code"), serviceId, date(ctx, "date")));
        });
        app.post("/api/v1/public/branches/{code}/appointments", ctx -> {
            JsonBody body = JsonBody.of(ctx, mapper);
            Long serviceId = body.requiredId("serviceId");
            Instant start = body.optionalInstant("start");
            if (start == null && !body.has("start")) {
                body.addError("start", "is required");
            }
            String name = body.requiredString("name", 100);
            String typed = body.optionalString("phone", 30);
            String phone = typed == null || typed.isBlank() ? null : PhoneNumbers.normalize(typed).orElse(null);
            if (typed != null && !typed.isBlank() && phone == null) {
                body.addError("phone", "must be a phone number such as +355 69 123 4567");
            }
            body.validate();
            appointments.prepareBooking(phone);
            // a resend whose answer was lost (book.js keys each submission) gets that booking, not a second place (ADR 0019)
            idempotency.createForCitizen(ctx, Idempotency.BOOKINGS, "", ctx.body(),
                    h -> appointments.book(h, ctx.pathParam("code"), serviceId, start, name, phone));
        });
        app.get("/api/v1/public/appointments/{id}", ctx -> ctx.json(appointments.get(ctx.pathParam("id"))));
        app.post("/api/v1/public/appointments/{id}/cancel", ctx -> ctx.json(appointments.cancel(ctx.pathParam("id"))));
        app.post("/api/v1/branches/{code}/appointments/check-in", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.KIOSK, Role.CLERK, Role.SUPERVISOR, Role.ADMIN);
            JsonBody body = JsonBody.of(ctx, mapper);
            String code = body.requiredString("code", 8);
            body.validate();
            String branch = ctx.pathParam("code");
            Access.requireBranch(user, branch); // before a replay too: a stored answer is only for its own centre
            // the kiosk's resend of a check-in whose answer was lost gets that ticket, not "already checked in"
            idempotency.createIfKeyed(ctx, Idempotency.CHECK_INS, user, h -> appointments.checkIn(h, user, branch, code.toUpperCase()));
            appointments.announce(branch);
        });
        app.get("/api/v1/branches/{code}/appointments", ctx ->
                ctx.json(appointments.forDay(Access.requireStaff(ctx), ctx.pathParam("code"), date(ctx, "date"))));
        app.get("/api/v1/services/{id}/appointment-capacity", ctx ->
                ctx.json(appointments.capacity(Access.requireStaff(ctx), PathParams.id(ctx, "id", "service"))));
        app.put("/api/v1/services/{id}/appointment-capacity", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            long serviceId = PathParams.id(ctx, "id", "service");
            ctx.json(appointments.setCapacity(user, serviceId, hours(ctx)));
        });
        // the days a centre takes no appointments (weekly and dated), set by its supervisor
        app.get("/api/v1/branches/{code}/closed-days", ctx ->
                ctx.json(closedDays.view(Access.requireStaff(ctx), ctx.pathParam("code"), BusinessTime.dateOf(clock.instant()))));
        app.put("/api/v1/branches/{code}/closed-days/weekdays", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            ctx.json(closedDays.setWeekdays(user, ctx.pathParam("code"), weekdays(ctx), BusinessTime.dateOf(clock.instant())));
        });
        app.put("/api/v1/branches/{code}/closed-days/{date}", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            LocalDate day = TextRules.pathDate(ctx, "date");
            JsonBody body = JsonBody.ofOptional(ctx, mapper); // the reason is optional, and so is the body
            String reason = body.optionalString("reason", 100);
            body.validate();
            if (day.isBefore(BusinessTime.dateOf(clock.instant()))) {
                throw ApiException.invalid("date", "is in the past");
            }
            ctx.json(closedDays.close(user, ctx.pathParam("code"), day, reason));
        });
        app.delete("/api/v1/branches/{code}/closed-days/{date}", ctx -> {
            UserInfo user = Access.requireRole(ctx, Role.SUPERVISOR, Role.ADMIN);
            closedDays.reopen(user, ctx.pathParam("code"), TextRules.pathDate(ctx, "date"));
            ctx.status(204);
        });
        app.post("/api/v1/appointments/reminders/run", ctx -> {
            Access.requireRole(ctx, Role.ADMIN);
            ctx.json(new Sent(reminders.sendDue()));
        });
    }

    record Sent(int sent) {
    }

    /** {@code {"weekdays":[6,7]}}: ISO numbers 1 (Monday) to 7 (Sunday); an empty list opens every weekday. */
    private List<Integer> weekdays(Context ctx) {
        // JsonBody: the same checks as every body (a NUL in a field name, a body that is not an object)
        JsonNode list = JsonBody.of(ctx, mapper).optionalNode("weekdays");
        if (list == null || !list.isArray() || list.size() > 7) {
            throw ApiException.invalid("weekdays", "a list of weekday numbers, 1 (Monday) to 7 (Sunday)");
        }
        List<Integer> out = new ArrayList<>();
        for (JsonNode d : list) {
            if (!d.isInt() || d.intValue() < 1 || d.intValue() > 7) {
                throw ApiException.invalid("weekdays", "each a whole number from 1 (Monday) to 7 (Sunday)");
            }
            out.add(d.intValue());
        }
        return out;
    }

    /** {@code {"hours":[{"hour":9,"capacity":4},…]}}: hours 0–23, each once, capacity 0–100. */
    private List<AppointmentService.HourCapacity> hours(Context ctx) {
        JsonNode list = JsonBody.of(ctx, mapper).optionalNode("hours");
        if (list == null || !list.isArray() || list.size() > 24) {
            throw ApiException.invalid("hours", "must be a list of at most 24 {hour, capacity}");
        }
        List<AppointmentService.HourCapacity> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (JsonNode item : list) {
            JsonNode hour = item.get("hour");
            JsonNode capacity = item.get("capacity");
            if (hour == null || !hour.isInt() || hour.intValue() < 0 || hour.intValue() > 23 || !seen.add(hour.intValue())) {
                throw ApiException.invalid("hours", "each hour must be a different whole number from 0 to 23");
            }
            if (capacity == null || !capacity.isInt() || capacity.intValue() < 0 || capacity.intValue() > 100) {
                throw ApiException.invalid("hours", "each capacity must be a whole number from 0 to 100");
            }
            out.add(new AppointmentService.HourCapacity(hour.intValue(), capacity.intValue()));
        }
        return out;
    }

    private static long queryId(Context ctx, String name) {
        String v = ctx.queryParam(name);
        try {
            long id = Long.parseLong(v == null ? "" : v);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.invalid(name, "is required (a service id)");
    }

    private static LocalDate date(Context ctx, String name) {
        return TextRules.requiredQueryDate(ctx, name);
    }
}
