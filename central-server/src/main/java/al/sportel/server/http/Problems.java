package al.sportel.server.http;

import al.sportel.model.Problem;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.sql.SQLTransientConnectionException;

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
        app.exception(Exception.class, (e, ctx) -> {
            if (poolExhausted(e)) {
                // overload, not a fault: every connection busy for the whole wait. Nothing was changed,
                // so the client may simply send the same request again.
                log.warn("no database connection free for {} {}: answered 503", ctx.method(), ctx.path());
                write(ctx, new ApiException(503, "busy", "Server busy",
                        "The server is handling too many requests at once; nothing was changed, try again in a moment", null, 1L));
                return;
            }
            log.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, new ApiException(500, "internal", "Internal error",
                    "The server failed to handle this request; the error is in its log", null, null));
        });
        for (int status : new int[] {404, 405}) {
            app.error(status, ctx -> {
                if (!CONTENT_TYPE.equals(ctx.res().getContentType())) {
                    write(ctx, new ApiException(status, slug(status),
                            status == 404 ? "Not found" : "Method not allowed",
                            status == 404 ? "No such resource: " + ctx.path() : "Method " + ctx.method() + " is not allowed here",
                            null, null));
                }
            });
        }
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
