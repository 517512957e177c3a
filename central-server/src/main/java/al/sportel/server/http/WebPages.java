package al.sportel.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The customer-side pages, plain HTML/CSS/JS from the jar (no CDN, no external fonts): the landing
 * page, the kiosk, the waiting-room display, the phone view, tracking and the complaint form. Each page
 * reads its branch or ticket from its URL. Scripts and styles are files, never inline, so that the
 * Content-Security-Policy of {@link SecurityHeaders} can forbid inline code outright.
 */
public final class WebPages {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "png", "image/png",
            "webmanifest", "application/manifest+json");

    public void register(Javalin app) {
        app.get("/", ctx -> page(ctx, "index.html"));
        // Browsers ask for /favicon.ico on their own; an SVG answers it (every browser we target renders one).
        app.get("/favicon.ico", ctx -> page(ctx, "favicon.svg"));
        app.get("/kiosk/{branch}", ctx -> page(ctx, "kiosk.html"));
        app.get("/display/{branch}", ctx -> page(ctx, "display.html"));
        app.get("/t/{ticket}", ctx -> page(ctx, "phone.html"));
        app.get("/track", ctx -> page(ctx, "track.html"));
        app.get("/track/{code}", ctx -> page(ctx, "track.html"));
        app.get("/complaint", ctx -> page(ctx, "complaint.html"));
        app.get("/book/{branch}", ctx -> page(ctx, "book.html")); // issue 20: booking an appointment
        app.get("/web/{file}", ctx -> page(ctx, ctx.pathParam("file")));
        // issue 19: the phone app (an installable PWA) under /app; its service worker controls all of /app
        app.get("/app", ctx -> page(ctx, "app/index.html"));
        app.get("/app/sw.js", ctx -> {
            ctx.header("Service-Worker-Allowed", "/app");
            page(ctx, "app/sw.js");
        });
        app.get("/app/{file}", ctx -> page(ctx, "app/" + ctx.pathParam("file")));
        app.get("/app/js/{file}", ctx -> page(ctx, "app/js/" + ctx.pathParam("file")));
    }

    private static void page(Context ctx, String file) throws IOException {
        if (!file.matches("(app/(js/)?)?[a-z0-9-]+\\.(html|css|js|svg|png|webmanifest)")) {
            throw ApiException.notFound("No such page");
        }
        try (InputStream in = WebPages.class.getResourceAsStream("/web/" + file)) {
            if (in == null) {
                throw ApiException.notFound("No such page");
            }
            ctx.contentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1)))
                    .header("Cache-Control", "no-cache")
                    .result(in.readAllBytes());
        }
    }
}
