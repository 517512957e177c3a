package al.sportel.server.events;

import al.sportel.model.Counter;
import al.sportel.model.EventType;
import al.sportel.model.LiveEvent;
import al.sportel.model.Ticket;
import al.sportel.model.UserInfo;
import al.sportel.server.db.Database;
import al.sportel.server.db.SqlByCount;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

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

    /** An event not yet inserted: a caller that makes several changes in one transaction inserts them together. */
    public record Pending(String branchCode, EventType type, Instant at, UserInfo actor, Ticket ticket, Counter counter,
                          String fromStatus, String toStatus) {
    }

    /** The insert of n events, one row each. */
    private static final SqlByCount INSERT = new SqlByCount(n -> {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO events (branch_code, event_type, occurred_at, actor_user_id, actor_username,
                                    ticket_id, counter_id, from_status, to_status, payload)
                VALUES""");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? " " : ", ").append("(:b%1$d, :type%1$d, :at%1$d, :uid%1$d, :uname%1$d, :ticket%1$d, :counter%1$d, "
                    .formatted(i)).append(":from%1$d, :to%1$d, :payload%1$d)".formatted(i));
        }
        return sql.toString();
    });

    /** Inserts the event unnumbered; {@link EventSequencer} numbers it once committed. */
    public void append(Handle h, String branchCode, EventType type, Instant at, UserInfo actor,
                       Ticket ticket, Counter counter, String fromStatus, String toStatus) {
        appendAll(h, List.of(new Pending(branchCode, type, at, actor, ticket, counter, fromStatus, toStatus)));
    }

    /** Inserts the events in one statement, in this order (their ids, hence their numbers, follow it). */
    public void appendAll(Handle h, List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        Update insert = h.createUpdate(INSERT.of(events.size()));
        for (int i = 0; i < events.size(); i++) {
            bindEvent(insert, i, events.get(i));
        }
        insert.execute();
    }

    private void bindEvent(Update s, int i, Pending e) {
        String payload;
        try {
            payload = mapper.writeValueAsString(new LiveEvent(e.type(), e.at(), e.ticket(), e.counter()));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("event payload not serialisable", x);
        }
        Ticket ticket = e.ticket();
        Long counterId = e.counter() != null ? Long.valueOf(e.counter().id()) : ticket == null ? null : ticket.counterId();
        s.bind("b" + i, e.branchCode()).bind("type" + i, e.type().wireName()).bind("at" + i, e.at())
                .bind("uid" + i, e.actor() == null ? null : e.actor().id())
                .bind("uname" + i, e.actor() == null ? null : e.actor().username())
                .bind("ticket" + i, ticket == null ? null : ticket.id())
                .bind("counter" + i, counterId)
                .bind("from" + i, e.fromStatus()).bind("to" + i, e.toStatus()).bind("payload" + i, payload);
    }

    /** The newest numbered event of a branch, as committed (numbering what is committed first). */
    public static long lastSeq(Database db, String branchCode) {
        return EventSequencer.sequence(db, branchCode);
    }
}
