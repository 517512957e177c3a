package al.sportel.server.clerkday;

import al.sportel.model.UserInfo;
import al.sportel.server.auth.Access;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Satisfaction after service: one rating (1–5, optional comment) per finished ticket, from the
 * customer's phone (which knows the unguessable ticket id) or from the tablet beside the counter
 * (which rates the ticket the counter finished last, for a few minutes only, and must be a device signed
 * in to the counter's own centre).
 */
public final class RatingService {

    /** How long after a ticket ends the counter's tablet still offers to rate it. */
    static final Duration TABLET_WINDOW = Duration.ofMinutes(5);

    /** What the counter's tablet shows: the ticket to rate, or none. */
    public record TabletPrompt(String branchCode, String branchName, int counterNumber, String ticketNumber) {
    }

    public record Rating(String ticketNumber, int score, String comment, Instant ratedAt) {
    }

    private record Finished(String id, String number, String branch, long serviceId, Long clerk, String status) {
    }

    private final Database db;
    private final Clock clock;

    public RatingService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The phone: rates its own ticket once it is DONE. */
    public Rating rateTicket(String ticketId, int score, String comment) {
        return db.tx(h -> {
            Finished t = lock(h, ticketId).orElseThrow(() -> ApiException.notFound("No such ticket"));
            return insert(h, t, score, comment, "PHONE");
        });
    }

    /** What the tablet shows; {@code device} must belong to the counter's centre (403 otherwise). */
    public TabletPrompt prompt(UserInfo device, long counterId) {
        return db.read(h -> {
            TabletPrompt counter = counter(h, counterId);
            Access.requireBranch(device, counter.branchCode());
            String number = lastUnrated(h, counterId).map(Finished::number).orElse(null);
            return new TabletPrompt(counter.branchCode(), counter.branchName(), counter.counterNumber(), number);
        });
    }

    /**
     * The tablet: rates the ticket it showed. {@code ticketNumber} must still be the counter's last
     * finished, unrated ticket, so a slow answer never lands on the next customer.
     */
    public Rating rateAtCounter(UserInfo tablet, long counterId, String ticketNumber, int score, String comment) {
        return db.tx(h -> {
            Access.requireBranch(tablet, counter(h, counterId).branchCode());
            Finished last = lastUnrated(h, counterId).orElseThrow(() -> ApiException.conflict("nothing-to-rate",
                    "No ticket finished at this counter in the last " + TABLET_WINDOW.toMinutes() + " minutes waits for a rating"));
            if (!last.number().equals(ticketNumber)) {
                throw ApiException.conflict("ticket-changed", "The counter's last ticket is now " + last.number());
            }
            Finished t = lock(h, last.id()).orElseThrow();
            return insert(h, t, score, comment, "TABLET");
        });
    }

    /** The counter with its centre, and no ticket yet; 404 for an unknown counter. */
    private static TabletPrompt counter(Handle h, long counterId) {
        return h.createQuery("""
                        SELECT c.branch_code, b.name, c.counter_number FROM counters c JOIN branches b ON b.code = c.branch_code
                        WHERE c.id = :c
                        """)
                .bind("c", counterId)
                .map((rs, ctx) -> new TabletPrompt(rs.getString(1), rs.getString(2), rs.getInt(3), null))
                .findOne().orElseThrow(() -> ApiException.notFound("No counter with id " + counterId));
    }

    private Optional<Finished> lastUnrated(Handle h, long counterId) {
        Instant since = clock.instant().minus(TABLET_WINDOW);
        return h.createQuery("""
                        SELECT t.id, t.ticket_number, t.branch_code, t.service_id, t.served_by, t.status FROM tickets t
                        WHERE t.counter_id = :c AND t.status = 'DONE' AND t.finished_at >= :since
                          AND NOT EXISTS (SELECT 1 FROM ticket_ratings r WHERE r.ticket_id = t.id)
                          AND NOT EXISTS (SELECT 1 FROM tickets n WHERE n.counter_id = :c AND n.status = 'DONE'
                                          AND n.finished_at > t.finished_at)
                        """)
                .bind("c", counterId).bind("since", since)
                .map((rs, ctx) -> finished(rs)).findFirst();
    }

    private static Optional<Finished> lock(Handle h, String ticketId) {
        if (ticketId.length() > 32) {
            return Optional.empty();
        }
        return h.createQuery("SELECT id, ticket_number, branch_code, service_id, served_by, status FROM tickets WHERE id = :id FOR UPDATE")
                .bind("id", ticketId).map((rs, ctx) -> finished(rs)).findOne();
    }

    private static Finished finished(ResultSet rs) throws SQLException {
        long clerk = rs.getLong(5);
        return new Finished(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.wasNull() ? null : clerk,
                rs.getString(6));
    }

    private Rating insert(Handle h, Finished t, int score, String comment, String source) {
        if (!"DONE".equals(t.status())) {
            throw ApiException.conflict("not-finished", "Ticket " + t.number() + " is " + t.status() + "; rate it once it is served");
        }
        boolean rated = h.createQuery("SELECT COUNT(*) FROM ticket_ratings WHERE ticket_id = :t").bind("t", t.id())
                .mapTo(Integer.class).one() > 0;
        if (rated) {
            throw ApiException.conflict("already-rated", "Ticket " + t.number() + " has already been rated");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        h.createUpdate("""
                        INSERT INTO ticket_ratings (ticket_id, branch_code, service_id, clerk_user_id, score, comment, source, rated_at)
                        VALUES (:t, :b, :s, :u, :score, :comment, :source, :now)
                        """)
                .bind("t", t.id()).bind("b", t.branch()).bind("s", t.serviceId()).bind("u", t.clerk())
                .bind("score", score).bind("comment", comment).bind("source", source).bind("now", now).execute();
        return new Rating(t.number(), score, comment, now);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime odt = rs.getObject(column, OffsetDateTime.class);
        return odt == null ? null : odt.toInstant();
    }
}
