package al.sportel.desktop.offline;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * What the server last said, kept for when it cannot be asked: reference data, the counter's queue
 * snapshot, recently looked-up customers with their unpaid bills. Stored as the JSON that came.
 */
public final class LocalCache {

    /** Customers kept for offline payments; the oldest looked-up fall out first. */
    static final int MAX_CUSTOMERS = 500;

    public record Entry(String json, Instant updatedAt) {
    }

    private final LocalStore store;

    public LocalCache(LocalStore store) {
        this.store = store;
    }

    public void put(String kind, String key, String json) throws SQLException {
        store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO cache_entries (kind, cache_key, body, updated_at) KEY (kind, cache_key) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, kind);
                ps.setString(2, key);
                ps.setString(3, json);
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            if (kind.equals("customer")) {
                try (PreparedStatement ps = c.prepareStatement("""
                        DELETE FROM cache_entries WHERE kind = 'customer' AND cache_key NOT IN
                          (SELECT cache_key FROM cache_entries WHERE kind = 'customer' ORDER BY updated_at DESC LIMIT ?)
                        """)) {
                    ps.setInt(1, MAX_CUSTOMERS);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    public Optional<Entry> get(String kind, String key) throws SQLException {
        return store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body, updated_at FROM cache_entries WHERE kind = ? AND cache_key = ?")) {
                ps.setString(1, kind);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Entry(rs.getString(1), rs.getTimestamp(2).toInstant())) : Optional.<Entry>empty();
                }
            }
        });
    }
}
