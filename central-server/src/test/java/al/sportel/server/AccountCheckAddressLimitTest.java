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

    @Test
    void aSignedInKioskCountsItsOwnFailuresAndTheWaitIsThatOfTheLimitReached() throws Exception {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            String kiosk = api.token("kiosk1");
            // 30 typos at the centre's kiosk: more than an address may make, well within the kiosk's own 120
            for (int i = 0; i < 30; i++) {
                assertThat(api.post("/api/v1/kiosk/account/verify", kiosk, Map.of("customerCode", Integer.toString(800_000 + i),
                        "proof", "1.00")).status()).as("typo %d", i).isEqualTo(404);
            }
            // and a phone behind the same address is not locked out by them
            String proof = CitizenAccountTest.lastBillAmount(server, "100001");
            assertThat(api.post("/api/v1/public/account/verify", null, Map.of("customerCode", "100001", "proof", proof))
                    .status()).isEqualTo(200);
            api.post("/api/v1/kiosk/account/verify", api.token("clerk1"), Map.of("customerCode", "100001", "proof", proof)).expect(403);
            assertThat(api.post("/api/v1/kiosk/account/verify", kiosk, Map.of("customerCode", "100001", "proof", proof))
                    .json().get("customerCode").asText()).isEqualTo("100001");

            // one customer's code: 5 wrong proofs lock it for the hour from the first of them, wherever they came from
            for (int i = 0; i < 5; i++) {
                api.post("/api/v1/kiosk/account/verify", kiosk, Map.of("customerCode", "100002", "proof", "1.0" + i)).expect(404);
            }
            Api.Response locked = api.post("/api/v1/kiosk/account/verify", kiosk, Map.of("customerCode", "100002", "proof", "2.00"))
                    .expect(429);
            long wait = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
            assertThat(wait).isBetween(3_000L, 3_600L);
        }
    }
}
