package al.sportel.server.fiscal;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Invoice ordinals per TCR and year: the server's own numbering and the blocks handed to counters for the
 * receipts they print while cut off (ADR 0007 section 3).
 */
final class FiscalOrdinals {

    private FiscalOrdinals() {
    }

    /** Ordinals run per TCR and year without gaps (spec 3.7.1.12); the row lock serialises a TCR's receipts. */
    static int nextOrdinal(Handle h, String tcrCode, int year) {
        if (h.execute("UPDATE fiscal_invoice_sequences SET last_number = last_number + 1 WHERE tcr_code = ? AND inv_year = ?",
                tcrCode, year) == 0) {
            h.execute("INSERT INTO fiscal_invoice_sequences (tcr_code, inv_year, last_number) VALUES (?, ?, 1)", tcrCode, year);
        }
        return h.createQuery("SELECT last_number FROM fiscal_invoice_sequences WHERE tcr_code = :t AND inv_year = :y")
                .bind("t", tcrCode).bind("y", year).mapTo(Integer.class).one();
    }

    /**
     * Reserves {@code size} ordinals for a counter's offline receipts: the TCR's sequence moves past them, so the
     * server's own numbering never reaches them. Answers the first ordinal of the block.
     */
    static int reserveBlock(Handle h, long counterId, String tcrCode, int year, int size, Instant now, long userId) {
        if (h.execute("UPDATE fiscal_invoice_sequences SET last_number = last_number + ? WHERE tcr_code = ? AND inv_year = ?",
                size, tcrCode, year) == 0) {
            h.execute("INSERT INTO fiscal_invoice_sequences (tcr_code, inv_year, last_number) VALUES (?, ?, ?)", tcrCode, year, size);
        }
        int last = h.createQuery("SELECT last_number FROM fiscal_invoice_sequences WHERE tcr_code = :t AND inv_year = :y")
                .bind("t", tcrCode).bind("y", year).mapTo(Integer.class).one();
        h.execute("""
                INSERT INTO fiscal_ordinal_blocks (counter_id, tcr_code, inv_year, first_ordinal, last_ordinal, handed_at, user_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, counterId, tcrCode, year, last - size + 1, last, now, userId);
        return last - size + 1;
    }

    /** A block as handed out: its ordinals and how many of them no invoice has yet. */
    record Block(int first, int last, int free) {

        /**
         * The ordinals still free for the counter. The server counts only receipts it has seen. A counter
         * that issued receipts offline and has not synced them yet says which ordinal it takes next; that
         * ordinal counts only when it lies in this block (up to one past its end).
         */
        int freeFor(Integer nextOrdinal) {
            if (nextOrdinal == null || nextOrdinal < first || nextOrdinal > last + 1) {
                return free;
            }
            return Math.min(free, last - nextOrdinal + 1);
        }
    }

    /** The counter's latest block of that TCR and year, the one its workstation keeps. */
    static Optional<Block> latestBlock(Handle h, long counterId, String tcrCode, int year) {
        return h.createQuery("""
                        SELECT b.first_ordinal, b.last_ordinal, b.last_ordinal - b.first_ordinal + 1 - (
                               SELECT COUNT(*) FROM fiscal_invoices f WHERE f.tcr_code = b.tcr_code AND f.inv_num LIKE :y
                                 AND f.inv_ord_num BETWEEN b.first_ordinal AND b.last_ordinal) AS free
                        FROM fiscal_ordinal_blocks b
                        WHERE b.counter_id = :c AND b.tcr_code = :t AND b.inv_year = :year ORDER BY b.id DESC
                        """)
                .bind("c", counterId).bind("t", tcrCode).bind("year", year).bind("y", "%/" + year + "/%")
                .map((rs, x) -> new Block(rs.getInt(1), rs.getInt(2), rs.getInt(3))).findFirst();
    }

    static int blocksSince(Handle h, long counterId, Instant since) {
        return h.createQuery("SELECT COUNT(*) FROM fiscal_ordinal_blocks WHERE counter_id = :c AND handed_at >= :s")
                .bind("c", counterId).bind("s", since).mapTo(Integer.class).one();
    }

    /** The ordinal lies in a block handed to this counter for that TCR and year, and no invoice has it yet. */
    static boolean ordinalFree(Handle h, long counterId, String tcrCode, int year, int ordinal) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM fiscal_ordinal_blocks
                        WHERE counter_id = :c AND tcr_code = :t AND inv_year = :y AND first_ordinal <= :o AND last_ordinal >= :o
                        """)
                .bind("c", counterId).bind("t", tcrCode).bind("y", year).bind("o", ordinal).mapTo(Integer.class).one() > 0
                && h.createQuery("SELECT COUNT(*) FROM fiscal_invoices WHERE inv_num = :n").bind("n", ordinal + "/" + year + "/" + tcrCode)
                .mapTo(Integer.class).one() == 0;
    }
}
