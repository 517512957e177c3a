package al.sportel.model.admin;

/** {@code PATCH /api/v1/counters/{id}} asks with {@code name} alone and answers with both. */
public record CounterName(Long id, String name) {

    public static CounterName rename(String name) {
        return new CounterName(null, name);
    }
}
