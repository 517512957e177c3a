package al.sportel.server.http;

import al.sportel.model.UserInfo;
import al.sportel.server.db.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The Idempotency-Key contract of API.md: the first successful answer is stored with the key in the
 * same transaction as the change it describes, so a replay returns exactly that answer and changes
 * nothing, and a crash can never leave a change without its key or a key without its change. A
 * refused request stores nothing, so the client may correct it and send it again.
 */
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    /** How long a key other than a kiosk tap's is kept at least: far beyond any resend the server still accepts. */
    public static final Duration KEPT = Duration.ofDays(90);
    /** A kiosk's taps (a ticket, an appointment's check-in): their keys only cover a resend within seconds. */
    public static final String TICKETS = "tickets";
    public static final String CHECK_INS = "check-ins";
    public static final String KIOSK_COMPLAINTS = "kiosk-complaints";
    /** A citizen's creations on the public routes (ADR 0019): their keys, too, only cover a resend within minutes. */
    public static final String APP_CASES = "app-cases";
    public static final String WEB_COMPLAINTS = "web-complaints";
    public static final String REMOTE_TICKETS = "remote-tickets";
    public static final String BOOKINGS = "bookings";
    /** The user id a citizen's keys are stored under: no staff user has it (ids start at 1). */
    private static final long CITIZEN = 0;

    /** The work: returns the created resource, which becomes the stored 201 answer. */
    public interface Work {
        Object run(Handle h);
    }

    private record Stored(String hash, int status, String response) {

        boolean sameRequest(Request r) {
            return hash.equals(r.hash()) || hash.equals(r.legacyHash());
        }
    }

    /** A request as its key's answer is kept for: who sent it and the digests of what it asked. */
    private record Request(long userId, String hash, String legacyHash) {

        static Request of(Context ctx, String scope, UserInfo user) {
            return new Request(user.id(), Idempotency.requestHash(ctx, scope, user), Idempotency.legacyHash(ctx, scope, user));
        }

        static Request ofCitizen(Context ctx, String scope, String requester, String content) {
            String hash = sha256(scope + "\ncitizen:" + requester + "\n" + ctx.method() + " " + ctx.path() + "\n" + content);
            return new Request(CITIZEN, hash, hash);
        }
    }

    private final Database db;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Idempotency(Database db, ObjectMapper mapper, Clock clock) {
        this.db = db;
        this.mapper = mapper;
        this.clock = clock;
    }

    public static String requireKey(Context ctx) {
        String key = ctx.header(HEADER);
        if (key == null || key.isBlank()) {
            throw ApiException.badRequest("This request needs an Idempotency-Key header (any unique string up to 100 characters)");
        }
        if (key.length() > 100) {
            throw ApiException.badRequest("The Idempotency-Key must be at most 100 characters");
        }
        return key;
    }

    /** Runs {@code work} once per key and answers 201, or replays the stored answer. */
    public void handle(Context ctx, String scope, UserInfo user, Work work) {
        handle(ctx, scope, Request.of(ctx, scope, user), 201, requireKey(ctx), work);
    }

    /**
     * For changes to an existing record (a status change, a void): answers 200. With an
     * Idempotency-Key the change happens once per key, as for creation; without one it simply runs.
     */
    public void handleIfKeyed(Context ctx, String scope, UserInfo user, Work work) {
        runIfKeyed(ctx, scope, Request.of(ctx, scope, user), 200, work);
    }

    /**
     * For a creation whose key is optional (a kiosk's ticket or check-in, ADR 0010): answers 201, once per
     * key when there is one; without one it simply runs.
     */
    public void createIfKeyed(Context ctx, String scope, UserInfo user, Work work) {
        runIfKeyed(ctx, scope, Request.of(ctx, scope, user), 201, work);
    }

    /**
     * A citizen's creation on a public route, where no staff user signs in (ADR 0019): answers 201, once per key when
     * there is one, as {@link #createIfKeyed}. {@code requester} is who the route knows the citizen as (a verified
     * account, or "" for anybody) and {@code content} what was asked (the JSON body; for an upload, a digest of its
     * fields and files): the same key with another requester or content is a 409. True when it replayed a stored
     * answer, so the work's result is not the one the citizen got.
     */
    public boolean createForCitizen(Context ctx, String scope, String requester, String content, Work work) {
        return runIfKeyed(ctx, scope, Request.ofCitizen(ctx, scope, requester, content), 201, work);
    }

    /**
     * {@link #replayStored} for a citizen's request of {@link #createForCitizen}: a resend answered before a rate
     * limit counts it again.
     */
    public boolean replayForCitizen(Context ctx, String scope, String requester, String content) {
        return replay(ctx, scope, Request.ofCitizen(ctx, scope, requester, content));
    }

    /**
     * Whether this request's key is already stored in {@code scope}, whatever it asked: a resend need not pass a
     * check made before its body is read (a rate limit), since its answer, or the 409 of a reused key, follows.
     */
    public boolean seen(Context ctx, String scope) {
        return storedFor(ctx, scope).isPresent();
    }

    private boolean runIfKeyed(Context ctx, String scope, Request request, int status, Work work) {
        if (ctx.header(HEADER) == null) {
            ctx.status(status).contentType("application/json").result(write(db.tx(work::run)));
            return false;
        }
        return handle(ctx, scope, request, status, requireKey(ctx), work);
    }

    /** True when the answer was a replay. */
    private boolean handle(Context ctx, String scope, Request request, int status, String key, Work work) {
        for (int attempt = 0; ; attempt++) {
            try {
                String[] replayed = new String[1];
                int[] answered = {status};
                String body = db.tx(h -> {
                    Optional<Stored> existing = find(h, scope, key);
                    if (existing.isPresent()) {
                        if (!existing.get().sameRequest(request)) {
                            throw ApiException.conflict("idempotency-key-reused",
                                    "This Idempotency-Key was already used for a different request");
                        }
                        replayed[0] = "true";
                        answered[0] = existing.get().status();
                        return existing.get().response();
                    }
                    String response = write(work.run(h));
                    h.createUpdate("""
                                    INSERT INTO idempotency_keys (scope, idem_key, request_hash, user_id, status, response, created_at)
                                    VALUES (:scope, :key, :hash, :user, :status, :response, :now)
                                    """)
                            .bind("status", status).bind("scope", scope).bind("key", key).bind("hash", request.hash())
                            .bind("user", request.userId())
                            .bind("response", response).bind("now", clock.instant()).execute();
                    return response;
                });
                if (replayed[0] != null) {
                    ctx.header("Idempotent-Replayed", "true");
                }
                ctx.status(answered[0]).contentType("application/json").result(body);
                return replayed[0] != null;
            } catch (RuntimeException e) {
                // The same key in flight twice: the loser's work was rolled back. Either its insert hit the
                // primary key after the winner committed, or its work met the winner's change (a check-in
                // waited on the appointment's lock and then found it checked in): both replay the winner.
                if (attempt < 3 && (isUniqueViolation(e) || storedAfter(e, scope, key).filter(s -> s.sameRequest(request)).isPresent())) {
                    continue;
                }
                throw e;
            }
        }
    }

    /**
     * Answers with the stored answer of this request's key, if there is one: a resend that today's rules would
     * refuse (its time window has passed while its answer was lost) still gets the answer it had. False when
     * there is no key, no stored answer, or one for another request.
     */
    public boolean replayStored(Context ctx, String scope, UserInfo user) {
        return replay(ctx, scope, Request.of(ctx, scope, user));
    }

    private boolean replay(Context ctx, String scope, Request request) {
        Optional<Stored> stored = storedFor(ctx, scope).filter(s -> s.sameRequest(request));
        stored.ifPresent(s -> ctx.header("Idempotent-Replayed", "true").status(s.status()).contentType("application/json")
                .result(s.response()));
        return stored.isPresent();
    }

    /** The answer stored under this request's key in {@code scope}; empty without a key, or with one requireKey refuses. */
    private Optional<Stored> storedFor(Context ctx, String scope) {
        String key = ctx.header(HEADER);
        if (key == null || key.isBlank() || key.length() > 100) {
            return Optional.empty();
        }
        return db.read(h -> find(h, scope, key));
    }

    /**
     * The user and the path are part of the request: another user's replay of a key, or the key of one payment's
     * void sent to void another, is a conflict, not the first answer.
     */
    private static String requestHash(Context ctx, String scope, UserInfo user) {
        return sha256(scope + "\n" + user.id() + "\n" + ctx.method() + " " + ctx.path() + "\n" + ctx.body());
    }

    /** Keys stored before the path was part of the hash (2026-11-27) still replay: a counter resends for days. */
    private static String legacyHash(Context ctx, String scope, UserInfo user) {
        return sha256(scope + "\n" + user.id() + "\n" + ctx.body());
    }

    /**
     * Forgets the kiosk taps' keys (tickets, check-ins, complaints) and the citizens' (cases, remote tickets, bookings)
     * older than {@code before} (the others stay {@link #KEPT}).
     */
    public static void forgetTaps(Handle h, Instant before) {
        h.createUpdate("DELETE FROM idempotency_keys WHERE scope IN (<scopes>) AND created_at < :before")
                .bindList("scopes", List.of(TICKETS, CHECK_INS, KIOSK_COMPLAINTS, APP_CASES, WEB_COMPLAINTS, REMOTE_TICKETS, BOOKINGS))
                .bind("before", before).execute();
    }

    /**
     * Forgets every other key (payments, voids, fee sales, cases, cash operations) older than {@code before}, which the
     * day end sets well beyond the offline window: a resend that late is refused anyway.
     */
    public static int forgetOld(Handle h, Instant before) {
        return h.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :before").bind("before", before).execute();
    }

    /** The key's stored answer after a failed round; none when the database cannot say (the failure stands). */
    private Optional<Stored> storedAfter(RuntimeException failure, String scope, String key) {
        try {
            return db.read(h -> find(h, scope, key));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            return Optional.empty();
        }
    }

    private Optional<Stored> find(Handle h, String scope, String key) {
        return h.createQuery("SELECT request_hash, status, response FROM idempotency_keys WHERE scope = :s AND idem_key = :k")
                .bind("s", scope).bind("k", key)
                .map((rs, c) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .findOne();
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
