package al.sportel.server.queue;

import al.sportel.model.Counter;
import al.sportel.model.CounterStatus;
import al.sportel.model.EventType;
import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.server.admin.AuditLog;
import al.sportel.server.auth.Access;
import al.sportel.server.db.Database;
import al.sportel.server.events.EventHub;
import al.sportel.server.events.EventLog;
import al.sportel.server.http.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Opening, pausing and closing counters and setting their work profile. */
public final class CounterActions {

    private final Database db;
    private final EventLog events;
    private final EventHub hub;
    private final Clock clock;
    private final AuditLog audit;

    public CounterActions(Database db, EventLog events, EventHub hub, Clock clock) {
        this.db = db;
        this.events = events;
        this.hub = hub;
        this.clock = clock;
        this.audit = new AuditLog(clock);
    }

    /**
     * The user signs in at the counter. A counter has at most one clerk and a clerk sits at one counter;
     * a supervisor opening a paused counter leaves its clerk in place.
     */
    public Counter open(UserInfo actor, long counterId) {
        return change(actor, counterId, (h, c) -> {
            Long clerk = c.clerkUserId();
            if (clerk != null && !clerk.equals(actor.id())) {
                if (actor.role() == Role.CLERK) {
                    throw ApiException.conflict("counter-taken", "Counter " + c.number() + " is already signed in by "
                            + displayName(h, clerk));
                }
            } else {
                Optional<Integer> elsewhere = h.createQuery("""
                                SELECT counter_number FROM counters WHERE clerk_user_id = :u AND id <> :c AND status <> 'CLOSED'
                                """)
                        .bind("u", actor.id()).bind("c", c.id()).mapTo(Integer.class).findFirst();
                if (elsewhere.isPresent()) {
                    throw ApiException.conflict("already-at-counter", "You are signed in at counter " + elsewhere.get()
                            + "; close it first");
                }
                clerk = actor.id();
            }
            h.createUpdate("UPDATE counters SET status = 'OPEN', clerk_user_id = :u WHERE id = :c")
                    .bind("u", clerk).bind("c", c.id()).execute();
            endPause(h, c.id(), now());
            return CounterStatus.OPEN;
        });
    }

    public Counter pause(UserInfo actor, long counterId) {
        return pause(actor, counterId, null);
    }

    /**
     * Pauses with a reason from the PAUSE list; {@code reason} may be null for clients that do not send
     * one yet. The pause is kept (who, why, from, until) for the board and the clerks' report.
     */
    public Counter pause(UserInfo actor, long counterId, String reason) {
        return change(actor, counterId, (h, c) -> {
            if (reason != null) {
                QueueReasons.requireActive(h, QueueReasons.Kind.PAUSE, reason, "reason");
            }
            QueueEngine.requireCounterClerk(actor, c);
            if (c.status() != CounterStatus.OPEN) {
                throw ApiException.conflict("illegal-transition", "Counter " + c.number() + " is " + c.status()
                        + "; only an OPEN counter can pause");
            }
            // A called customer is walking up, a served one is at the desk: the pause would be counted as service
            // time, and the screen would show a paused counter calling someone.
            requireFree(h, c, "pausing");
            h.execute("UPDATE counters SET status = 'PAUSED' WHERE id = ?", c.id());
            h.createUpdate("""
                            INSERT INTO counter_pauses (branch_code, counter_id, clerk_user_id, reason_code, started_at)
                            VALUES (:b, :c, :u, :r, :now)
                            """)
                    .bind("b", c.branchCode()).bind("c", c.id()).bind("u", c.clerkUserId()).bind("r", reason)
                    .bind("now", now()).execute();
            return CounterStatus.PAUSED;
        });
    }

    public Counter close(UserInfo actor, long counterId) {
        return change(actor, counterId, (h, c) -> {
            QueueEngine.requireCounterClerk(actor, c);
            if (c.status() == CounterStatus.CLOSED) {
                throw ApiException.conflict("illegal-transition", "Counter " + c.number() + " is already closed");
            }
            requireFree(h, c, "closing");
            h.execute("UPDATE counters SET status = 'CLOSED', clerk_user_id = NULL WHERE id = ?", c.id());
            endPause(h, c.id(), now());
            TransferredTickets.release(h, events, actor, c.id(), now());
            return CounterStatus.CLOSED;
        });
    }

    /** Replaces the counter's work profile; the list order is its order of preference. */
    public Counter setServices(UserInfo actor, long counterId, List<Long> serviceIds) {
        return change(actor, counterId, (h, c) -> {
            writeServices(h, c.id(), c.branchCode(), serviceIds);
            // A new version of the counter row: a call-next waiting for this lock learns that the services
            // it read before the wait are old (PgCallNext.lock), and reads them again.
            h.execute("UPDATE counters SET name = name WHERE id = ?", c.id());
            return c.status();
        });
    }

    /**
     * A new, closed counter (administration): the counter, its services and its audit record in one transaction,
     * so a wrong service leaves no counter behind.
     */
    public Counter create(UserInfo actor, String branchCode, int number, String name, List<Long> serviceIds) {
        Counter created = db.tx(h -> {
            QueueEngine.requireBranchExists(h, branchCode);
            Access.requireBranch(actor, branchCode);
            if (h.createQuery("SELECT COUNT(*) FROM counters WHERE branch_code = :b AND counter_number = :n")
                    .bind("b", branchCode).bind("n", number).mapTo(Integer.class).one() > 0) {
                throw ApiException.conflict("counter-exists", "Branch " + branchCode + " already has counter " + number);
            }
            long id = h.createUpdate("INSERT INTO counters (branch_code, counter_number, name, status) VALUES (:b, :n, :name, 'CLOSED')")
                    .bind("b", branchCode).bind("n", number).bind("name", name)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            writeServices(h, id, branchCode, serviceIds);
            Counter view = CounterViews.byId(h, id).orElseThrow();
            audit.record(h, actor, branchCode, "counter.created", "counter " + number, "name=" + name + ", serviceIds=" + serviceIds);
            events.append(h, branchCode, EventType.COUNTER_UPDATED, now(), actor, null, view, null, CounterStatus.CLOSED.name());
            return view;
        });
        hub.wake(branchCode);
        return created;
    }

    private static void writeServices(Handle h, long counterId, String branchCode, List<Long> serviceIds) {
        List<Long> valid = h.createQuery("SELECT id FROM services WHERE branch_code = :b AND id IN (<ids>)")
                .bind("b", branchCode).bindList("ids", serviceIds).mapTo(Long.class).list();
        if (valid.size() != serviceIds.size()) {
            List<Long> unknown = serviceIds.stream().filter(id -> !valid.contains(id)).toList();
            throw ApiException.invalid("serviceIds", "no such services in branch " + branchCode + ": " + unknown);
        }
        h.execute("DELETE FROM counter_services WHERE counter_id = ?", counterId);
        for (int i = 0; i < serviceIds.size(); i++) {
            h.execute("INSERT INTO counter_services (counter_id, service_id, sort_order) VALUES (?, ?, ?)", counterId, serviceIds.get(i), i);
        }
    }

    /** 409 counter-busy while a ticket is called to or served at the counter. */
    private static void requireFree(Handle h, CounterRow c, String doing) {
        Optional<String> busy = h.createQuery("SELECT ticket_number FROM tickets WHERE counter_id = :c AND status IN ('CALLED', 'SERVING')")
                .bind("c", c.id()).mapTo(String.class).findFirst();
        if (busy.isPresent()) {
            throw ApiException.conflict("counter-busy", "Ticket " + busy.get() + " is still at counter " + c.number()
                    + "; finish or return it before " + doing);
        }
    }

    /** Ends the counter's open pause, if any (on resuming, closing, and when the day's end closes it). */
    static void endPause(Handle h, long counterId, Instant now) {
        h.createUpdate("UPDATE counter_pauses SET ended_at = :now WHERE counter_id = :c AND ended_at IS NULL")
                .bind("now", now).bind("c", counterId).execute();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private interface Change {
        CounterStatus apply(Handle h, CounterRow counter);
    }

    private Counter change(UserInfo actor, long counterId, Change change) {
        String[] branch = new String[1];
        Counter result = db.tx(h -> {
            CounterRow c = CounterViews.lock(h, counterId)
                    .orElseThrow(() -> ApiException.notFound("No counter with id " + counterId));
            Access.requireBranch(actor, c.branchCode());
            branch[0] = c.branchCode();
            CounterStatus to = change.apply(h, c);
            Counter view = CounterViews.byId(h, counterId).orElseThrow();
            events.append(h, c.branchCode(), EventType.COUNTER_UPDATED, now(), actor, null, view,
                    c.status().name(), to.name());
            return view;
        });
        hub.wake(branch[0]);
        return result;
    }

    private static String displayName(Handle h, long userId) {
        return h.createQuery("SELECT display_name FROM users WHERE id = :u").bind("u", userId)
                .mapTo(String.class).findOne().map(Objects::toString).orElse("another clerk");
    }
}
