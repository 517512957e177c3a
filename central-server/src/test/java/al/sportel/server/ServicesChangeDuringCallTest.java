package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import al.sportel.server.db.Database;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * A supervisor moves a counter to another service while its clerk presses call-next. On PostgreSQL the
 * call-next's lock statement waits for the supervisor's change, and its snapshot is older than that
 * change: the call must still follow the new services, or the clerk is handed a ticket of the service
 * the counter was just taken off.
 */
class ServicesChangeDuringCallTest {

    @Test
    void aCallThatWaitedForAServicesChangeCallsFromTheNewServices() throws Exception {
        assumeTrue(TestServer.onPostgres(), "the lock statement's snapshot is PostgreSQL's");
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            String clerk = api.token("clerk1");
            String supervisor = api.token("supervisor1");
            long counter = api.counterId("TR01", 1);
            long payments = api.serviceId("TR01", "P");
            long applications = api.serviceId("TR01", "A");
            api.put("/api/v1/counters/" + counter + "/services", supervisor, Map.of("serviceIds", List.of(payments))).expect(200);
            api.post("/api/v1/counters/" + counter + "/open", clerk, null).expect(200);
            String payment = api.issue("TR01", "P", false).get("id").asText();
            String application = api.issue("TR01", "A", false).get("id").asText();

            Database db = server.server().database();
            try (Handle held = db.jdbi().open()) {
                // Hold the counter's current service rows, so the supervisor's change stops after locking the
                // counter, at its DELETE of them.
                held.begin();
                held.createQuery("SELECT service_id FROM counter_services WHERE counter_id = :c FOR UPDATE")
                        .bind("c", counter).mapTo(Long.class).list();
                int heldPid = held.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
                CompletableFuture<Api.Response> change = CompletableFuture.supplyAsync(() -> api.put(
                        "/api/v1/counters/" + counter + "/services", supervisor, Map.of("serviceIds", List.of(applications))));
                int changePid = awaitBlockedBy(db, heldPid); // the change holds the counter and waits for the rows held here
                CompletableFuture<Api.Response> call = CompletableFuture.supplyAsync(() -> api.post(
                        "/api/v1/counters/" + counter + "/call-next", clerk, null));
                awaitBlockedBy(db, changePid); // the call-next waits for the counter, its snapshot taken before the change
                held.commit();

                change.get(30, TimeUnit.SECONDS).expect(200);
                Api.Response called = call.get(30, TimeUnit.SECONDS).expect(200);
                assertThat(called.json().get("id").asText()).as("the ticket of the counter's new service").isEqualTo(application);
            }
            assertThat(api.get("/api/v1/tickets/" + payment, clerk).expect(200).json().get("status").asText()).isEqualTo("WAITING");
        }
    }

    /** Until some session waits for a lock that session {@code pid} holds; that session's pid. */
    private static int awaitBlockedBy(Database db, int pid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (Handle h = db.jdbi().open()) {
            while (true) {
                Optional<Integer> blocked = h.createQuery("SELECT pid FROM pg_stat_activity WHERE :p = ANY(pg_blocking_pids(pid))")
                        .bind("p", pid).mapTo(Integer.class).findFirst();
                if (blocked.isPresent()) {
                    return blocked.get();
                }
                assertThat(System.nanoTime()).as("a session waiting for session %d", pid).isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }
}
