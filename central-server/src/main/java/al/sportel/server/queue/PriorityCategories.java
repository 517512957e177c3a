package al.sportel.server.queue;

import al.sportel.server.http.ApiException;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The priority categories a kiosk or a supervisor chooses from (ELDERLY, DISABILITY, PREGNANCY, others an admin adds). */
public final class PriorityCategories {

    public record Category(String code, String name, String nameEn, boolean active) {
    }

    private PriorityCategories() {
    }

    static List<Category> list(Handle h, boolean activeOnly) {
        return h.createQuery("SELECT code, name, name_en, active FROM priority_categories"
                        + (activeOnly ? " WHERE active" : "") + " ORDER BY sort_order, code")
                .map((rs, ctx) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    /** 422 unless {@code code} is null or an active category. */
    static void requireActive(Handle h, String code) {
        if (code == null) {
            return;
        }
        int n = h.createQuery("SELECT COUNT(*) FROM priority_categories WHERE code = :c AND active")
                .bind("c", code).mapTo(Integer.class).one();
        if (n == 0) {
            throw ApiException.invalid("priorityCategory", "no such priority category: " + code);
        }
    }

    /** Adds a category, or renames and re-activates (or retires) an existing one. */
    static Category save(Handle h, String code, String name, String nameEn, boolean active) {
        int updated = h.createUpdate("UPDATE priority_categories SET name = :n, name_en = :e, active = :a WHERE code = :c")
                .bind("n", name).bind("e", nameEn).bind("a", active).bind("c", code).execute();
        if (updated == 0) {
            int next = h.createQuery("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM priority_categories").mapTo(Integer.class).one();
            h.createUpdate("INSERT INTO priority_categories (code, name, name_en, active, sort_order) VALUES (:c, :n, :e, :a, :o)")
                    .bind("c", code).bind("n", name).bind("e", nameEn).bind("a", active).bind("o", next).execute();
        }
        return new Category(code, name, nameEn, active);
    }
}
