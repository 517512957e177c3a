package al.sportel.server.queue;

import al.sportel.model.BusinessTime;
import al.sportel.model.display.Display;
import al.sportel.model.display.DisplayCall;
import al.sportel.model.display.DisplayWaiting;
import al.sportel.model.display.PublicTicket;
import al.sportel.server.db.Database;
import al.sportel.server.events.EventLog;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.PublicLinks;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import al.sportel.model.Ticket;

/** The waiting-room screen's snapshot: recent calls and waiting counts, no names. */
public final class DisplayRoutes {

    static final int RECENT_CALLS = 10;

    private final Database db;
    private final Clock clock;
    private final PublicLinks links;

    public DisplayRoutes(Database db, Clock clock, PublicLinks links) {
        this.db = db;
        this.clock = clock;
        this.links = links;
    }

    public void register(Javalin app, QueueEngine engine) {
        app.get("/api/v1/public/branches/{code}/display", ctx -> ctx.json(display(ctx.pathParam("code"))));
        app.get("/api/v1/public/tickets/{id}", ctx -> ctx.json(publicTicket(engine, ctx.pathParam("id"))));
        app.get("/public/tickets/{id}/qr.svg", ctx -> {
            publicTicket(engine, ctx.pathParam("id")); // 404 for unknown ids: no QR codes for arbitrary text
            String url = links.ticketView(ctx.pathParam("id"));
            ctx.contentType("image/svg+xml").header("Cache-Control", "max-age=86400").result(QrSvg.of(url));
        });
    }

    PublicTicket publicTicket(QueueEngine engine, String id) {
        Ticket t = engine.findPublic(id).orElseThrow(() -> ApiException.notFound("No such ticket"));
        return db.read(h -> {
            String[] names = h.createQuery("SELECT s.name, s.name_en, b.name FROM services s JOIN branches b ON b.code = s.branch_code WHERE s.id = :s")
                    .bind("s", t.serviceId()).map((rs, c) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).one();
            Integer counterNumber = t.counterId() == null ? null : h.createQuery("SELECT counter_number FROM counters WHERE id = :c")
                    .bind("c", t.counterId()).mapTo(Integer.class).one();
            return new PublicTicket(t.number(), t.serviceLetter(), names[0], names[1], t.status().name(), t.position(),
                    t.estimatedWaitSeconds(), counterNumber, t.branchCode(), names[2], t.issuedAt());
        });
    }

    Display display(String code) {
        long last = EventLog.lastSeq(db, code);
        return db.read(h -> {
            String name = h.createQuery("SELECT name FROM branches WHERE code = :b").bind("b", code)
                    .mapTo(String.class).findOne().orElseThrow(() -> ApiException.notFound("No branch " + code));
            LocalDate day = LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
            List<DisplayCall> calls = h.createQuery("""
                            SELECT t.ticket_number, s.letter, c.counter_number, t.status, t.called_at
                            FROM tickets t JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = t.counter_id
                            WHERE t.branch_code = :b AND t.business_date = :d AND t.called_at IS NOT NULL
                            ORDER BY t.called_at DESC LIMIT :n
                            """)
                    .bind("b", code).bind("d", day).bind("n", RECENT_CALLS)
                    .map((rs, c) -> new DisplayCall(rs.getString(1), rs.getString(2), TicketRow.nullableLong(rs, "counter_number") == null
                            ? null : rs.getInt(3), rs.getString(4), TicketRow.instant(rs, "called_at")))
                    .list();
            List<DisplayWaiting> waiting = h.createQuery("""
                            SELECT s.id, s.letter, s.name, s.name_en,
                                   (SELECT COUNT(*) FROM tickets t WHERE t.service_id = s.id AND t.status = 'WAITING'
                                      AND t.business_date = :d) AS waiting,
                                   (SELECT COUNT(*) FROM counter_services cs JOIN counters c ON c.id = cs.counter_id
                                      WHERE cs.service_id = s.id AND c.status = 'OPEN') AS open_counters
                            FROM services s WHERE s.branch_code = :b AND s.active ORDER BY s.id
                            """)
                    .bind("b", code).bind("d", day)
                    .map((rs, c) -> new DisplayWaiting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6)))
                    .list();
            return new Display(code, name, last, calls, waiting);
        });
    }
}
