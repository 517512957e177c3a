package al.sportel.desktop.fees;

import al.sportel.desktop.offline.LocalStore;
import al.sportel.model.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * A clerk's fee sale attempt in the counter's local file ({@code fee_sale_attempts}, migration V4): written before
 * it is sent, removed once the server has answered for it, so one whose outcome is unknown outlives a restart, a
 * crash or a new login. Blocking (the local file): background only.
 */
public final class FeeSaleAttempts {

    /** An attempt as it was sent: its key and its request. */
    public record Attempt(String key, FeeSaleModel.Request request) {
    }

    private static final ObjectMapper JSON = Json.newMapper();

    private final LocalStore store;

    public FeeSaleAttempts(LocalStore store) {
        this.store = store;
    }

    /** The clerk's attempt whose outcome is not known, if any. */
    public Optional<Attempt> of(String username) throws SQLException {
        return store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key, request FROM fee_sale_attempts WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Attempt(rs.getString(1), read(rs.getString(2)))) : Optional.<Attempt>empty();
                }
            }
        });
    }

    /** Records the attempt about to be sent, in place of any earlier one of the clerk's (the form allows one). */
    public void keep(String username, Attempt attempt) throws SQLException {
        String request = write(attempt.request());
        store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    MERGE INTO fee_sale_attempts (username, idempotency_key, request, kept_at) KEY (username) VALUES (?, ?, ?, ?)
                    """)) {
                ps.setString(1, username);
                ps.setString(2, attempt.key());
                ps.setString(3, request);
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                return ps.executeUpdate();
            }
        });
    }

    /** The server answered for the clerk's attempt (sold or refused), or she gave it up. */
    public void forget(String username) throws SQLException {
        store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM fee_sale_attempts WHERE username = ?")) {
                ps.setString(1, username);
                return ps.executeUpdate();
            }
        });
    }

    private static String write(FeeSaleModel.Request request) {
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a fee sale request could not be written as JSON", e);
        }
    }

    private static FeeSaleModel.Request read(String json) {
        try {
            return JSON.readValue(json, FeeSaleModel.Request.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept fee sale request could not be read: " + json, e);
        }
    }
}
