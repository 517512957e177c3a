package al.sportel.server.queue;

import al.sportel.model.BusinessTime;
import al.sportel.model.Counter;
import al.sportel.model.CounterStatus;
import al.sportel.model.EventType;
import al.sportel.model.QueueSnapshot;
import al.sportel.model.Role;
import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import al.sportel.model.UserInfo;
import al.sportel.model.queue.CounterStats;
import al.sportel.model.queue.EndAndCall;
import al.sportel.server.auth.Access;
import al.sportel.server.db.Database;
import al.sportel.server.events.EventHub;
import al.sportel.server.events.EventLog;
import al.sportel.server.http.ApiException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The queue: issuing, calling and moving tickets. Every change is one transaction that also appends
 * its event (numbered after commit, ADR 0008); locks are always taken in the order counter → ticket →
 * branch, so two requests never wait on each other in a circle.
 */
public final class QueueEngine {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final EventLog events;
    private final EventHub hub;
    private final Clock clock;
    private final CallNext calls;
    private final QueueViews views;
    private final TicketMoves moves;

    public QueueEngine(Database db, EventLog events, EventHub hub, Clock clock) {
        this.db = db;
        this.events = events;
        this.hub = hub;
        this.clock = clock;
        this.calls = new CallNext(db, events, hub, clock);
        this.views = new QueueViews(db, clock);
        this.moves = new TicketMoves(db, events, hub, calls, this);
    }

    /**
     * Issues a ticket inside the caller's transaction (a kiosk tap's Idempotency-Key, an appointment's
     * check-in that issues and links in one); the caller wakes the event hub after commit ({@link #announce}).
     * A priority category (checked against the configured list) makes it a priority ticket.
     * {@code appointmentStart}: the slot of a checked-in appointment, null for a walk-in.
     */
    public Ticket issueIn(Handle h, UserInfo actor, String branchCode, long serviceId, boolean priority, String category,
                          Instant appointmentStart) {
        PriorityCategories.requireActive(h, category);
        // Numbers come from the (branch, service, day) row, whose lock serialises issuing per service.
        // On H2, which lacks the upsert, the branch lock keeps two first tickets of a day from both
        // inserting that row. On PostgreSQL the branch is read only when the service is not found.
        if (!db.isPostgres()) {
            requireBranch(h, branchCode, " FOR UPDATE");
        }
        ServiceFigures service = ServiceFigures.read(h, branchCode, serviceId, today());
        if (service == null) {
            if (db.isPostgres()) { // H2 has read it above
                requireBranch(h, branchCode, "");
            }
            throw ApiException.invalid("serviceId", "no such service in branch " + branchCode);
        }
        if (!service.active()) {
            throw ApiException.invalid("serviceId", "this service is not offered at the moment");
        }
        Instant asked = now();
        LocalDate day = LocalDate.ofInstant(asked, BusinessTime.ZONE);
        int seq = TicketSequences.next(h, db.isPostgres(), branchCode, serviceId, day);
        // timed once the number is ours (its row stays locked to commit), so a later number never has an earlier
        // time; a tap that waited past midnight keeps its own day's time, as it has that day's number
        Instant taken = now();
        Instant now = LocalDate.ofInstant(taken, BusinessTime.ZONE).equals(day) ? taken : asked;
        String id = newTicketId();
        String number = ticketNumber(service.letter(), seq);
        h.createUpdate("""
                        INSERT INTO tickets (id, branch_code, service_id, ticket_number, seq, business_date, status,
                                             priority, priority_category, issued_at, appointment_start)
                        VALUES (:id, :b, :s, :num, :seq, :day, 'WAITING', :prio, :cat, :now, :appt)
                        """)
                .bind("id", id).bind("b", branchCode).bind("s", serviceId)
                .bind("num", number).bind("seq", seq).bind("day", day)
                .bind("prio", priority || category != null).bind("cat", category).bind("now", now).bind("appt", appointmentStart)
                .execute();
        // the row as inserted, without reading it back
        TicketRow issued = new TicketRow(id, number, serviceId, service.letter(), branchCode, TicketStatus.WAITING,
                priority || category != null, now, null, null, null, null, null, seq, category, false);
        Ticket view = withEstimate(h, issued, service);
        events.append(h, branchCode, EventType.TICKET_ISSUED, now, actor, view, null, null, "WAITING");
        return view;
    }

    /** After the commit of {@link #issueIn} work: the branch's new event goes out to its screens. */
    public void announce(String branchCode) {
        hub.wake(branchCode);
    }

    private static void requireBranch(Handle h, String branchCode, String lock) {
        h.createQuery("SELECT code FROM branches WHERE code = :b" + lock)
                .bind("b", branchCode).mapTo(String.class).findOne()
                .orElseThrow(() -> ApiException.notFound("No branch " + branchCode));
    }

    /** The next ticket for this counter, now CALLED there; empty when nothing waits for it. */
    public Optional<Ticket> callNext(UserInfo actor, long counterId) {
        return calls.callNext(actor, counterId, (h, counter, services) -> List.of());
    }

    Ticket move(UserInfo actor, String ticketId, TicketMove move) {
        return moves.move(actor, ticketId, move);
    }

    /** Ends the counter's ticket and calls the next one in one transaction ({@link TicketMoves#endAndCallNext}). */
    public EndAndCall endAndCallNext(UserInfo actor, long counterId, String ticketId, TicketMove end) {
        return moves.endAndCallNext(actor, counterId, ticketId, end);
    }

    /** A supervisor moves a waiting ticket ahead of (or back among) the others of its service. */
    public Ticket setPriority(UserInfo actor, String ticketId, boolean priority, String category) {
        Ticket t = db.tx(h -> {
            PriorityCategories.requireActive(h, category);
            TicketRow row = lockTicket(h, ticketId);
            Access.requireBranch(actor, row.branchCode());
            if (row.status() != TicketStatus.WAITING) {
                throw illegal(row, "priority", EnumSet.of(TicketStatus.WAITING));
            }
            h.createUpdate("UPDATE tickets SET priority = :p, priority_category = :cat WHERE id = :id")
                    .bind("p", priority || category != null).bind("cat", priority || category != null ? category : null)
                    .bind("id", ticketId).execute();
            Ticket view = withEstimate(h, find(h, ticketId).orElseThrow());
            events.append(h, row.branchCode(), EventType.TICKET_PRIORITIZED, now(), actor, view, null, "WAITING", "WAITING");
            return view;
        });
        hub.wake(t.branchCode());
        return t;
    }

    /** Back to waiting in another service's queue or for one counter, keeping its place (issuedAt). */
    public Ticket transfer(UserInfo actor, String ticketId, Long serviceId, Long counterId) {
        Ticket t = db.tx(h -> {
            TicketRow row = lockTicket(h, ticketId);
            authorizeTicketAction(h, actor, row);
            var allowed = EnumSet.of(TicketStatus.WAITING, TicketStatus.SERVING);
            if (!allowed.contains(row.status())) {
                throw illegal(row, "transfer", allowed);
            }
            // a transferred ticket is called first: a clerk moving a waiting one to their own counter would jump
            // it past everyone, unrecorded as an out-of-order call (DESIGN: transfer is from SERVING; moving is a supervisor's)
            if (row.status() == TicketStatus.WAITING && actor.role() == Role.CLERK) {
                throw ApiException.forbidden("Only a supervisor moves a waiting ticket; a clerk transfers the ticket being served");
            }
            long newService = row.serviceId();
            Long target = null;
            if (serviceId != null) {
                boolean ok = h.createQuery("SELECT COUNT(*) FROM services WHERE id = :s AND branch_code = :b AND active")
                        .bind("s", serviceId).bind("b", row.branchCode()).mapTo(Integer.class).one() == 1;
                if (!ok) {
                    throw ApiException.invalid("serviceId", "no such service in branch " + row.branchCode());
                }
                newService = serviceId;
            } else {
                String status = h.createQuery("SELECT status FROM counters WHERE id = :c AND branch_code = :b")
                        .bind("c", counterId).bind("b", row.branchCode()).mapTo(String.class).findOne()
                        .orElseThrow(() -> ApiException.invalid("counterId", "no such counter in branch " + row.branchCode()));
                // only that counter calls it: a closed one never would, and the customer would wait for nothing
                if (CounterStatus.valueOf(status) == CounterStatus.CLOSED) {
                    throw ApiException.conflict("counter-closed", "That counter is closed; send the ticket to an open counter or to a service");
                }
                target = counterId;
            }
            Instant now = now();
            h.createUpdate("""
                            UPDATE tickets SET status = 'WAITING', service_id = :s, target_counter_id = :target,
                                   counter_id = NULL, called_at = NULL, started_at = NULL
                            WHERE id = :id
                            """)
                    .bind("s", newService).bind("target", target).bind("id", ticketId).execute();
            Ticket view = withEstimate(h, find(h, ticketId).orElseThrow());
            Counter previous = row.counterId() == null ? null : CounterViews.byId(h, row.counterId()).orElse(null);
            events.append(h, row.branchCode(), EventType.TICKET_TRANSFERRED, now, actor, view, previous,
                    row.status().name(), "WAITING");
            return view;
        });
        hub.wake(t.branchCode());
        return t;
    }

    public Ticket get(UserInfo actor, String ticketId) {
        return db.read(h -> {
            TicketRow row = find(h, ticketId).orElseThrow(() -> ApiException.notFound("No ticket " + ticketId));
            Access.requireBranch(actor, row.branchCode());
            return row.status() == TicketStatus.WAITING ? withEstimate(h, row) : row.view();
        });
    }

    /** Used by public pages that already know the (unguessable) ticket id. */
    public Optional<Ticket> findPublic(String ticketId) {
        return db.read(h -> find(h, ticketId).map(r -> r.status() == TicketStatus.WAITING ? withEstimate(h, r) : r.view()));
    }

    /** Today's served and no-show counts at a counter and its average service time. */
    public CounterStats counterStats(UserInfo actor, long counterId) {
        return views.counterStats(actor, counterId);
    }

    public QueueSnapshot snapshot(String branchCode) {
        return views.snapshot(branchCode);
    }

    public boolean branchExists(String branchCode) {
        return branchExists(db, branchCode);
    }

    public static boolean branchExists(Database db, String branchCode) {
        return branchCode.length() <= 10 && db.read(h -> h.createQuery("SELECT COUNT(*) FROM branches WHERE code = :b")
                .bind("b", branchCode).mapTo(Integer.class).one()) > 0;
    }

    public static void requireBranchExists(Handle h, String branchCode) {
        if (h.createQuery("SELECT COUNT(*) FROM branches WHERE code = :b").bind("b", branchCode).mapTo(Integer.class).one() == 0) {
            throw ApiException.notFound("No branch " + branchCode);
        }
    }

    /** Position in its service's queue (1 = next, in call order) and the estimate of {@link WaitEstimator}. */
    Ticket withEstimate(Handle h, TicketRow row) {
        return withEstimate(h, row, null);
    }

    /** The same; {@code service}: its service's figures when the caller has read them (issue), else null. */
    private Ticket withEstimate(Handle h, TicketRow row, ServiceFigures service) {
        if (row.status() != TicketStatus.WAITING) {
            return row.view();
        }
        LocalDate day = LocalDate.ofInstant(row.issuedAt(), BusinessTime.ZONE);
        StarvationGuard guard = service == null
                ? StarvationGuard.load(h, row.branchCode(), day, List.of(row.serviceId()), clock.instant())
                : StarvationGuard.forService(h, row.branchCode(), day, service.rule(), clock.instant());
        int position = 1 + guard.waitingAhead(row); // the guard has read the service's waiting tickets
        WaitEstimator estimator = service == null
                ? WaitEstimator.forService(h, row.branchCode(), today(), row.serviceId())
                : WaitEstimator.forService(service);
        return row.view().withWaitEstimate(position, estimator.estimate(row.serviceId(), position));
    }

    static TicketRow lockTicket(Handle h, String ticketId) {
        if (ticketId.length() > 32) {
            throw ApiException.notFound("No ticket with that id");
        }
        h.createQuery("SELECT id FROM tickets WHERE id = :id FOR UPDATE").bind("id", ticketId).mapTo(String.class)
                .findOne().orElseThrow(() -> ApiException.notFound("No ticket " + ticketId));
        return find(h, ticketId).orElseThrow();
    }

    static Optional<TicketRow> find(Handle h, String ticketId) {
        if (ticketId.length() > 32) {
            return Optional.empty();
        }
        return h.createQuery(TicketRow.SELECT + " WHERE t.id = :id").bind("id", ticketId)
                .map((rs, ctx) -> TicketRow.map(rs)).findOne();
    }

    /** Branch staff may act on tickets; a clerk only on those waiting or at their own counter. */
    static void authorizeTicketAction(Handle h, UserInfo actor, TicketRow row) {
        Access.requireBranch(actor, row.branchCode());
        if (actor.role() == Role.CLERK && row.counterId() != null) {
            Long clerk = h.createQuery("SELECT clerk_user_id FROM counters WHERE id = :c").bind("c", row.counterId())
                    .mapTo(Long.class).findOne().orElse(null);
            authorizeTicketAction(actor, row, clerk);
        }
    }

    /** The same, with the clerk of the ticket's counter already read. */
    static void authorizeTicketAction(UserInfo actor, TicketRow row, Long counterClerk) {
        Access.requireBranch(actor, row.branchCode());
        if (actor.role() == Role.CLERK && row.counterId() != null && !Objects.equals(counterClerk, actor.id())) {
            throw ApiException.forbidden("Ticket " + row.number() + " is at another clerk's counter");
        }
    }

    static void requireCounterClerk(UserInfo actor, CounterRow counter) {
        if (actor.role() == Role.CLERK && !Objects.equals(counter.clerkUserId(), actor.id())) {
            throw ApiException.forbidden("Counter " + counter.number() + " is not signed in by you; open it first");
        }
    }

    static ApiException illegal(TicketRow row, String action, Set<TicketStatus> from) {
        return ApiException.conflict("illegal-transition", "Ticket " + row.number() + " is " + row.status()
                + "; " + action + " needs it to be " + from.stream().map(Enum::name).collect(Collectors.joining(" or ")));
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
    }

    private static String newTicketId() {
        // 128 random bits: the phone view's link must not be guessable.
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A ticket's number as the screens show it: the service's letter and at least three digits (P007, P1234). */
    static String ticketNumber(String letter, int seq) {
        String digits = Integer.toString(seq);
        return digits.length() >= 3 ? letter + digits : letter + "000".substring(digits.length()) + digits;
    }
}
