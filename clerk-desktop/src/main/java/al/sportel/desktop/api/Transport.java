package al.sportel.desktop.api;

import java.io.IOException;
import java.time.Duration;

/** How the outbox reaches the server: one HTTP exchange with an idempotency key. */
public interface Transport {

    /** Any HTTP answer, with the server's {@code refusal} (its problem document) when it is not a 2xx. */
    record Answer(int status, String body, Refusal refusal) {

        /** The refusal in the server's words, or null for a 2xx. */
        public String problemDetail() {
            return refusal == null ? null : refusal.serverWords();
        }
    }

    /**
     * {@code heldFor}: how long the change has waited in the outbox (the server books a payment held past
     * {@code PaymentRequest.ANSWER_WAIT} as taken offline then).
     *
     * @throws IOException when no answer came (refused, reset, timed out)
     */
    Answer send(String method, String path, String jsonBody, String idempotencyKey, Duration heldFor) throws IOException;
}
