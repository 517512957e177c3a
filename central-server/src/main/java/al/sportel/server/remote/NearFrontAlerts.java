package al.sportel.server.remote;

import al.sportel.model.BusinessTime;
import al.sportel.server.db.Database;
import al.sportel.server.ops.Periodic;
import al.sportel.server.sms.SmsSender;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The SMS side of "near the front" (issue 19): for remote tickets whose holder gave a phone number, one
 * message when {@link RemoteQueueConfig#nearAhead()} or fewer people are ahead and one when the ticket is
 * called. Each is claimed by a guarded update before it is sent, so it goes out once even with several
 * server instances (a crash between claim and send loses it rather than sending it twice).
 */
public final class NearFrontAlerts implements AutoCloseable {

    private record Due(String ticketId, String phone, String status) {
    }

    private final Database db;
    private final RemoteTicketService tickets;
    private final SmsSender sms;
    private final RemoteQueueConfig config;
    private final Clock clock;
    private Periodic timer;

    public NearFrontAlerts(Database db, RemoteTicketService tickets, SmsSender sms, RemoteQueueConfig config, Clock clock) {
        this.db = db;
        this.tickets = tickets;
        this.sms = sms;
        this.config = config;
        this.clock = clock;
    }

    public void start() {
        Duration every = config.alertInterval();
        timer = Periodic.start("near-front alerts", every, every, this::sendDue);
    }

    /** Sends the alerts now due; returns how many. */
    public int sendDue() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
        List<Due> open = db.read(h -> h.createQuery("""
                        SELECT r.ticket_id, r.phone, t.status FROM remote_tickets r JOIN tickets t ON t.id = r.ticket_id
                        WHERE r.business_date = :d AND r.phone IS NOT NULL
                          AND ((t.status = 'WAITING' AND r.sms_near_at IS NULL) OR (t.status = 'CALLED' AND r.sms_called_at IS NULL))
                        """)
                .bind("d", day).map((rs, c) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3))).list());
        int sent = 0;
        for (Due d : open) {
            RemoteTicket t = tickets.find(d.ticketId()).orElse(null);
            if (t == null) {
                continue;
            }
            if (t.status().equals("CALLED") && claim(d.ticketId(), "sms_called_at")) {
                String counter = t.counterNumber() == null ? "" : " Shkoni te sporteli " + t.counterNumber() + ".";
                sms.send(d.phone(), "Sportel " + t.branchName() + ": radha juaj, bileta " + t.number() + "." + counter, "QUEUE_CALLED");
                sent++;
            } else if (t.status().equals("WAITING") && t.position() != null && t.position() - 1 <= config.nearAhead()
                    && claim(d.ticketId(), "sms_near_at")) {
                // the check-in code lets whoever holds it check the ticket in: like the appointment reminder's, only the
                // provider gets it, the log and the log-only gateway keep it masked
                sms.send(d.phone(), "Sportel " + t.branchName() + ": bileta " + t.number() + " ka " + (t.position() - 1)
                        + " persona përpara." + (t.checkedIn() ? "" : " Bëni check-in në kioskë me kodin " + t.checkInCode() + "."),
                        "QUEUE_NEAR", t.checkedIn() ? null : t.checkInCode());
                sent++;
            }
        }
        return sent;
    }

    private boolean claim(String ticketId, String column) {
        return db.tx(h -> h.createUpdate("UPDATE remote_tickets SET " + column + " = :now WHERE ticket_id = :id AND " + column + " IS NULL")
                .bind("now", clock.instant().truncatedTo(ChronoUnit.MICROS)).bind("id", ticketId).execute() == 1);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.close();
        }
    }
}
