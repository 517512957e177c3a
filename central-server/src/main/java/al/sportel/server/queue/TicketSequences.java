package al.sportel.server.queue;

import java.time.LocalDate;
import org.jdbi.v3.core.Handle;

/**
 * A ticket's number: the (branch, service, Tirana day) row of {@code ticket_sequences}, counted up and locked to
 * the issuing transaction's commit, so numbers have no gaps or repeats and one service's taps take turns.
 */
final class TicketSequences {

    private TicketSequences() {
    }

    /** The next number of the day, inside the issuing transaction; PostgreSQL upserts, H2 (under the branch lock) cannot. */
    static int next(Handle h, boolean postgres, String branchCode, long serviceId, LocalDate day) {
        if (postgres) {
            return h.createQuery("""
                            INSERT INTO ticket_sequences (branch_code, service_id, business_date, last_number) VALUES (:b, :s, :d, 1)
                            ON CONFLICT (branch_code, service_id, business_date)
                            DO UPDATE SET last_number = ticket_sequences.last_number + 1
                            RETURNING last_number
                            """)
                    .bind("b", branchCode).bind("s", serviceId).bind("d", day).mapTo(Integer.class).one();
        }
        int updated = h.createUpdate("""
                        UPDATE ticket_sequences SET last_number = last_number + 1
                        WHERE branch_code = :b AND service_id = :s AND business_date = :d
                        """)
                .bind("b", branchCode).bind("s", serviceId).bind("d", day).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO ticket_sequences (branch_code, service_id, business_date, last_number) VALUES (:b, :s, :d, 1)")
                    .bind("b", branchCode).bind("s", serviceId).bind("d", day).execute();
            return 1;
        }
        return h.createQuery("SELECT last_number FROM ticket_sequences WHERE branch_code = :b AND service_id = :s AND business_date = :d")
                .bind("b", branchCode).bind("s", serviceId).bind("d", day).mapTo(Integer.class).one();
    }
}
