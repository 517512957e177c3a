package al.sportel.server.queue;

import al.sportel.server.http.ApiException;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The configurable reason lists: why a clerk calls a ticket out of order, why a counter pauses. */
public final class QueueReasons {

    public enum Kind { OUT_OF_ORDER, PAUSE }

    public record Reason(String code, String name, String nameEn) {
    }

    private QueueReasons() {
    }

    static List<Reason> list(Handle h, Kind kind) {
        return h.createQuery("SELECT code, name, name_en FROM queue_reasons WHERE kind = :k AND active ORDER BY sort_order, code")
                .bind("k", kind.name())
                .map((rs, ctx) -> new Reason(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** 422 on {@code field} unless the code is an active reason of that kind. */
    static void requireActive(Handle h, Kind kind, String code, String field) {
        int n = h.createQuery("SELECT COUNT(*) FROM queue_reasons WHERE kind = :k AND code = :c AND active")
                .bind("k", kind.name()).bind("c", code).mapTo(Integer.class).one();
        if (n == 0) {
            throw ApiException.invalid(field, "not a reason from the list: " + code);
        }
    }

    static Reason save(Handle h, Kind kind, String code, String name, String nameEn, boolean active) {
        int updated = h.createUpdate("UPDATE queue_reasons SET name = :n, name_en = :e, active = :a WHERE kind = :k AND code = :c")
                .bind("n", name).bind("e", nameEn).bind("a", active).bind("k", kind.name()).bind("c", code).execute();
        if (updated == 0) {
            int next = h.createQuery("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM queue_reasons WHERE kind = :k")
                    .bind("k", kind.name()).mapTo(Integer.class).one();
            h.createUpdate("""
                            INSERT INTO queue_reasons (kind, code, name, name_en, active, sort_order) VALUES (:k, :c, :n, :e, :a, :o)
                            """)
                    .bind("k", kind.name()).bind("c", code).bind("n", name).bind("e", nameEn).bind("a", active).bind("o", next)
                    .execute();
        }
        return new Reason(code, name, nameEn);
    }
}
