package al.sportel.server.remote;

import al.sportel.model.BusinessTime;
import al.sportel.model.Ticket;
import al.sportel.server.db.Database;
import al.sportel.server.events.EventHub;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.PublicLinks;
import al.sportel.server.queue.QueueEngine;
import al.sportel.server.queue.QueueSettings;
import al.sportel.server.queue.WaitEstimator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Joining the queue from home (issue 19): the centres with their waits, taking a remote ticket within the
 * daily limits, and the ticket's state for its holder. Check-in is {@link al.sportel.server.queue.RemoteCheckIns}.
 */
public final class RemoteTicketService {

    private static final SecureRandom RANDOM = new SecureRandom();
    // no 0/O, 1/I: the code may be typed from the phone's screen
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int CODE_LENGTH = 8;

    private final Database db;
    private final QueueEngine engine;
    private final EventHub hub;
    private final PublicLinks links;
    private final RemoteQueueConfig config;
    private final Clock clock;

    public RemoteTicketService(Database db, QueueEngine engine, EventHub hub, PublicLinks links, RemoteQueueConfig config,
                               Clock clock) {
        this.db = db;
        this.engine = engine;
        this.hub = hub;
        this.links = links;
        this.config = config;
        this.clock = clock;
    }

    public List<Centre> centres() {
        LocalDate day = today();
        return db.read(h -> {
            List<Centre> centres = new ArrayList<>();
            h.createQuery("SELECT code, name, city, address FROM branches ORDER BY name")
                    .map((rs, c) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                    .list()
                    .forEach(b -> {
                        WaitEstimator estimator = WaitEstimator.load(h, b[0], day);
                        List<Centre.Service> services = h.createQuery("""
                                        SELECT s.id, s.letter, s.name, s.name_en,
                                               (SELECT COUNT(*) FROM tickets t WHERE t.service_id = s.id AND t.status = 'WAITING'
                                                  AND t.business_date = :d) AS waiting,
                                               (SELECT COUNT(*) FROM counter_services cs JOIN counters c ON c.id = cs.counter_id
                                                  WHERE cs.service_id = s.id AND c.status = 'OPEN') AS open_counters
                                        FROM services s WHERE s.branch_code = :b AND s.active ORDER BY s.letter
                                        """)
                                .bind("b", b[0]).bind("d", day)
                                .map((rs, c) -> new Centre.Service(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                        rs.getInt(5), rs.getInt(6), estimator.estimate(rs.getLong(1), rs.getInt(5) + 1)))
                                .list();
                        centres.add(new Centre(b[0], b[1], b[2], b[3], services));
                    });
            return centres;
        });
    }

    /**
     * A remote ticket for a verified account, inside the caller's transaction (its Idempotency-Key's); 429 over the
     * daily limits of the account or of the address. The caller calls {@link #announce} after the commit.
     */
    public RemoteTicket take(Handle h, String customerCode, String address, String branchCode, long serviceId, int travelMinutes,
                             String phone) {
        LocalDate day = today();
        // The account's row lock makes two simultaneous requests of one account count one after the other.
        h.createQuery("SELECT code FROM customers WHERE code = :c FOR UPDATE").bind("c", customerCode)
                .mapTo(String.class).findOne().orElseThrow(() -> ApiException.unauthorized("Verify the account again"));
        // After the centre's day has ended the ticket would be today's, and tomorrow morning already dead.
        if (h.createQuery("SELECT COUNT(*) FROM day_end_runs WHERE branch_code = :b AND business_date = :d")
                .bind("b", branchCode).bind("d", day).mapTo(Integer.class).one() > 0) {
            throw ApiException.conflict("centre-closed", "Centre " + branchCode
                    + " has ended its day; remote tickets for it open again tomorrow morning");
        }
        int byAccount = count(h, "customer_code", customerCode, day);
        if (byAccount >= config.perAccountPerDay()) {
            throw ApiException.tooManyRequests("This account has taken " + byAccount + " remote tickets today, the most "
                    + "allowed (" + config.perAccountPerDay() + "); take a ticket at the centre's kiosk or try again tomorrow",
                    secondsToTomorrow());
        }
        int byAddress = count(h, "client_address", address, day);
        if (byAddress >= config.perAddressPerDay()) {
            throw ApiException.tooManyRequests("Too many remote tickets from this network today (" + byAddress
                    + "); take a ticket at the centre's kiosk or try again tomorrow", secondsToTomorrow());
        }
        Ticket t = engine.issueIn(h, null, branchCode, serviceId, false, null, null);
        h.createUpdate("UPDATE tickets SET awaiting_check_in = TRUE WHERE id = :id").bind("id", t.id()).execute();
        h.createUpdate("""
                        INSERT INTO remote_tickets (ticket_id, branch_code, business_date, customer_code, client_address,
                                                    check_in_code, travel_minutes, phone, created_at)
                        VALUES (:id, :b, :d, :c, :a, :code, :travel, :phone, :now)
                        """)
                .bind("id", t.id()).bind("b", branchCode).bind("d", day).bind("c", customerCode)
                .bind("a", address.length() > 64 ? address.substring(0, 64) : address)
                .bind("code", newCode(h)).bind("travel", travelMinutes).bind("phone", phone)
                .bind("now", clock.instant().truncatedTo(ChronoUnit.MICROS)).execute();
        // the ticket as issued is what the queue says of it now: its flag changes nothing ahead of it
        return view(h, t).orElseThrow();
    }

    /** After the commit of {@link #take}: the centre's screens hear of the new ticket. */
    public void announce(String branchCode) {
        hub.wake(branchCode);
    }

    /** Today's remote tickets of an account, newest first. */
    public List<RemoteTicket> mine(String customerCode) {
        List<String> ids = db.read(h -> h.createQuery("""
                        SELECT ticket_id FROM remote_tickets WHERE customer_code = :c AND business_date = :d ORDER BY created_at DESC
                        """)
                .bind("c", customerCode).bind("d", today()).mapTo(String.class).list());
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /**
     * Numbers of a centre's remote tickets skipped today that can still come back (not yet recalled, within
     * the grace period): the display lists them so their holders know to check in.
     */
    public List<String> skipped(String branchCode) {
        return db.read(h -> {
            QueueEngine.requireBranchExists(h, branchCode);
            int grace = QueueSettings.of(h, branchCode).noShowGraceMinutes();
            return h.createQuery("""
                            SELECT t.ticket_number FROM remote_tickets r JOIN tickets t ON t.id = r.ticket_id
                            WHERE r.branch_code = :b AND r.business_date = :d AND t.status = 'NO_SHOW' AND r.skipped_at IS NOT NULL
                              AND r.recalled_at IS NULL AND t.finished_at >= :since
                            ORDER BY t.finished_at DESC LIMIT 12
                            """)
                    .bind("b", branchCode).bind("d", today()).bind("since", clock.instant().minus(Duration.ofMinutes(grace)))
                    .mapTo(String.class).list();
        });
    }

    /** Whether the id is a ticket at all (remote or not). */
    public boolean isTicket(String ticketId) {
        return ticketId.length() <= 32 && engine.findPublic(ticketId).isPresent();
    }

    /** By the ticket's (unguessable) id, as the phone view knows it. */
    public Optional<RemoteTicket> find(String ticketId) {
        if (ticketId.length() > 32) {
            return Optional.empty();
        }
        return engine.findPublic(ticketId).flatMap(t -> db.read(h -> view(h, t)));
    }

    private Optional<RemoteTicket> view(Handle h, Ticket t) {
        return h.createQuery("""
                        SELECT r.travel_minutes, r.check_in_code, r.checked_in_at, r.skipped_at, r.recalled_at, r.phone,
                               t.finished_at, b.name, s.name, s.name_en, c.counter_number
                        FROM remote_tickets r JOIN tickets t ON t.id = r.ticket_id JOIN branches b ON b.code = r.branch_code
                             JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = t.counter_id
                        WHERE r.ticket_id = :id
                        """)
                .bind("id", t.id())
                .map((rs, c) -> {
                    boolean skipped = rs.getObject(4) != null && t.status().name().equals("NO_SHOW");
                    boolean recalled = rs.getObject(5) != null;
                    boolean inGrace = skipped && !recalled && withinGrace(h, t.branchCode(), rs.getObject(7, OffsetDateTime.class));
                    Integer counter = rs.getObject(11) == null ? null : rs.getInt(11);
                    return new RemoteTicket(t.id(), t.number(), t.branchCode(), rs.getString(8), t.serviceId(),
                            rs.getString(9), rs.getString(10), t.status().name(), t.position(), t.estimatedWaitSeconds(),
                            counter, t.issuedAt(), rs.getInt(1), rs.getString(2), rs.getObject(3) != null, skipped, recalled,
                            inGrace, rs.getString(6) != null, links.ticketView(t.id()),
                            "/api/v1/public/remote-tickets/" + t.id() + "/qr.svg");
                })
                .findOne();
    }

    private boolean withinGrace(Handle h, String branchCode, OffsetDateTime finishedAt) {
        if (finishedAt == null) {
            return false;
        }
        int grace = QueueSettings.of(h, branchCode).noShowGraceMinutes();
        return Duration.between(finishedAt.toInstant(), clock.instant()).compareTo(Duration.ofMinutes(grace)) <= 0;
    }

    private static int count(Handle h, String column, String value, LocalDate day) {
        return h.createQuery("SELECT COUNT(*) FROM remote_tickets WHERE " + column + " = :v AND business_date = :d")
                .bind("v", value).bind("d", day).mapTo(Integer.class).one();
    }

    private static String newCode(Handle h) {
        for (;;) {
            StringBuilder b = new StringBuilder(CODE_LENGTH);
            for (int i = 0; i < CODE_LENGTH; i++) {
                b.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
            }
            String code = b.toString();
            boolean taken = h.createQuery("SELECT COUNT(*) FROM remote_tickets WHERE check_in_code = :c").bind("c", code)
                    .mapTo(Integer.class).one() > 0;
            if (!taken) {
                return code;
            }
        }
    }

    private long secondsToTomorrow() {
        Instant now = clock.instant();
        Instant midnight = BusinessTime.startOf(today().plusDays(1));
        return Math.max(1, Duration.between(now, midnight).toSeconds());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
    }
}
