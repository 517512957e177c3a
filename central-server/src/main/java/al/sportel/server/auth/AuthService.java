package al.sportel.server.auth;

import al.sportel.model.LoginResponse;
import al.sportel.model.Role;
import al.sportel.model.UserInfo;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login, logout and token lookup. Sessions and failed attempts live in the database, so any server
 * instance sharing it accepts the token and sees the lock.
 */
public final class AuthService {

    static final Duration KIOSK_TOKEN_LIFETIME = Duration.ofDays(365);
    /** Tokens per read in {@link #stillValid}: well inside any database's limit on bound values. */
    private static final int VALIDITY_CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    private final Database db;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final SessionCache sessions;
    private final LoginGuard guard;

    public AuthService(Database db, Clock clock, Duration tokenLifetime, LoginGuard guard) {
        this.db = db;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.sessions = new SessionCache(db, clock);
        this.guard = guard;
    }

    public LoginResponse login(String rawUsername, String password, String address) {
        String username = rawUsername.toLowerCase(Locale.ROOT);
        guard.beginAttempt(username, address);
        Optional<StoredUser> user = db.read(h -> findUser(h, username));
        boolean ok;
        if (user.isPresent() && user.get().active()) {
            ok = PasswordHasher.verify(password, user.get().passwordHash());
        } else {
            PasswordHasher.burnTime(password);
            ok = false;
        }
        if (!ok) {
            // an unknown name is often a password typed into the wrong field: never logged verbatim
            log.info("failed login for {}", user.isPresent() ? "user " + username : "an unknown username");
            throw new ApiException(401, "bad-credentials", "Wrong username or password",
                    "The username or the password is wrong", null, null);
        }
        guard.succeeded(username, address);
        Instant now = now();
        String token = Tokens.newToken();
        UserInfo info = user.get().info();
        // A kiosk is a device in the hall, logged in once by IT: its token lasts a year, not a shift.
        Instant expires = now.plus(info.role() == Role.KIOSK ? KIOSK_TOKEN_LIFETIME : tokenLifetime);
        db.tx(h -> h.execute("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                Tokens.hash(token), info.id(), now, expires));
        log.info("user {} logged in", username);
        return new LoginResponse(token, expires, info);
    }

    /** An administrator lifts the lock on a user's failed logins. */
    public void unlock(String username) {
        guard.unlock(username.toLowerCase(Locale.ROOT));
    }

    public void logout(String token) {
        String hash = Tokens.hash(token);
        db.tx(h -> h.execute("UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
                now(), hash));
        sessions.forget(hash);
    }

    /** After an admin changed a user (role, branch, active, password): this node re-reads every token. */
    public void usersChanged() {
        sessions.clear();
    }

    /** The user behind a token that is neither expired nor logged out; mostly from {@link SessionCache}. */
    public Optional<UserInfo> resolve(String token) {
        if (token.length() > 200) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        Instant now = now();
        return sessions.resolve(hash, now, () -> db.read(h -> h.createQuery("""
                        SELECT u.id, u.username, u.display_name, u.role, u.branch_code, s.expires_at
                        FROM sessions s JOIN users u ON u.id = s.user_id
                        WHERE s.token_hash = :hash AND s.revoked_at IS NULL AND s.expires_at > :now AND u.active
                        """)
                .bind("hash", hash).bind("now", now)
                .map((rs, ctx) -> new SessionCache.Cached(Users.fromRow(rs, "id", "branch_code"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .findOne()));
    }

    /**
     * Of these tokens, the ones still valid now (not expired, logged out or reset, their user active), with
     * their users as they are now. One read for many, straight from the database: it is for checks that run
     * every few seconds over every open stream, not for requests.
     */
    public Map<String, UserInfo> stillValid(Collection<String> tokens) {
        Map<String, String> tokenByHash = new HashMap<>();
        for (String token : tokens) {
            if (token.length() <= 200) {
                tokenByHash.put(Tokens.hash(token), token);
            }
        }
        Instant now = now();
        Map<String, UserInfo> valid = new HashMap<>();
        List<String> hashes = new ArrayList<>(tokenByHash.keySet());
        for (int from = 0; from < hashes.size(); from += VALIDITY_CHUNK) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + VALIDITY_CHUNK));
            db.read(h -> h.createQuery("""
                            SELECT s.token_hash, u.id, u.username, u.display_name, u.role, u.branch_code
                            FROM sessions s JOIN users u ON u.id = s.user_id
                            WHERE s.token_hash IN (<hashes>) AND s.revoked_at IS NULL AND s.expires_at > :now AND u.active
                            """)
                    .bindList("hashes", chunk).bind("now", now)
                    .map((rs, ctx) -> Map.entry(rs.getString("token_hash"), Users.fromRow(rs, "id", "branch_code")))
                    .list())
                    .forEach(e -> valid.put(tokenByHash.get(e.getKey()), e.getValue()));
        }
        return valid;
    }

    private Optional<StoredUser> findUser(Handle h, String username) {
        return h.createQuery("SELECT id, username, display_name, role, branch_code, password_hash, active FROM users WHERE username = :u")
                .bind("u", username)
                .map((rs, ctx) -> new StoredUser(Users.fromRow(rs, "id", "branch_code"),
                        rs.getString("password_hash"), rs.getBoolean("active")))
                .findOne();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record StoredUser(UserInfo info, String passwordHash, boolean active) {
    }
}
