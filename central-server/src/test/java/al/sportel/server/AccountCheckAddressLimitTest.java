package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One address guessing many customer codes at once: each code is locked on its own, so without a lock on
 * the address the parallel checks all read the address's count before any of them recorded a failure,
 * and more guesses than the limit (20 an hour) were checked.
 */
class AccountCheckAddressLimitTest {

    @Test
    void manyParallelGuessesAtDifferentCodesFromOneAddressGetNoMoreChecksThanItsLimit() throws Exception {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            // codes nobody has: no customer row to lock, only the address stands between the guesses
            List<Integer> statuses = Parallel.atOnce(40, i -> () -> api.post("/api/v1/public/account/verify", null,
                    Map.of("customerCode", Integer.toString(900_000 + i), "proof", "1.00")).status());
            assertThat(statuses).containsOnly(404, 429);
            assertThat(statuses.stream().filter(s -> s == 404).count()).as("guesses checked").isEqualTo(20);
            int recorded = server.server().database().read(h -> h.createQuery("SELECT COUNT(*) FROM citizen_verify_failures")
                    .mapTo(Integer.class).one());
            assertThat(recorded).isEqualTo(20);
        }
    }
}
