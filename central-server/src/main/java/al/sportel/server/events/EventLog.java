package al.sportel.server.events;

import al.sportel.model.Counter;
import al.sportel.model.EventType;
import al.sportel.model.LiveEvent;
import al.sportel.model.Ticket;
import al.sportel.model.UserInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Appends one row per state change: the audit log (who, when, from, to, counter) and the source of
 * the live stream. The per-branch sequence comes from the branch row, whose lock is held until commit,
 * so a branch's events become visible strictly in id order and a reader never skips one.
 */
public final class EventLog {

    private final ObjectMapper mapper;
    private final boolean postgres;

    public EventLog(ObjectMapper mapper, boolean postgres) {
        this.mapper = mapper;
        this.postgres = postgres;
    }

    public long append(Handle h, String branchCode, EventType type, Instant at, UserInfo actor,
                       Ticket ticket, Counter counter, String fromStatus, String toStatus) {
        String payload;
        try {
            payload = mapper.writeValueAsString(new LiveEvent(type, at, ticket, counter));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload not serialisable", e);
        }
        // The branch row lock is held from here to commit and every event of the branch waits for it,
        // so the payload is built first and, on PostgreSQL, the increment and insert are one statement.
        String insert = """
                INSERT INTO events (branch_code, seq, event_type, occurred_at, actor_user_id, actor_username,
                                    ticket_id, counter_id, from_status, to_status, payload)
                """;
        Long counterId = counter != null ? Long.valueOf(counter.id()) : ticket == null ? null : ticket.counterId();
        if (postgres) {
            return bindEvent(h.createQuery("WITH s AS (UPDATE branches SET last_event_seq = last_event_seq + 1 WHERE code = :b "
                            + "RETURNING last_event_seq) " + insert
                            + " SELECT :b, s.last_event_seq, :type, :at, :uid, :uname, :ticket, :counter, :from, :to, :payload FROM s RETURNING seq"),
                    branchCode, type, at, actor, ticket, counterId, fromStatus, toStatus, payload)
                    .mapTo(Long.class).one();
        }
        h.execute("UPDATE branches SET last_event_seq = last_event_seq + 1 WHERE code = ?", branchCode);
        long seq = h.createQuery("SELECT last_event_seq FROM branches WHERE code = :b").bind("b", branchCode).mapTo(Long.class).one();
        bindEvent(h.createUpdate(insert + " VALUES (:b, :seq, :type, :at, :uid, :uname, :ticket, :counter, :from, :to, :payload)"),
                branchCode, type, at, actor, ticket, counterId, fromStatus, toStatus, payload).bind("seq", seq).execute();
        return seq;
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

    /** The newest event id of a branch, as committed. */
    public static long lastSeq(Handle h, String branchCode) {
        return h.createQuery("SELECT last_event_seq FROM branches WHERE code = :b")
                .bind("b", branchCode).mapTo(Long.class).findOne().orElse(0L);
    }
}
