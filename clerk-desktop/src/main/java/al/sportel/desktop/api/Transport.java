package al.sportel.desktop.api;

import java.io.IOException;

/** How the outbox reaches the server: one HTTP exchange with an idempotency key. */
public interface Transport {

    /** Any HTTP answer, with the problem's {@code detail} when the server refused. */
    record Answer(int status, String body, String problemDetail) {
    }

    /** @throws IOException when no answer came (refused, reset, timed out) */
    Answer send(String method, String path, String jsonBody, String idempotencyKey) throws IOException;
}
