package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A staff stream shows customers' names and accounts, so it ends with the session it was opened with:
 * on logout, when the user is disabled or moved to another branch. Before, it ran on until the client
 * hung up, whatever happened to the token.
 */
class StaffStreamSessionTest {

    /** The server checks open staff streams every 5 s; this leaves room for a busy machine. */
    private static final Duration ENDS = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private SseReader stream(String branch, String token) {
        return new SseReader(server.baseUrl() + "/api/v1/branches/" + branch + "/events", token, null);
    }

    /** A session of its own, not the one {@link Api#token} shares between tests. */
    private String login(String username, String password) {
        return api.post("/api/v1/auth/login", null, Map.of("username", username, "password", password))
                .expect(200).json().get("token").asText();
    }

    @Test
    void loggingOutEndsThatSessionsStreamAndNoOtherOne() throws Exception {
        String token = login("clerk9", "sportel");
        try (SseReader own = stream("DR01", token); SseReader colleague = stream("DR01", api.token("supervisor2"))) {
            assertThat(own.awaitStatus()).isEqualTo(200);
            assertThat(colleague.awaitStatus()).isEqualTo(200);

            api.post("/api/v1/auth/logout", token, null).expect(204);

            assertThat(own.endsWithin(ENDS)).as("the logged-out clerk's stream ends").isTrue();
            // The check that ended it passed the supervisor's stream, which still delivers.
            api.issue("DR01", "P", false);
            assertThat(colleague.nextNamed("ticket.issued", WAIT)).isNotNull();
            assertThat(colleague.endsWithin(Duration.ofMillis(100))).isFalse();
        }
        try (SseReader again = stream("DR01", token)) {
            assertThat(again.awaitStatus()).isEqualTo(401);
        }
    }

    @Test
    void movingTheUserToAnotherBranchOrDisablingHerEndsHerStream() throws Exception {
        String admin = api.token("admin");
        String password = "Durres-2026-sportel";
        long id = api.post("/api/v1/users", admin, Map.of("username", "drita.stream", "displayName", "Drita Hoxha",
                "role", "CLERK", "branchCode", "DR01", "password", password)).expect(201).json().get("id").asLong();
        String token = login("drita.stream", password);

        try (SseReader durres = stream("DR01", token)) {
            assertThat(durres.awaitStatus()).isEqualTo(200);
            api.raw("PATCH", "/api/v1/users/" + id, admin, "{\"branchCode\":\"TR01\"}", Map.of()).expect(200);
            assertThat(durres.endsWithin(ENDS)).as("the stream of the branch she left ends").isTrue();
        }
        try (SseReader tirana = stream("TR01", token)) {
            assertThat(tirana.awaitStatus()).as("a move ends her sessions: she signs in again").isEqualTo(401);
        }
        String moved = login("drita.stream", password);
        try (SseReader durres = stream("DR01", moved); SseReader tirana = stream("TR01", moved)) {
            assertThat(durres.awaitStatus()).isEqualTo(403);
            assertThat(tirana.awaitStatus()).isEqualTo(200);
            api.raw("PATCH", "/api/v1/users/" + id, admin, "{\"active\":false}", Map.of()).expect(200);
            assertThat(tirana.endsWithin(ENDS)).as("a disabled user's stream ends").isTrue();
        }
        try (SseReader tirana = stream("TR01", moved)) {
            assertThat(tirana.awaitStatus()).isEqualTo(401);
        }
    }
}
