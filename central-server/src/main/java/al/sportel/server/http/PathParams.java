package al.sportel.server.http;

import io.javalin.http.Context;

/** Ids in the path: anything that is not one is simply an unknown resource (404). */
public final class PathParams {

    private PathParams() {
    }

    public static long id(Context ctx, String name, String what) {
        String raw = ctx.pathParam(name);
        try {
            long v = Long.parseLong(raw);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // falls through to 404
        }
        throw ApiException.notFound("No " + what + " with id " + abbreviate(raw));
    }

    public static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
