package al.sportel.desktop.offline;

import al.sportel.desktop.api.Refusal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands that move money or create a record. Each is committed to the local file with its
 * idempotency key before it is sent, so neither a lost answer nor a killed client can lose or
 * double it: the server replays its first answer for a key it has seen.
 */
public final class Outbox {

    public enum Kind { PAYMENT, VOID, COMPLAINT, APPLICATION, CASE_STATUS }

    public enum State { PENDING, DONE, FAILED }

    /**
     * {@code lastError}: the last failure in English (the server's words for a refusal); {@code refusal}: the server's
     * refusal with its type and fields, told in the clerk's language; null when not refused, and for a command refused
     * before the local file's migration V5.
     */
    public record Item(long id, Kind kind, String method, String path, String body, String idempotencyKey, String username,
                       String summary, State state, int attempts, Instant createdAt, String lastError, String response,
                       boolean dismissed, Refusal refusal) {
    }

    private final LocalStore store;
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public Outbox(LocalStore store) {
        this.store = store;
    }

    /**
     * Called after every change, on the thread that made it; the answer removes it again. The outbox outlives
     * the counter screens that listen (it is opened once per start), so each removes its listener when it closes.
     */
    public Runnable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public Item add(Kind kind, String method, String path, String jsonBody, String username, String summary) throws SQLException {
        return add(kind, method, path, jsonBody, username, summary, null);
    }

    /** A payment and whose it is: its customer and amount go into their own columns for {@link #pendingPayments}. */
    public record Payer(String customerCode, long amount) {
    }

    public Item add(Kind kind, String method, String path, String jsonBody, String username, String summary, Payer payer)
            throws SQLException {
        String key = UUID.randomUUID().toString();
        Instant now = Instant.now();
        long id = store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outbox (kind, http_method, path, body, idempotency_key, username, summary, state, created_at, next_attempt_at,
                                        customer_code, amount)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)
                    """, new String[] {"ID"})) {
                ps.setString(1, kind.name());
                ps.setString(2, method);
                ps.setString(3, path);
                ps.setString(4, jsonBody);
                ps.setString(5, key);
                ps.setString(6, username);
                ps.setString(7, summary.length() > 300 ? summary.substring(0, 300) : summary);
                ps.setTimestamp(8, Timestamp.from(now));
                ps.setTimestamp(9, Timestamp.from(now));
                ps.setString(10, payer == null ? null : payer.customerCode());
                if (payer == null) {
                    ps.setNull(11, Types.BIGINT);
                } else {
                    ps.setLong(11, payer.amount());
                }
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        changed();
        return get(id).orElseThrow();
    }

    public Optional<Item> get(long id) throws SQLException {
        return store.tx(c -> one(c, "SELECT * FROM outbox WHERE id = ?", id));
    }

    /** The oldest pending command of this user, if it is due: commands go out strictly in order. */
    public Optional<Item> nextDue(String username, Instant now) throws SQLException {
        return store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM outbox WHERE state = 'PENDING' AND username = ? ORDER BY id LIMIT 1")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Item>empty();
                    }
                    Item item = map(rs);
                    return rs.getTimestamp("next_attempt_at").toInstant().isAfter(now) ? Optional.<Item>empty() : Optional.of(item);
                }
            }
        });
    }

    /** When the oldest pending command of this user may next be tried; empty when none waits. */
    public Optional<Instant> nextAttemptAt(String username) throws SQLException {
        return store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT next_attempt_at FROM outbox WHERE state = 'PENDING' AND username = ? ORDER BY id LIMIT 1")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.<Instant>empty();
                }
            }
        });
    }

    public void done(long id, String response) throws SQLException {
        settle(id, State.DONE, null, response);
    }

    /** The server refused it (4xx): it will not be sent again and waits for the clerk's attention. */
    public void failed(long id, Refusal refusal) throws SQLException {
        settle(id, State.FAILED, refusal, null);
    }

    private void settle(long id, State state, Refusal refusal, String response) throws SQLException {
        store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE outbox SET state = ?, last_error = ?, refusal = ?, response = ?, settled_at = ?, attempts = attempts + 1
                    WHERE id = ? AND state = 'PENDING'
                    """)) {
                ps.setString(1, state.name());
                ps.setString(2, refusal == null ? null : truncate(refusal.serverWords()));
                ps.setString(3, refusal == null ? null : refusal.toJson());
                ps.setString(4, response);
                ps.setTimestamp(5, Timestamp.from(Instant.now()));
                ps.setLong(6, id);
                return ps.executeUpdate();
            }
        });
        changed();
    }

    /**
     * A payment the server refused for its age that a supervisor has now sent with her approval (ADR 0004, second
     * addendum): done, with the server's answer. The refusal stays in {@code last_error}, as its history.
     */
    public void approved(long id, String response) throws SQLException {
        store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE outbox SET state = 'DONE', response = ?, settled_at = ?, attempts = attempts + 1
                    WHERE id = ? AND state = 'FAILED'
                    """)) {
                ps.setString(1, response);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
        changed();
    }

    public void retryAt(long id, String error, Instant next) throws SQLException {
        store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ? AND state = 'PENDING'")) {
                ps.setString(1, truncate(error));
                ps.setTimestamp(2, Timestamp.from(next));
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
        changed();
    }

    /** Makes every pending command due now (the link is back). */
    public void dueNow() throws SQLException {
        store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET next_attempt_at = ? WHERE state = 'PENDING'")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now()));
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Pending commands of {@code username} ({@code mine}) or of everybody else: each is sent only while its own
     * clerk is logged in on this computer (the server books it under her name).
     */
    public int pendingCount(String username, boolean mine) throws SQLException {
        return store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state = 'PENDING' AND "
                    + (mine ? "username = ?" : "username <> ?"))) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    public int pendingCount() throws SQLException {
        return store.tx(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM outbox WHERE state = 'PENDING'")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** A payment still waiting for the server's answer: its key and amount (qindarka). */
    public record PendingPayment(String idempotencyKey, long amount) {
    }

    /** One customer's payments still waiting for the server's answer, oldest first. */
    public List<PendingPayment> pendingPayments(String customerCode) throws SQLException {
        return store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT idempotency_key, amount FROM outbox
                    WHERE customer_code = ? AND state = 'PENDING' AND kind = 'PAYMENT' AND amount IS NOT NULL
                    ORDER BY id
                    """)) {
                ps.setString(1, customerCode);
                List<PendingPayment> pending = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pending.add(new PendingPayment(rs.getString(1), rs.getLong(2)));
                    }
                }
                return pending;
            }
        });
    }

    /**
     * One customer's payments the server booked after {@code since} by this computer's clock, oldest first: a copy of
     * the customer saved before then does not show them yet.
     */
    public List<PendingPayment> settledPaymentsSince(String customerCode, Instant since) throws SQLException {
        return store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT idempotency_key, amount FROM outbox
                    WHERE customer_code = ? AND state = 'DONE' AND kind = 'PAYMENT' AND amount IS NOT NULL AND settled_at > ?
                    ORDER BY id
                    """)) {
                ps.setString(1, customerCode);
                ps.setTimestamp(2, Timestamp.from(since));
                List<PendingPayment> settled = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        settled.add(new PendingPayment(rs.getString(1), rs.getLong(2)));
                    }
                }
                return settled;
            }
        });
    }

    public int attentionCount() throws SQLException {
        return store.tx(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM outbox WHERE state = 'FAILED' AND NOT dismissed")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Refused commands the clerk has not yet dismissed, newest first. */
    public List<Item> needsAttention() throws SQLException {
        return store.tx(c -> list(c, "SELECT * FROM outbox WHERE state = 'FAILED' AND NOT dismissed ORDER BY id DESC"));
    }

    public List<Item> all() throws SQLException {
        return store.tx(c -> list(c, "SELECT * FROM outbox ORDER BY id"));
    }

    public void dismiss(long id) throws SQLException {
        store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET dismissed = TRUE WHERE id = ? AND state = 'FAILED'")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
        changed();
    }

    /**
     * Tells the listeners, after the change committed. A listener's failure is logged, never thrown: the
     * caller would take a saved payment for a failed one, and the clerk would take the money again.
     */
    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.error("an outbox listener failed after a committed change", e);
            }
        }
    }

    private static Optional<Item> one(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static List<Item> list(Connection c, String sql) throws SQLException {
        List<Item> items = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                items.add(map(rs));
            }
        }
        return items;
    }

    private static Item map(ResultSet rs) throws SQLException {
        return new Item(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("http_method"), rs.getString("path"),
                rs.getString("body"), rs.getString("idempotency_key"), rs.getString("username"), rs.getString("summary"),
                State.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("last_error"), rs.getString("response"), rs.getBoolean("dismissed"), Refusal.fromJson(rs.getString("refusal")));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
