package al.sportel.server.http;

import io.javalin.Javalin;

/**
 * Browser protections on every response, pages and API alike. The pages carry no inline script or
 * style (they load theirs from {@code /web/}), so the policy can allow only this server's own files;
 * no page may be framed, since the kiosk and the display are top-level pages and a frame around a
 * signed-in kiosk would only serve click-jacking.
 */
public final class SecurityHeaders {

    static final String POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "font-src 'self'",
            "manifest-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {
    }

    public static void install(Javalin app) {
        app.before(ctx -> ctx
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer"));
    }
}
