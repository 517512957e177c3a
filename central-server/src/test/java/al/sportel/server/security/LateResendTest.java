package al.sportel.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.server.Api;
import al.sportel.server.MutableClock;
import al.sportel.server.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A payment booked whose answer was lost is resent by the counter's outbox until it hears back, for days if the
 * link stays down. By then the request may break a time limit it met when it was booked: the resend still gets
 * the answer it had, never a refusal that would mark booked money as failed at the counter.
 */
class LateResendTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(CLOCK);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anOfflinePaymentBookedButUnansweredIsReplayedAfterItsWindowHasPassed() {
        long counter = api.counterId("TR01", 4);
        api.act("clerk4", "/api/v1/counters/" + counter + "/open").expect(200);
        Map<String, Object> body = Map.of("customerCode", "100024", "amount", "3.00", "method", "CARD", "counterId", counter,
                "offline", true, "takenAt", CLOCK.instant().minus(Duration.ofHours(47)).toString());
        String key = UUID.randomUUID().toString();
        JsonNode booked = api.raw("POST", "/api/v1/payments", api.token("clerk4"), Api.write(body), Map.of("Idempotency-Key", key))
                .expect(201).json();

        CLOCK.advance(Duration.ofHours(2)); // the answer was lost; the link came back two hours later
        api.forgetTokens();
        Api.Response resent = api.raw("POST", "/api/v1/payments", api.token("clerk4"), Api.write(body), Map.of("Idempotency-Key", key))
                .expect(201);
        assertThat(resent.json().get("id").asLong()).isEqualTo(booked.get("id").asLong());
        assertThat(resent.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        // the same money under a new key is a new payment, and that one is past the window
        assertThat(api.raw("POST", "/api/v1/payments", api.token("clerk4"), Api.write(body),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(422).body()).contains("48 hours");
    }
}
