package al.sportel.server.appointments;

import al.sportel.model.BusinessTime;
import al.sportel.model.Ticket;
import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.db.Database;
import al.sportel.server.db.GuardRows;
import al.sportel.server.events.EventHub;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.PublicLinks;
import al.sportel.server.queue.QueueEngine;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Appointments: a supervisor sets how many per service and hour of the day; a citizen books an hour;
 * at check-in the ticket carries its slot, and call-next takes it ahead of walk-ins while the slot
 * runs. Checking in more than {@link #LATE_AFTER} after the slot began gives an ordinary walk-in ticket.
 */
public final class AppointmentService {

    static final Duration EARLIEST_CHECK_IN = Duration.ofMinutes(60);
    static final Duration LATE_AFTER = Duration.ofMinutes(15);
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How far ahead a citizen books: a month, as the centres plan their staff. */
    static final int HORIZON_DAYS = 30;
    /** Appointments still to come that one phone number may hold. */
    static final int BOOKED_PER_PHONE = 3;

    public record HourCapacity(int hour, int capacity) {
    }

    public record Slot(Instant start, Instant end, int capacity, int booked, int free) {
    }

    /** {@code id} is the unguessable key of the citizen's link; {@code code} is typed at the kiosk. */
    public record Appointment(String id, String code, String branchCode, long serviceId, Instant slotStart, Instant slotEnd,
                              String name, String status, String ticketId, Instant remindedAt) {
    }

    /** {@code viewUrl}: the ticket's phone view at the public URL, printed under its QR code by the kiosk. */
    public record CheckIn(Appointment appointment, Ticket ticket, boolean late, String viewUrl) {
    }

    /** A centre that takes appointments, with the services that do (some hour with capacity). */
    public record Centre(String code, String name, String city, List<BookableService> services) {
    }

    public record BookableService(long id, String letter, String name, String nameEn) {
    }

    private final Database db;
    private final QueueEngine engine;
    private final EventHub hub;
    private final PublicLinks links;
    private final Clock clock;

    public AppointmentService(Database db, QueueEngine engine, EventHub hub, PublicLinks links, Clock clock) {
        this.db = db;
        this.engine = engine;
        this.hub = hub;
        this.links = links;
        this.clock = clock;
    }

    public List<HourCapacity> capacity(UserInfo actor, long serviceId) {
        return db.read(h -> {
            Access.requireBranch(actor, serviceBranch(h, serviceId));
            return h.createQuery("SELECT slot_hour, capacity FROM appointment_capacity WHERE service_id = :s ORDER BY slot_hour")
                    .bind("s", serviceId).map((rs, c) -> new HourCapacity(rs.getInt(1), rs.getInt(2))).list();
        });
    }

    /** Replaces the service's capacity table; hours not listed take no appointments. */
    public List<HourCapacity> setCapacity(UserInfo actor, long serviceId, List<HourCapacity> hours) {
        db.tx(h -> {
            Access.requireBranch(actor, serviceBranch(h, serviceId));
            h.execute("DELETE FROM appointment_capacity WHERE service_id = ?", serviceId);
            for (HourCapacity c : hours) {
                h.execute("INSERT INTO appointment_capacity (service_id, slot_hour, capacity) VALUES (?, ?, ?)",
                        serviceId, c.hour(), c.capacity());
            }
            return null;
        });
        return capacity(actor, serviceId);
    }

    /** Where a citizen can book (the phone app's first choice): centres and their services with any appointment capacity. */
    public List<Centre> centres() {
        return db.read(h -> {
            Map<String, List<BookableService>> byBranch = new LinkedHashMap<>();
            h.createQuery("""
                            SELECT s.branch_code, s.id, s.letter, s.name, s.name_en FROM services s
                            WHERE s.active AND EXISTS (SELECT 1 FROM appointment_capacity c WHERE c.service_id = s.id AND c.capacity > 0)
                            ORDER BY s.branch_code, s.letter
                            """)
                    .map((rs, c) -> Map.entry(rs.getString(1), new BookableService(rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5))))
                    .forEach(e -> byBranch.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return h.createQuery("SELECT code, name, city FROM branches ORDER BY city, name")
                    .map((rs, c) -> new Centre(rs.getString(1), rs.getString(2), rs.getString(3), byBranch.get(rs.getString(1))))
                    .filter(c -> c.services() != null)
                    .list();
        });
    }

    /** The bookable hours of a day that have not begun yet. */
    public List<Slot> slots(String branchCode, long serviceId, LocalDate date) {
        return db.read(h -> {
            requireService(h, branchCode, serviceId);
            if (ClosedDays.closed(h, branchCode, date) || date.isAfter(BusinessTime.today(clock).plusDays(HORIZON_DAYS))) {
                return List.<Slot>of();
            }
            Map<Integer, Integer> booked = booked(h, serviceId, date);
            Instant now = clock.instant();
            List<Slot> out = new ArrayList<>();
            h.createQuery("SELECT slot_hour, capacity FROM appointment_capacity WHERE service_id = :s AND capacity > 0 ORDER BY slot_hour")
                    .bind("s", serviceId).map((rs, c) -> new HourCapacity(rs.getInt(1), rs.getInt(2)))
                    .forEach(c -> {
                        Instant start = slotStart(date, c.hour());
                        if (start.isAfter(now)) {
                            int taken = booked.getOrDefault(c.hour(), 0);
                            out.add(new Slot(start, start.plus(Duration.ofHours(1)), c.capacity(), taken, Math.max(0, c.capacity() - taken)));
                        }
                    });
            return out;
        });
    }

    /** Before {@link #book}'s transaction: the phone's guard row, made outside it so that a losing insert never aborts it. */
    public void prepareBooking(String phone) {
        if (phone != null) {
            GuardRows.ensure(db, "appointment_phone_guards", Map.of("phone", phone));
        }
    }

    /** A citizen's booking inside the caller's transaction (its Idempotency-Key's), after {@link #prepareBooking}. */
    public Appointment book(Handle h, String branchCode, long serviceId, Instant start, String name, String phone) {
        Map<String, Object> guard = phone == null ? null : Map.of("phone", phone);
        requireService(h, branchCode, serviceId);
        if (guard != null) {
            // one phone's bookings, for any service or centre, count one after another (then the service's lock)
            GuardRows.lock(h, "appointment_phone_guards", guard);
        }
        // The service row's lock serialises bookings of one service, so two citizens never take the last place together.
        h.createQuery("SELECT id FROM services WHERE id = :s FOR UPDATE").bind("s", serviceId).mapTo(Long.class).one();
        ZonedDateTime local = start.atZone(BusinessTime.ZONE);
        if (local.getMinute() != 0 || local.getSecond() != 0 || local.getNano() != 0) {
            throw ApiException.invalid("start", "must be the start of an hour (a slot from the list)");
        }
        if (!start.isAfter(clock.instant())) {
            throw ApiException.invalid("start", "this slot has already begun");
        }
        if (local.toLocalDate().isAfter(BusinessTime.today(clock).plusDays(HORIZON_DAYS))) {
            throw ApiException.invalid("start", "appointments are taken at most " + HORIZON_DAYS + " days ahead");
        }
        // one phone holds a few places, not a morning's: a prank or a script cannot empty the diary
        if (phone != null && h.createQuery("""
                        SELECT COUNT(*) FROM appointments WHERE phone = :p AND status = 'BOOKED' AND slot_start > :now
                        """)
                .bind("p", phone).bind("now", clock.instant()).mapTo(Integer.class).one() >= BOOKED_PER_PHONE) {
            throw ApiException.conflict("phone-limit", "This phone number already holds " + BOOKED_PER_PHONE
                    + " appointments to come; cancel one first");
        }
        if (ClosedDays.closed(h, branchCode, local.toLocalDate())) {
            throw ApiException.conflict("centre-closed-day", "Centre " + branchCode + " is closed on " + local.toLocalDate()
                    + "; choose another day");
        }
        int capacity = h.createQuery("SELECT capacity FROM appointment_capacity WHERE service_id = :s AND slot_hour = :h")
                .bind("s", serviceId).bind("h", local.getHour()).mapTo(Integer.class).findOne().orElse(0);
        int taken = booked(h, serviceId, local.toLocalDate()).getOrDefault(local.getHour(), 0);
        if (taken >= capacity) {
            throw ApiException.conflict("slot-full", "No place is left at " + local.toLocalTime() + "; choose another hour");
        }
        String id = randomId();
        String code = newCode(h, branchCode);
        h.createUpdate("""
                        INSERT INTO appointments (id, code, branch_code, service_id, slot_start, name, phone, status, created_at)
                        VALUES (:id, :code, :b, :s, :start, :name, :phone, 'BOOKED', :now)
                        """)
                .bind("id", id).bind("code", code).bind("b", branchCode).bind("s", serviceId).bind("start", start)
                .bind("name", name).bind("phone", phone).bind("now", now()).execute();
        return find(h, "a.id = :k", id).orElseThrow();
    }

    public Appointment get(String id) {
        return db.read(h -> find(h, "a.id = :k", id).orElseThrow(() -> ApiException.notFound("No such appointment")));
    }

    public Appointment cancel(String id) {
        return db.tx(h -> {
            Appointment a = lock(h, "a.id = :k", id).orElseThrow(() -> ApiException.notFound("No such appointment"));
            if (!a.status().equals("BOOKED")) {
                throw ApiException.conflict("illegal-transition", "The appointment is " + a.status() + "; only a booked one can be cancelled");
            }
            h.execute("UPDATE appointments SET status = 'CANCELLED' WHERE id = ?", a.id());
            return find(h, "a.id = :k", id).orElseThrow();
        });
    }

    public List<Appointment> forDay(UserInfo actor, String branchCode, LocalDate date) {
        return db.read(h -> {
            QueueEngine.requireBranchExists(h, branchCode);
            Access.requireBranch(actor, branchCode);
            return h.createQuery(SELECT + " WHERE a.branch_code = :b AND a.slot_start >= :from AND a.slot_start < :to ORDER BY a.slot_start, a.code")
                    .bind("b", branchCode).bind("from", BusinessTime.startOf(date))
                    .bind("to", BusinessTime.startOf(date.plusDays(1)))
                    .map((rs, c) -> map(rs)).list();
        });
    }

    /**
     * At the kiosk (or a clerk for the citizen): the appointment becomes a ticket, in its slot or, if late, as
     * a walk-in; inside the caller's transaction (an Idempotency-Key's), and the caller calls {@link #announce}
     * after its commit.
     */
    public CheckIn checkIn(Handle h, UserInfo actor, String branchCode, String code) {
        Access.requireBranch(actor, branchCode);
        Appointment a = lock(h, "a.branch_code = :b AND a.code = :k", code, branchCode)
                .orElseThrow(() -> ApiException.invalid("code", "no appointment with this code at " + branchCode));
        if (!a.status().equals("BOOKED")) {
            throw ApiException.conflict("illegal-transition", "The appointment is " + a.status() + "; it cannot check in again");
        }
        Instant now = clock.instant();
        if (now.isBefore(a.slotStart().minus(EARLIEST_CHECK_IN))) {
            throw ApiException.conflict("too-early", "Check-in opens " + EARLIEST_CHECK_IN.toMinutes()
                    + " minutes before the appointment");
        }
        if (BusinessTime.dateOf(a.slotStart()).isBefore(BusinessTime.dateOf(now))) {
            // an appointment is for its day: a week-old booking is not a walk-in today
            throw ApiException.conflict("appointment-expired", "The appointment was for " + BusinessTime.dateOf(a.slotStart())
                    + "; take a ticket at the kiosk or book a new time");
        }
        boolean late = now.isAfter(a.slotStart().plus(LATE_AFTER));
        Ticket ticket = engine.issueIn(h, actor, branchCode, a.serviceId(), false, null, late ? null : a.slotStart());
        h.createUpdate("UPDATE appointments SET status = :st, ticket_id = :t WHERE id = :id")
                .bind("st", late ? "LATE" : "CHECKED_IN").bind("t", ticket.id()).bind("id", a.id()).execute();
        return new CheckIn(find(h, "a.id = :k", a.id()).orElseThrow(), ticket, late, links.ticketView(ticket.id()));
    }

    /** After the commit of a check-in: its ticket's event goes out to the centre's screens. */
    public void announce(String branchCode) {
        hub.wake(branchCode);
    }

    private static final String SELECT = """
            SELECT a.id, a.code, a.branch_code, a.service_id, a.slot_start, a.name, a.status, a.ticket_id, a.reminded_at
            FROM appointments a
            """;

    private static Optional<Appointment> find(Handle h, String where, String key) {
        return h.createQuery(SELECT + " WHERE " + where).bind("k", key).map((rs, c) -> map(rs)).findOne();
    }

    private static Optional<Appointment> lock(Handle h, String where, String key, String... branch) {
        var q = h.createQuery(SELECT + " WHERE " + where + " FOR UPDATE").bind("k", key);
        if (branch.length > 0) {
            q.bind("b", branch[0]);
        }
        return q.map((rs, c) -> map(rs)).findOne();
    }

    private static Appointment map(ResultSet rs) throws SQLException {
        Instant start = rs.getObject("slot_start", OffsetDateTime.class).toInstant();
        OffsetDateTime reminded = rs.getObject("reminded_at", OffsetDateTime.class);
        return new Appointment(rs.getString("id"), rs.getString("code"), rs.getString("branch_code"), rs.getLong("service_id"),
                start, start.plus(Duration.ofHours(1)), rs.getString("name"), rs.getString("status"), rs.getString("ticket_id"),
                reminded == null ? null : reminded.toInstant());
    }

    private static Map<Integer, Integer> booked(Handle h, long serviceId, LocalDate date) {
        Map<Integer, Integer> out = new HashMap<>();
        h.createQuery("""
                        SELECT slot_start FROM appointments
                        WHERE service_id = :s AND status <> 'CANCELLED' AND slot_start >= :from AND slot_start < :to
                        """)
                .bind("s", serviceId).bind("from", BusinessTime.startOf(date))
                .bind("to", BusinessTime.startOf(date.plusDays(1)))
                .map((rs, c) -> rs.getObject(1, OffsetDateTime.class).toInstant().atZone(BusinessTime.ZONE).getHour())
                .forEach(hour -> out.merge(hour, 1, Integer::sum));
        return out;
    }

    private static Instant slotStart(LocalDate date, int hour) {
        return date.atTime(hour, 0).atZone(BusinessTime.ZONE).toInstant();
    }

    private static String serviceBranch(Handle h, long serviceId) {
        return h.createQuery("SELECT branch_code FROM services WHERE id = :s").bind("s", serviceId).mapTo(String.class)
                .findOne().orElseThrow(() -> ApiException.notFound("No service with id " + serviceId));
    }

    private static void requireService(Handle h, String branchCode, long serviceId) {
        QueueEngine.requireBranchExists(h, branchCode);
        int n = h.createQuery("SELECT COUNT(*) FROM services WHERE id = :s AND branch_code = :b AND active")
                .bind("s", serviceId).bind("b", branchCode).mapTo(Integer.class).one();
        if (n == 0) {
            throw ApiException.invalid("serviceId", "no such service in branch " + branchCode);
        }
    }

    private static String newCode(Handle h, String branchCode) {
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                sb.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
            }
            int taken = h.createQuery("SELECT COUNT(*) FROM appointments WHERE branch_code = :b AND code = :c")
                    .bind("b", branchCode).bind("c", sb.toString()).mapTo(Integer.class).one();
            if (taken == 0) {
                return sb.toString();
            }
        }
        throw new IllegalStateException("no free appointment code after 20 tries");
    }

    private static String randomId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
