package al.sportel.server.citizen;

import al.sportel.server.auth.Tokens;
import al.sportel.server.db.Database;
import al.sportel.server.http.ApiException;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The phone app's account sessions. A citizen proves the account once (code and bill proof, throttled by
 * {@link AccountCheck}); every later account request carries the token instead of the proof. Sessions live
 * in the database, so any node of the server accepts them and a sign-out holds everywhere.
 */
public final class AccountTokens {

    /** The header an account request carries its token in. */
    public static final String HEADER = "X-Sportel-Account";
    static final Duration LIFETIME = Duration.ofHours(2);

    private final Database db;
    private final Clock clock;

    public AccountTokens(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Opens a session for a customer whose proof was checked; returns the token, shown once. */
    String open(String customerCode, Instant expiresAt) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        db.tx(h -> {
            h.execute("DELETE FROM app_sessions WHERE expires_at < ?", now);
            return h.execute("INSERT INTO app_sessions (token_hash, customer_code, created_at, expires_at) VALUES (?, ?, ?, ?)",
                    Tokens.hash(token), customerCode, now, expiresAt);
        });
        return token;
    }

    Instant expiry() {
        return clock.instant().plus(LIFETIME);
    }

    void close(String token) {
        db.tx(h -> h.execute("DELETE FROM app_sessions WHERE token_hash = ?", Tokens.hash(token)));
    }

    /** The customer code the token was opened for, while it has not expired. */
    public Optional<String> customerOf(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return db.read(h -> h.createQuery("""
                        SELECT customer_code FROM app_sessions WHERE token_hash = :t AND expires_at > :now
                        """)
                .bind("t", Tokens.hash(token.strip())).bind("now", clock.instant())
                .mapTo(String.class).findFirst());
    }

    /** The verified customer of an account request, or 401 when the header is missing, unknown or expired. */
    public String requireCustomer(Context ctx) {
        return customerOf(ctx.header(HEADER)).orElseThrow(() ->
                ApiException.unauthorized("Verify the account again: the account session is missing or has expired"));
    }
}
