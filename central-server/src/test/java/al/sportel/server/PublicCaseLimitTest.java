package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The online form's hourly limit per address holds when a script sends its filings all at once (on PostgreSQL, without the guard row's lock, 6 of 30 got through). */
class PublicCaseLimitTest {

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

    @Test
    void thirtyFilingsAtOnceFromOneAddressFileFiveAndRefuseTheRest() throws Exception {
        int before = count();
        List<Future<Integer>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            for (int i = 0; i < 30; i++) {
                int n = i;
                answers.add(pool.submit(() -> api.post("/api/v1/public/complaints", null, Map.of("category", "OTHER",
                        "name", "Skript " + n, "phone", "0691234567", "description", "Ankesë e dërguar nga një skript.")).status()));
            }
            int filed = 0;
            int refused = 0;
            for (Future<Integer> a : answers) {
                int status = a.get();
                filed += status == 201 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
            }
            assertThat(filed).isEqualTo(5);
            assertThat(refused).isEqualTo(25);
            assertThat(count() - before).as("cases really filed").isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int count() {
        return server.server().database().read(h -> h.createQuery("SELECT COUNT(*) FROM cases").mapTo(Integer.class).one());
    }
}
