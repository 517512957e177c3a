package al.sportel.server.queue;

import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A ticket as stored, with the columns the API does not show. */
record TicketRow(
        String id,
        String number,
        long serviceId,
        String serviceLetter,
        String branchCode,
        TicketStatus status,
        boolean priority,
        Instant issuedAt,
        Instant calledAt,
        Instant startedAt,
        Instant finishedAt,
        Long counterId,
        Long targetCounterId,
        int seq,
        String priorityCategory,
        boolean callNext) {

    /** The columns {@link #map} reads, of {@code tickets t} joined with {@code services s}. */
    static final String COLUMNS = """
            t.id, t.ticket_number, t.service_id, s.letter, t.branch_code, t.status, t.priority,
                   t.issued_at, t.called_at, t.started_at, t.finished_at, t.counter_id, t.target_counter_id, t.seq,
                   t.priority_category, t.call_next
            """;

    static final String SELECT = "SELECT " + COLUMNS + "FROM tickets t JOIN services s ON s.id = t.service_id\n";

    static TicketRow map(ResultSet rs) throws SQLException {
        return new TicketRow(rs.getString("id"), rs.getString("ticket_number"), rs.getLong("service_id"),
                rs.getString("letter"), rs.getString("branch_code"), TicketStatus.valueOf(rs.getString("status")),
                rs.getBoolean("priority"), instant(rs, "issued_at"), instant(rs, "called_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), nullableLong(rs, "counter_id"),
                nullableLong(rs, "target_counter_id"), rs.getInt("seq"),
                rs.getString("priority_category"), rs.getBoolean("call_next"));
    }

    Ticket view() {
        return new Ticket(id, number, serviceId, serviceLetter, branchCode, status, priority, issuedAt, calledAt,
                startedAt, finishedAt, counterId, null, null, targetCounterId, priorityCategory);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime odt = rs.getObject(column, OffsetDateTime.class);
        return odt == null ? null : odt.toInstant();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
