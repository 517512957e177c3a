package al.sportel.server.http;

import al.sportel.model.Problem;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into an RFC 9457 problem+json answer; only our own bugs are 500. */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://sportel.al/problems/";
    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    public static void install(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> write(ctx, e));
        app.exception(HttpResponseException.class, (e, ctx) -> write(ctx,
                new ApiException(e.getStatus(), slug(e.getStatus()), e.getMessage(), e.getMessage(), null, null)));
        app.exception(ValidationException.class, (e, ctx) -> write(ctx, ApiException.invalid(e.getErrors().keySet().stream()
                .map(field -> new Problem.FieldError(field, "has the wrong type or format")).toList())));
        app.exception(Exception.class, (e, ctx) -> {
            String state = sqlState(e);
            if (state != null && state.startsWith("23505")) {
                // two identical requests raced past our own checks; the database kept exactly one
                write(ctx, ApiException.conflict("duplicate", "This already exists (a request like it was handled at the same moment)"));
                return;
            }
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                // data the database refuses that our validation let through: the client's input, never a 500
                log.warn("{} {} refused by the database: {}", ctx.method(), ctx.path(), SafeErrors.describe(e));
                write(ctx, ApiException.invalid(List.of(new Problem.FieldError("body",
                        "contains a value the database cannot store (a control character, or a number or date out of range)"))));
                return;
            }
            if (poolExhausted(e)) {
                // overload, not a fault: every connection busy for the whole wait. Nothing was changed,
                // so the client may simply send the same request again.
                log.warn("no database connection free for {} {}: answered 503", ctx.method(), ctx.path());
                write(ctx, new ApiException(503, "busy", "Server busy",
                        "The server is handling too many requests at once; nothing was changed, try again in a moment", null, 1L));
                return;
            }
            // never the exception's message: a failing statement's text can carry personal data
            log.error("unexpected error on {} {}: {}", ctx.method(), ctx.path(), SafeErrors.describe(e));
            write(ctx, new ApiException(500, "internal", "Internal error",
                    "The server failed to handle this request; the error is in its log", null, null));
        });
        for (int status : new int[] {400, 404, 405, 413, 414, 415, 431}) {
            app.error(status, ctx -> {
                String written = ctx.res().getContentType();
                if (written == null || !written.startsWith(CONTENT_TYPE)) {
                    write(ctx, new ApiException(status, slug(status), title(status), detail(ctx, status), null, null));
                }
            });
        }
    }

    /** The SQLState of the first SQL exception in the chain, or null. */
    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    static boolean poolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    public static void write(Context ctx, ApiException e) {
        Problem p = new Problem(TYPE_BASE + e.type(), e.title(), e.status(), e.getMessage(), e.errors());
        if (e.retryAfterSeconds() != null) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        ctx.status(e.status()).json(p).contentType(CONTENT_TYPE);
    }

    private static String title(int status) {
        return switch (status) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request too large";
            default -> "Bad request";
        };
    }

    private static String detail(Context ctx, int status) {
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method " + ctx.method() + " is not allowed here";
            case 413 -> "The request body is larger than this server accepts";
            default -> "The request could not be read as sent";
        };
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "too-large";
            default -> "http-" + status;
        };
    }
}
