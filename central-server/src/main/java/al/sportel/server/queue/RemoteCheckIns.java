package al.sportel.server.queue;

import al.sportel.model.BusinessTime;
import al.sportel.model.EventType;
import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.db.Database;
import al.sportel.server.events.EventHub;
import al.sportel.server.events.EventLog;
import al.sportel.server.http.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Check-in of a remote ticket at the kiosk (issue 19), by the code of its QR or by its number: a waiting
 * ticket becomes callable; a ticket skipped because it was not checked in comes back once (the no-show
 * reactivation of issue 20, with its grace period and place); checking in twice changes nothing.
 */
public final class RemoteCheckIns {

    /** CHECKED_IN, ALREADY_CHECKED_IN or RECALLED. */
    public record Result(String outcome, Ticket ticket) {
    }

    private final Database db;
    private final EventLog events;
    private final EventHub hub;
    private final QueueEngine engine;
    private final FairCalls calls;

    public RemoteCheckIns(Database db, EventLog events, EventHub hub, QueueEngine engine, FairCalls calls) {
        this.db = db;
        this.events = events;
        this.hub = hub;
        this.engine = engine;
        this.calls = calls;
    }

    /** {@code code} (the QR) or {@code number} (typed, e.g. A012: today's ticket of the kiosk's branch). */
    public Result checkIn(UserInfo kiosk, String branchCode, String code, String number) {
        Result r = db.tx(h -> {
            Access.requireBranch(kiosk, branchCode);
            String id = find(h, branchCode, code, number).orElseThrow(() -> ApiException.notFound(code != null
                    ? "No remote ticket with this code; scan the code on the phone again or type the ticket's number"
                    : "No remote ticket " + number + " today at this centre"));
            TicketRow row = QueueEngine.lockTicket(h, id);
            if (!row.branchCode().equals(branchCode)) {
                throw ApiException.conflict("other-centre", "Ticket " + row.number() + " is for centre " + row.branchCode()
                        + "; check in at that centre's kiosk");
            }
            if (!LocalDate.ofInstant(row.issuedAt(), BusinessTime.ZONE).equals(engine.today())) {
                throw ApiException.conflict("ticket-expired", "Ticket " + row.number() + " was for another day");
            }
            Instant now = engine.now();
            boolean awaiting = h.createQuery("SELECT awaiting_check_in FROM tickets WHERE id = :id").bind("id", id)
                    .mapTo(Boolean.class).one();
            if (row.status() == TicketStatus.WAITING && awaiting) {
                h.createUpdate("UPDATE tickets SET awaiting_check_in = FALSE WHERE id = :id").bind("id", id).execute();
                markCheckedIn(h, id, now);
                Ticket view = engine.withEstimate(h, QueueEngine.find(h, id).orElseThrow());
                events.append(h, branchCode, EventType.TICKET_CHECKED_IN, now, kiosk, view, null, "WAITING", "WAITING");
                return new Result("CHECKED_IN", view);
            }
            if (row.status() == TicketStatus.NO_SHOW && awaiting) {
                h.createUpdate("UPDATE tickets SET awaiting_check_in = FALSE WHERE id = :id").bind("id", id).execute();
                markCheckedIn(h, id, now);
                return new Result("RECALLED", calls.reactivateIn(h, kiosk, id));
            }
            if (EnumSet.of(TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING).contains(row.status())) {
                return new Result("ALREADY_CHECKED_IN", engine.withEstimate(h, row));
            }
            throw QueueEngine.illegal(row, "check-in", EnumSet.of(TicketStatus.WAITING));
        });
        hub.wake(branchCode);
        return r;
    }

    private static void markCheckedIn(Handle h, String id, Instant now) {
        h.createUpdate("UPDATE remote_tickets SET checked_in_at = :now WHERE ticket_id = :id").bind("now", now).bind("id", id).execute();
    }

    private Optional<String> find(Handle h, String branchCode, String code, String number) {
        if (code != null) {
            return h.createQuery("SELECT ticket_id FROM remote_tickets WHERE check_in_code = :c")
                    .bind("c", code.trim().toUpperCase(Locale.ROOT)).mapTo(String.class).findOne();
        }
        return h.createQuery("""
                        SELECT r.ticket_id FROM remote_tickets r JOIN tickets t ON t.id = r.ticket_id
                        WHERE r.branch_code = :b AND r.business_date = :d AND t.ticket_number = :n
                        """)
                .bind("b", branchCode).bind("d", engine.today()).bind("n", printed(number))
                .mapTo(String.class).findOne();
    }

    /** A number as the ticket prints it: "a12" typed at the kiosk is A012 (the route allows a letter and 1-4 digits). */
    static String printed(String typed) {
        String t = typed.trim().toUpperCase(Locale.ROOT);
        return QueueEngine.ticketNumber(t.substring(0, 1), Integer.parseInt(t.substring(1)));
    }
}
