package al.sportel.server.remote;

import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.citizen.AccountTokens;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.ClientAddress;
import al.sportel.server.http.Idempotency;
import al.sportel.server.http.JsonBody;
import al.sportel.server.queue.QrSvg;
import al.sportel.server.queue.RemoteCheckIns;
import al.sportel.server.sms.PhoneNumbers;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/** Issue 19's remote queue: centres and waits, remote tickets for a verified account, their QR code, kiosk check-in. */
public final class RemoteRoutes {

    private static final Pattern NUMBER = Pattern.compile("[A-Za-z][0-9]{1,4}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{" + RemoteTicketService.CODE_LENGTH + "}");

    private final RemoteTicketService tickets;
    private final RemoteCheckIns checkIns;
    private final AccountTokens accounts;
    private final ClientAddress address;
    private final ObjectMapper mapper;
    private final Idempotency idempotency;

    public RemoteRoutes(RemoteTicketService tickets, RemoteCheckIns checkIns, AccountTokens accounts, ClientAddress address,
                        ObjectMapper mapper, Idempotency idempotency) {
        this.tickets = tickets;
        this.checkIns = checkIns;
        this.accounts = accounts;
        this.address = address;
        this.mapper = mapper;
        this.idempotency = idempotency;
    }

    public void register(Javalin app) {
        app.get("/api/v1/public/app/centres", ctx -> ctx.json(tickets.centres()));
        app.post("/api/v1/public/app/remote-tickets", this::take);
        app.get("/api/v1/public/app/remote-tickets", ctx -> ctx.json(tickets.mine(accounts.requireCustomer(ctx))));
        app.get("/api/v1/public/remote-tickets/{id}", ctx -> {
            var remote = tickets.find(ctx.pathParam("id"));
            if (remote.isPresent()) {
                ctx.json(remote.get());
            } else if (tickets.isTicket(ctx.pathParam("id"))) {
                ctx.status(204); // a ticket from the kiosk: the phone view asks every ticket, and this is no error
            } else {
                throw ApiException.notFound("No such remote ticket");
            }
        });
        app.get("/api/v1/public/remote-tickets/{id}/qr.svg", ctx -> {
            RemoteTicket t = remote(ctx.pathParam("id"));
            ctx.contentType("image/svg+xml").header("Cache-Control", "private, max-age=86400").result(QrSvg.of(t.checkInCode()));
        });
        app.get("/api/v1/public/branches/{code}/skipped-remote", ctx -> ctx.json(tickets.skipped(ctx.pathParam("code"))));
        app.post("/api/v1/kiosk/check-in", this::checkIn);
    }

    private RemoteTicket remote(String id) {
        return tickets.find(id).orElseThrow(() -> ApiException.notFound("No such remote ticket"));
    }

    private void take(Context ctx) {
        String customer = accounts.requireCustomer(ctx);
        JsonBody body = JsonBody.of(ctx, mapper);
        String branch = body.requiredString("branch", 10);
        Long service = body.requiredId("serviceId");
        Integer travel = body.requiredInt("travelMinutes", 0, 240);
        String typed = body.optionalString("phone", 25);
        String phone = typed == null || typed.isBlank() ? null : PhoneNumbers.normalize(typed).orElse(null);
        if (typed != null && !typed.isBlank() && phone == null) {
            body.addError("phone", "must be a phone number such as +355 69 123 4567");
        }
        body.validate();
        // a resend whose answer was lost (the app keys each submission) gets that ticket, not a second one called for
        // nobody that counts against the day's limit (ADR 0019)
        String client = address.of(ctx);
        idempotency.createForCitizen(ctx, Idempotency.REMOTE_TICKETS, "account:" + customer, ctx.body(),
                h -> tickets.take(h, customer, client, branch, service, travel, phone));
        tickets.announce(branch);
    }

    private void checkIn(Context ctx) {
        UserInfo kiosk = Access.requireRole(ctx, Role.KIOSK, Role.SUPERVISOR, Role.ADMIN);
        JsonBody body = JsonBody.of(ctx, mapper);
        String code = body.optionalString("code", 40);
        String number = body.optionalString("number", 5);
        String branch = body.optionalString("branch", 10);
        if (code == null && number == null) {
            body.addError("code", "give the code of the ticket's QR or its number");
        } else if (code != null && number != null) {
            body.addError("number", "give the code or the number, not both");
        } else if (code != null && !CODE.matcher(code).matches()) {
            body.addError("code", "must be the " + RemoteTicketService.CODE_LENGTH + " letters and digits of the ticket's QR code");
        } else if (number != null && !NUMBER.matcher(number).matches()) {
            body.addError("number", "must be a ticket number such as A012");
        }
        if (branch == null && kiosk.branchCode() == null) {
            body.addError("branch", "is required for a user without a centre");
        }
        body.validate();
        String centre = branch != null ? branch : kiosk.branchCode();
        ctx.json(checkIns.checkIn(kiosk, centre, code, number));
    }
}
