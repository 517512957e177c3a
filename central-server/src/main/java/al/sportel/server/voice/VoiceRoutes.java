package al.sportel.server.voice;

import al.sportel.server.http.ApiException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The display's voice without internet: {@code GET /api/v1/public/voice/announcement?ticket=P023&counter=3}
 * lists the clip URLs to play in order, {@code GET /voice/sq/{clip}.opus} serves a clip from the jar.
 */
public final class VoiceRoutes {

    public record Announcement(String text, List<String> clips) {
    }

    public void register(Javalin app) {
        app.get("/api/v1/public/voice/announcement", ctx -> {
            String ticket = ctx.queryParam("ticket");
            int counter = ctx.queryParamAsClass("counter", Integer.class).getOrDefault(0);
            List<String> clips = ticket == null ? List.of() : AnnouncementClips.forCall(ticket, counter);
            if (clips.isEmpty()) {
                throw ApiException.invalid("ticket", "ticket must be a number such as P023 (up to 9999) and counter 1 to 999");
            }
            ctx.json(new Announcement("Bileta " + ticket + ", sporteli " + counter,
                    clips.stream().map(c -> AnnouncementClips.PATH + c + ".opus").toList()));
        });
        app.get("/voice/sq/{clip}", VoiceRoutes::clip);
    }

    private static void clip(Context ctx) throws IOException {
        String name = ctx.pathParam("clip");
        if (!name.matches("[a-z0-9-]{1,20}\\.opus")) {
            throw ApiException.notFound("No such clip");
        }
        try (InputStream in = VoiceRoutes.class.getResourceAsStream(AnnouncementClips.PATH + name)) {
            if (in == null) {
                throw ApiException.notFound("No such clip");
            }
            ctx.contentType("audio/ogg").header("Cache-Control", "max-age=86400").result(in.readAllBytes());
        }
    }
}
