package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Ten counters call at once over HTTP while kiosks keep issuing: every ticket is called exactly once,
 * none is lost, and each counter's calls come in the promised order. Half the counters call with
 * call-next, the other half end their ticket and call the next in one request (end-and-call-next).
 */
class ConcurrentCallNextTest {

    private static final int COUNTERS = 10;
    private static final int ISSUED_BEFORE = 150;
    private static final int ISSUED_DURING = 250;

    /** A call: the ticket, and when (System.nanoTime) this counter sent the call-next that took it. */
    private record Called(String id, boolean priority, Instant issuedAt, long askedAt) {
    }

    @Test
    void everyTicketIsCalledExactlyOnceAndInOrder() throws Exception {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            List<String> letters = List.of("P", "A", "K", "I");
            Map<String, Long> service = new HashMap<>();
            letters.forEach(l -> service.put(l, api.serviceId("TR01", l)));
            // The order checked below is the plain one (priority, then issue time); the no-starvation rule,
            // which lets one service's regular ticket go ahead (FairQueueTest), is switched off here.
            service.values().forEach(id -> api.put("/api/v1/services/" + id + "/fairness-rule", api.token("admin"), Map.of())
                    .expect(200));
            // four more counters and clerks for Tirana, so ten counters call at once
            List<List<String>> extraProfiles = List.of(List.of("K", "P"), List.of("I", "A"), List.of("P"), List.of("A", "K", "I", "P"));
            for (int i = 0; i < extraProfiles.size(); i++) {
                api.post("/api/v1/branches/TR01/counters", api.token("admin"), Map.of("number", 7 + i,
                        "serviceIds", extraProfiles.get(i).stream().map(service::get).toList())).expect(201);
                api.post("/api/v1/users", api.token("admin"), Map.of("username", "clerk" + (11 + i), "displayName", "Extra " + i,
                        "role", "CLERK", "branchCode", "TR01", "password", "sportel")).expect(422); // too short: proves validation
                api.post("/api/v1/users", api.token("admin"), Map.of("username", "clerk" + (11 + i), "displayName", "Extra " + i,
                        "role", "CLERK", "branchCode", "TR01", "password", "sportel-long")).expect(201);
            }
            List<String> clerks = new ArrayList<>();
            List<Long> counterIds = new ArrayList<>();
            for (int n = 1; n <= COUNTERS; n++) {
                String clerk = "clerk" + (n <= 6 ? n : n + 4);
                String token = n <= 6 ? api.token(clerk) : api.post("/api/v1/auth/login", null,
                        Map.of("username", clerk, "password", "sportel-long")).expect(200).json().get("token").asText();
                long id = api.counterId("TR01", n);
                api.post("/api/v1/counters/" + id + "/open", token, null).expect(200);
                clerks.add(token);
                counterIds.add(id);
            }

            Random random = new Random(42);
            Set<String> issued = ConcurrentHashMap.newKeySet();
            // when each issue's answer arrived (System.nanoTime): from then on the ticket is in the queue
            Map<String, Long> issuedDone = new ConcurrentHashMap<>();
            for (int i = 0; i < ISSUED_BEFORE; i++) {
                String id = api.issue("TR01", letters.get(random.nextInt(4)), random.nextInt(10) == 0).get("id").asText();
                issued.add(id);
                issuedDone.put(id, System.nanoTime());
            }

            ExecutorService pool = Executors.newFixedThreadPool(COUNTERS + 2);
            CountDownLatch go = new CountDownLatch(1);
            AtomicBoolean issuing = new AtomicBoolean(true);
            List<Future<?>> issuers = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                int seed = k;
                issuers.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    go.await();
                    for (int i = 0; i < ISSUED_DURING / 2; i++) {
                        String id = api.issue("TR01", letters.get(r.nextInt(4)), r.nextInt(10) == 0).get("id").asText();
                        issued.add(id);
                        issuedDone.put(id, System.nanoTime());
                    }
                    return null;
                }));
            }
            List<Future<List<Called>>> callers = new ArrayList<>();
            for (int c = 0; c < COUNTERS; c++) {
                String token = clerks.get(c);
                long counter = counterIds.get(c);
                // every other counter ends its ticket and calls the next in one request
                boolean combined = c % 2 == 1;
                callers.add(pool.submit(() -> {
                    List<Called> mine = new ArrayList<>();
                    go.await();
                    int idle = 0;
                    String serving = null;
                    while (issuing.get() || idle < 3) {
                        long asked = System.nanoTime();
                        JsonNode t;
                        if (serving != null) {
                            JsonNode both = api.post("/api/v1/counters/" + counter + "/end-and-call-next", token,
                                    Map.of("ticketId", serving, "outcome", "DONE")).expect(200).json();
                            assertThat(both.get("ended").get("status").asText()).isEqualTo("DONE");
                            serving = null;
                            t = both.get("called").isNull() ? null : both.get("called");
                        } else {
                            Api.Response r = api.post("/api/v1/counters/" + counter + "/call-next", token, null);
                            t = r.status() == 204 ? null : r.expect(200).json();
                        }
                        if (t == null) {
                            idle++;
                            Thread.sleep(5);
                            continue;
                        }
                        idle = 0;
                        mine.add(new Called(t.get("id").asText(), t.get("priority").asBoolean(), Instant.parse(t.get("issuedAt").asText()), asked));
                        api.post("/api/v1/tickets/" + t.get("id").asText() + "/start", token, null).expect(200);
                        if (combined) {
                            serving = t.get("id").asText();
                        } else {
                            api.post("/api/v1/tickets/" + t.get("id").asText() + "/finish", token, null).expect(200);
                        }
                    }
                    if (serving != null) {
                        api.post("/api/v1/tickets/" + serving + "/finish", token, null).expect(200);
                    }
                    return mine;
                }));
            }
            go.countDown();
            for (Future<?> f : issuers) {
                f.get();
            }
            issuing.set(false);
            List<String> allCalled = new ArrayList<>();
            Map<Integer, List<Called>> byCounter = new HashMap<>();
            for (int c = 0; c < COUNTERS; c++) {
                List<Called> mine = callers.get(c).get();
                byCounter.put(c + 1, mine);
                mine.forEach(x -> allCalled.add(x.id()));
            }
            pool.shutdown();

            assertThat(issued).hasSize(ISSUED_BEFORE + ISSUED_DURING);
            assertThat(new HashSet<>(allCalled)).as("no ticket called twice").hasSize(allCalled.size());
            assertThat(new HashSet<>(allCalled)).as("every ticket called").isEqualTo(issued);
            JsonNode queue = api.get("/api/v1/branches/TR01/queue", api.token("admin")).expect(200).json();
            assertThat(queue.get("waiting")).isEmpty();
            assertThat(queue.get("called")).isEmpty();
            assertThat(queue.get("serving")).isEmpty();
            assertThat(byCounter.values().stream().filter(l -> !l.isEmpty()).count()).as("the work was shared").isGreaterThan(5);

            // Within each class (priority or not), a counter never calls a ticket issued earlier than one it
            // already called if that earlier ticket was in the queue when it asked: its issue had been
            // answered before that call-next was sent. (A ticket whose issue was still committing may come
            // later: its time is taken before its commit, and no centre-wide lock orders commits any more.)
            for (var e : byCounter.entrySet()) {
                for (boolean prio : new boolean[] {true, false}) {
                    List<Called> calls = e.getValue().stream().filter(x -> x.priority() == prio).toList();
                    for (int j = 1; j < calls.size(); j++) {
                        for (int i = 0; i < j; i++) {
                            Called first = calls.get(i);
                            Called later = calls.get(j);
                            if (later.issuedAt().isBefore(first.issuedAt())) {
                                assertThat(issuedDone.get(later.id()))
                                        .as("counter %d called %s (issued %s) after %s (issued %s) though it was queued before it asked",
                                                e.getKey(), later.id(), later.issuedAt(), first.id(), first.issuedAt())
                                        .isGreaterThan(first.askedAt());
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Kiosks of one service tapping at once: a ticket's time is read once its number is taken, so the later number
     * never has the earlier time and is never called first (on PostgreSQL the number's row, not the centre, serialises).
     */
    @Test
    void ticketsOfOneServiceTakenAtOnceAreTimedInTheOrderOfTheirNumbers() throws Exception {
        // numbers start again each Tirana day: a noon clock keeps midnight out of the run
        try (TestServer server = TestServer.start(NoonClock.today())) {
            Api api = server.api();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<JsonNode>>> kiosks = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                kiosks.add(pool.submit(() -> {
                    go.await();
                    List<JsonNode> mine = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        mine.add(api.issue("TR01", "P", false));
                    }
                    return mine;
                }));
            }
            go.countDown();
            List<JsonNode> all = new ArrayList<>();
            for (Future<List<JsonNode>> f : kiosks) {
                all.addAll(f.get());
            }
            pool.shutdown();
            all.sort(Comparator.comparingInt(t -> Integer.parseInt(t.get("number").asText().substring(1))));
            for (int i = 1; i < all.size(); i++) {
                assertThat(Instant.parse(all.get(i).get("issuedAt").asText()))
                        .as("%s after %s", all.get(i).get("number").asText(), all.get(i - 1).get("number").asText())
                        .isAfterOrEqualTo(Instant.parse(all.get(i - 1).get("issuedAt").asText()));
            }
        }
    }
}
