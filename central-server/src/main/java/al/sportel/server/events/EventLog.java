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
        long seq;
        if (postgres) { // one round trip instead of two on the hottest path
            seq = h.createQuery("UPDATE branches SET last_event_seq = last_event_seq + 1 WHERE code = :b RETURNING last_event_seq")
                    .bind("b", branchCode).mapTo(Long.class).one();
        } else {
            h.execute("UPDATE branches SET last_event_seq = last_event_seq + 1 WHERE code = ?", branchCode);
            seq = h.createQuery("SELECT last_event_seq FROM branches WHERE code = :b").bind("b", branchCode).mapTo(Long.class).one();
        }
        String payload;
        try {
            payload = mapper.writeValueAsString(new LiveEvent(type, at, ticket, counter));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload not serialisable", e);
        }
        h.createUpdate("""
                        INSERT INTO events (branch_code, seq, event_type, occurred_at, actor_user_id, actor_username,
                                            ticket_id, counter_id, from_status, to_status, payload)
                        VALUES (:b, :seq, :type, :at, :uid, :uname, :ticket, :counter, :from, :to, :payload)
                        """)
                .bind("b", branchCode).bind("seq", seq).bind("type", type.wireName()).bind("at", at)
                .bind("uid", actor == null ? null : actor.id())
                .bind("uname", actor == null ? null : actor.username())
                .bind("ticket", ticket == null ? null : ticket.id())
                .bind("counter", counter != null ? Long.valueOf(counter.id()) : ticket == null ? null : ticket.counterId())
                .bind("from", fromStatus).bind("to", toStatus).bind("payload", payload)
                .execute();
        return seq;
    }

    /** The newest event id of a branch, as committed. */
    public static long lastSeq(Handle h, String branchCode) {
        return h.createQuery("SELECT last_event_seq FROM branches WHERE code = :b")
                .bind("b", branchCode).mapTo(Long.class).findOne().orElse(0L);
    }
}
