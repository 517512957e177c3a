package al.sportel.server.events;

import al.sportel.model.Counter;
import al.sportel.model.EventType;
import al.sportel.model.LiveEvent;
import al.sportel.model.Ticket;
import al.sportel.model.UserInfo;
import al.sportel.server.db.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Appends one row per state change: the audit log (who, when, from, to, counter) and the source of
 * the live stream. The row's per-branch stream number is given after commit by {@link EventSequencer}
 * (ADR 0008), so appending takes no lock another change of the branch would wait for.
 */
public final class EventLog {

    private final ObjectMapper mapper;

    public EventLog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Inserts the event unnumbered; {@link EventSequencer} numbers it once committed. */
    public void append(Handle h, String branchCode, EventType type, Instant at, UserInfo actor,
                       Ticket ticket, Counter counter, String fromStatus, String toStatus) {
        String payload;
        try {
            payload = mapper.writeValueAsString(new LiveEvent(type, at, ticket, counter));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload not serialisable", e);
        }
        Long counterId = counter != null ? Long.valueOf(counter.id()) : ticket == null ? null : ticket.counterId();
        bindEvent(h.createUpdate("""
                        INSERT INTO events (branch_code, event_type, occurred_at, actor_user_id, actor_username,
                                            ticket_id, counter_id, from_status, to_status, payload)
                        VALUES (:b, :type, :at, :uid, :uname, :ticket, :counter, :from, :to, :payload)
                        """),
                branchCode, type, at, actor, ticket, counterId, fromStatus, toStatus, payload).execute();
    }

    private static <S extends SqlStatement<S>> S bindEvent(S s, String branchCode, EventType type,
            Instant at, UserInfo actor, Ticket ticket, Long counterId, String fromStatus, String toStatus, String payload) {
        return s.bind("b", branchCode).bind("type", type.wireName()).bind("at", at)
                .bind("uid", actor == null ? null : actor.id())
                .bind("uname", actor == null ? null : actor.username())
                .bind("ticket", ticket == null ? null : ticket.id())
                .bind("counter", counterId)
                .bind("from", fromStatus).bind("to", toStatus).bind("payload", payload);
    }

    /** The newest numbered event of a branch, as committed (numbering what is committed first). */
    public static long lastSeq(Database db, String branchCode) {
        return EventSequencer.sequence(db, branchCode);
    }
}
