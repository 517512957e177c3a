package al.sportel.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.server.Api;
import al.sportel.server.MutableClock;
import al.sportel.server.TestServer;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 items 5–7 and 15: lockout counts exactly under any concurrency, per username and client
 * address with a growing delay and an admin unlock; unknown users cost the same time and are not logged.
 * The server trusts 127.0.0.1 as a proxy, so each test can speak from its own client address.
 */
class LoginSecurityTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(CLOCK, c -> c.withSecurity(c.security().withTrustedProxies(List.of("127.0.0.1"))));
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Api.Response login(String user, String password, String address) {
        return api.raw("POST", "/api/v1/auth/login", null, Api.write(Map.of("username", user, "password", password)),
                Map.of("X-Forwarded-For", address));
    }

    @Test
    void aHundredParallelWrongPasswordsGetAtMostFiveChecked() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            answers.add(pool.submit(() -> login("clerk6", "wrong" + n, "10.1.0.1").status()));
        }
        int checked = 0;
        int refused = 0;
        for (Future<Integer> f : answers) {
            int status = f.get();
            assertThat(status).isIn(401, 429);
            checked += status == 401 ? 1 : 0;
            refused += status == 429 ? 1 : 0;
        }
        pool.shutdown();
        System.out.println("parallel wrong passwords: " + checked + " of 100 checked, " + refused + " refused unchecked");
        assertThat(checked).isBetween(1, 5);
        assertThat(login("clerk6", "sportel", "10.1.0.1").status()).as("the right password right after the burst").isEqualTo(429);
    }

    @Test
    void failuresSlowDownThenLockTheUserOnlyFromThatAddressUntilAnAdminUnlocks() {
        String attacker = "10.2.0.1";
        login("clerk3", "wrong1", attacker).expect(401);
        login("clerk3", "wrong2", attacker).expect(401);
        Api.Response slowed = login("clerk3", "wrong3", attacker).expect(429);
        assertThat(slowed.headers().firstValue("Retry-After")).contains("2");
        long previousDelay = 0;
        for (int i = 3; i <= 5; i++) {
            long delay = Long.parseLong(login("clerk3", "x", attacker).expect(429).headers().firstValue("Retry-After").orElseThrow());
            assertThat(delay).as("the wait grows").isGreaterThan(previousDelay);
            previousDelay = delay;
            CLOCK.advance(Duration.ofSeconds(delay));
            login("clerk3", "wrong" + i, attacker).expect(401);
        }
        CLOCK.advance(Duration.ofSeconds(20));
        Api.Response locked = login("clerk3", "sportel", attacker).expect(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(800L, 901L);
        // the colleague at her own counter is not locked out by someone typing her name elsewhere
        login("clerk3", "sportel", "10.2.0.99").expect(200);
        // an administrator lifts the lock
        long clerk3 = userId("clerk3");
        api.post("/api/v1/users/" + clerk3 + "/unlock", api.token("clerk1"), null).expect(403);
        api.post("/api/v1/users/" + clerk3 + "/unlock", api.token("admin"), null).expect(204);
        login("clerk3", "sportel", attacker).expect(200);
        api.post("/api/v1/users/999999/unlock", api.token("admin"), null).expect(404);
    }

    @Test
    void theLockEndsByItselfAfterTheWindow() {
        String address = "10.3.0.1";
        for (int i = 0; i < 5; i++) {
            CLOCK.advance(Duration.ofSeconds(20));
            login("clerk4", "wrong" + i, address).expect(401);
        }
        CLOCK.advance(Duration.ofSeconds(20));
        login("clerk4", "sportel", address).expect(429);
        CLOCK.advance(Duration.ofMinutes(16));
        login("clerk4", "sportel", address).expect(200);
    }

    /** One password tried on every username from one computer: each user sees one failure, the address sees them all. */
    @Test
    void oneAddressSprayingAPasswordOverManyUsernamesIsStoppedThenForgottenAfterTheWindow() {
        String address = "10.4.0.1";
        for (int i = 0; i < 20; i++) {
            login("nobody" + i, "Summer2026!", address).expect(401);
        }
        Api.Response stopped = login("clerk6", "Summer2026!", address).expect(429);
        assertThat(stopped.body()).contains("from this computer");
        login("clerk6", "sportel", address).expect(429); // even the right password waits
        login("clerk6", "sportel", "10.4.0.2").expect(200); // another computer is not stopped
        // a stopped address writes nothing more, however many names it makes up
        for (int i = 0; i < 30; i++) {
            login("made-up" + i, "Summer2026!", address).expect(429);
        }
        assertThat(guardRows(address)).isEqualTo(20);
        CLOCK.advance(Duration.ofMinutes(16));
        login("clerk6", "sportel", address).expect(200);
        assertThat(guardRows(address)).as("the names it tried are forgotten with their failures").isLessThanOrEqualTo(1);
    }

    private static int guardRows(String address) {
        return server.server().database().read(h -> h.createQuery("SELECT COUNT(*) FROM login_guards WHERE address = :a")
                .bind("a", address).mapTo(Integer.class).one());
    }

    @Test
    void anUnknownUserTakesAsLongAsAWrongPasswordAndIsNotLoggedByName() {
        // the test logging config keeps only warnings: this logger speaks at INFO while the test listens
        Logger root = (Logger) LoggerFactory.getLogger("al.sportel.server.auth.AuthService");
        Level level = root.getLevel();
        root.setLevel(Level.INFO);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            List<Long> wrong = new ArrayList<>();
            List<Long> unknown = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                wrong.add(timed(() -> login("clerk5", "wrong", "10.4.1." + wrongAddress()).expect(401)));
                unknown.add(timed(() -> login("zz-secret-typo-" + System.nanoTime(), "wrong", "10.4.2." + wrongAddress()).expect(401)));
            }
            long w = median(wrong);
            long u = median(unknown);
            System.out.println("median login ms: wrong password " + w + ", unknown user " + u);
            assertThat((double) u).as("unknown user %d ms vs wrong password %d ms", u, w).isBetween(w / 3.0, w * 3.0);
            assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(m -> m.contains("zz-secret-typo"))
                    .anyMatch(m -> m.contains("unknown username"));
        } finally {
            root.detachAppender(logged);
            root.setLevel(level);
        }
    }

    private static int addressCounter = 1;

    private static synchronized int wrongAddress() {
        return addressCounter++;
    }

    private static long timed(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long userId(String username) {
        return api.get("/api/v1/users?branchCode=TR01", api.token("admin")).expect(200).json().findParents("username").stream()
                .filter(n -> n.get("username").asText().equals(username)).findFirst().orElseThrow().get("id").asLong();
    }
}
