package al.sportel.server.appointments;

import al.sportel.model.BusinessTime;
import al.sportel.server.db.Database;
import al.sportel.server.ops.Periodic;
import al.sportel.server.sms.SmsSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Sends one SMS reminder per booked appointment with a phone number, {@link #LEAD} before its slot,
 * through the {@link SmsSender}, which keeps every message in {@code sms_log}. Runs every minute while
 * the server runs. Each reminder is claimed by setting {@code reminded_at} first, so several server
 * instances never send the same one twice (a crash after the claim loses that one reminder rather than
 * sending it twice).
 */
public final class AppointmentReminders implements AutoCloseable {

    static final Duration LEAD = Duration.ofMinutes(60);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private record Due(String id, String code, String phone, Instant start, String branchName, String letter) {
    }

    private final Database db;
    private final SmsSender sms;
    private final Clock clock;
    private Periodic timer;

    public AppointmentReminders(Database db, SmsSender sms, Clock clock) {
        this.db = db;
        this.sms = sms;
        this.clock = clock;
    }

    public void start(Duration every) {
        timer = Periodic.start("appointment reminders", every, every, this::sendDue);
    }

    /** Sends the reminders now due; returns how many. */
    public int sendDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Due> due = db.tx(h -> {
            List<Due> found = h.createQuery("""
                            SELECT a.id, a.code, a.phone, a.slot_start, b.name, s.letter FROM appointments a
                            JOIN branches b ON b.code = a.branch_code JOIN services s ON s.id = a.service_id
                            WHERE a.status = 'BOOKED' AND a.phone IS NOT NULL AND a.reminded_at IS NULL
                              AND a.slot_start > :now AND a.slot_start <= :until
                            """)
                    .bind("now", now).bind("until", now.plus(LEAD))
                    .map((rs, c) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6)))
                    .list();
            // The guarded update claims each reminder: another instance that read the same row updates nothing.
            return found.stream().filter(d -> h.createUpdate("UPDATE appointments SET reminded_at = :now WHERE id = :id AND reminded_at IS NULL")
                    .bind("now", now).bind("id", d.id()).execute() == 1).toList();
        });
        for (Due d : due) {
            String text = "Sportel %s: takimi juaj (%s) është në orën %s. Kodi për kioskën: %s."
                    .formatted(d.branchName(), d.letter(), TIME.format(d.start().atZone(BusinessTime.ZONE)), d.code());
            sms.send(d.phone(), text, "APPOINTMENT_REMINDER", d.code());
        }
        return due.size();
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.close();
        }
    }
}
