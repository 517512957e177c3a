package al.sportel.server.queue;

import al.sportel.server.db.Database;
import al.sportel.server.events.EventLog;
import al.sportel.server.http.ApiException;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The waiting-room screen's snapshot: recent calls and waiting counts, no names. */
public final class DisplayRoutes {

    static final int RECENT_CALLS = 10;

    public record Call(String number, String serviceLetter, Integer counterNumber, String status, Instant calledAt) {
    }

    public record Waiting(long serviceId, String serviceLetter, String name, String nameEn, int count) {
    }

    public record Display(String branchCode, String branchName, long lastEventId, List<Call> calls, List<Waiting> waiting) {
    }

    private final Database db;
    private final Clock clock;

    public DisplayRoutes(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void register(Javalin app) {
        app.get("/api/v1/public/branches/{code}/display", ctx -> ctx.json(display(ctx.pathParam("code"))));
    }

    Display display(String code) {
        return db.read(h -> {
            String name = h.createQuery("SELECT name FROM branches WHERE code = :b").bind("b", code)
                    .mapTo(String.class).findOne().orElseThrow(() -> ApiException.notFound("No branch " + code));
            long last = EventLog.lastSeq(h, code);
            LocalDate day = LocalDate.ofInstant(clock.instant(), QueueEngine.ZONE);
            List<Call> calls = h.createQuery("""
                            SELECT t.ticket_number, s.letter, c.counter_number, t.status, t.called_at
                            FROM tickets t JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = t.counter_id
                            WHERE t.branch_code = :b AND t.business_date = :d AND t.called_at IS NOT NULL
                            ORDER BY t.called_at DESC LIMIT :n
                            """)
                    .bind("b", code).bind("d", day).bind("n", RECENT_CALLS)
                    .map((rs, c) -> new Call(rs.getString(1), rs.getString(2), TicketRow.nullableLong(rs, "counter_number") == null
                            ? null : rs.getInt(3), rs.getString(4), TicketRow.instant(rs, "called_at")))
                    .list();
            List<Waiting> waiting = h.createQuery("""
                            SELECT s.id, s.letter, s.name, s.name_en,
                                   (SELECT COUNT(*) FROM tickets t WHERE t.service_id = s.id AND t.status = 'WAITING'
                                      AND t.business_date = :d) AS waiting
                            FROM services s WHERE s.branch_code = :b AND s.active ORDER BY s.id
                            """)
                    .bind("b", code).bind("d", day)
                    .map((rs, c) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                    .list();
            return new Display(code, name, last, calls, waiting);
        });
    }
}
