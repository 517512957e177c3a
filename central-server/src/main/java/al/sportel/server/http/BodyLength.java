package al.sportel.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * A request body must say its length. Javalin's 64 KB limit ({@code maxRequestSize}) is checked against the
 * Content-Length header only: a chunked body without one was read whole into memory, however large, by anyone,
 * before any login. Every client of this API (the desktop, browsers, partners' systems) sends a length.
 */
public final class BodyLength {

    private BodyLength() {
    }

    public static void install(Javalin app) {
        app.before(BodyLength::check);
    }

    static void check(Context ctx) {
        // partners' requests are read through ChannelAuth's own bounded reader, whatever their framing
        if (ctx.req().getContentLengthLong() < 0 && ctx.header("Transfer-Encoding") != null
                && !ctx.path().startsWith("/api/v1/channels/")) {
            throw new ApiException(411, "length-required", "Length required",
                    "Send the request body with a Content-Length header (at most 64 KB, attachments excepted)", null, null);
        }
    }
}
