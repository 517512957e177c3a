package al.sportel.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.server.Api;
import al.sportel.server.MutableClock;
import al.sportel.server.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 14 items 1, 2 and 4: bounded offline payments, the held counter, concurrent duplicates are 409. */
class MoneyHardeningTest {

    private static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");
    // mid-morning, so "yesterday afternoon" is inside the 48-hour window but on a closed day
    private static final MutableClock CLOCK = new MutableClock(ZonedDateTime.now(TIRANA).withHour(10).withMinute(0).toInstant());
    private static TestServer server;
    private static Api api;
    private static long counter4;
    private static long counter5;

    @BeforeAll
    static void start() {
        server = TestServer.start(CLOCK);
        api = server.api();
        counter4 = api.counterId("TR01", 4);
        counter5 = api.counterId("TR01", 5);
        api.act("clerk4", "/api/v1/counters/" + counter4 + "/open").expect(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Api.Response pay(String clerk, Map<String, Object> body) {
        return api.raw("POST", "/api/v1/payments", api.token(clerk), Api.write(body), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static Map<String, Object> card(String customer, String amount, long counter) {
        return new HashMap<>(Map.of("customerCode", customer, "amount", amount, "method", "CARD", "counterId", counter));
    }

    private static Map<String, Object> offline(String customer, String amount, long counter, Instant takenAt) {
        Map<String, Object> m = card(customer, amount, counter);
        m.put("offline", true);
        m.put("takenAt", takenAt.toString());
        return m;
    }

    private static String fieldsOf(Api.Response r) {
        return r.json().get("errors").toString();
    }

    @Test
    void offlinePaymentsAreBoundedInTimeAndAmount() {
        Instant now = CLOCK.instant();
        Api.Response tooOld = pay("clerk4", offline("100020", "10.00", counter4, now.minus(Duration.ofHours(49)))).expect(422);
        assertThat(fieldsOf(tooOld)).contains("takenAt").contains("48 hours");
        Api.Response future = pay("clerk4", offline("100020", "10.00", counter4, now.plus(Duration.ofMinutes(30)))).expect(422);
        assertThat(fieldsOf(future)).contains("takenAt").contains("future");
        Api.Response years = pay("clerk4", offline("100020", "10.00", counter4, now.minus(Duration.ofDays(3000)))).expect(422);
        assertThat(fieldsOf(years)).contains("takenAt");
        // a counter PC's clock a minute ahead is fine
        pay("clerk4", offline("100020", "1.00", counter4, now.plus(Duration.ofMinutes(1)))).expect(201);
        // the ceiling holds online and offline
        assertThat(fieldsOf(pay("clerk4", card("100020", "1000000.01", counter4)).expect(422))).contains("amount").contains("1000000.00");
        assertThat(fieldsOf(pay("clerk4", offline("100020", "5000000.00", counter4, now.minus(Duration.ofHours(1)))).expect(422)))
                .contains("amount");
    }

    @Test
    void moneyTakenOfflineOnAClosedDayIsKeptButFlaggedInThatDaysCashReport() {
        Instant yesterday = ZonedDateTime.ofInstant(CLOCK.instant(), TIRANA).minusDays(1).withHour(15).toInstant();
        JsonNode p = pay("clerk4", offline("100021", "25.00", counter4, yesterday)).expect(201).json();
        assertThat(p.get("lateEntry").asBoolean()).isTrue();
        assertThat(p.get("needsReview").asBoolean()).isTrue();
        String day = ZonedDateTime.ofInstant(yesterday, TIRANA).toLocalDate().toString();
        JsonNode report = api.get("/api/v1/reports/cash?counterId=" + counter4 + "&date=" + day, api.token("supervisor1")).expect(200).json();
        assertThat(report.get("lateEntryCount").asInt()).isEqualTo(1);
        assertThat(report.get("payments").get(0).get("lateEntry").asBoolean()).isTrue();
        String csv = api.get("/api/v1/reports/cash?counterId=" + counter4 + "&date=" + day + "&format=csv", api.token("supervisor1")).body();
        assertThat(csv).contains("lateEntry").contains(",false,true,false\n"); // not voided, a late entry, not voided later
        // today's offline payment is not a late entry
        JsonNode today = pay("clerk4", offline("100021", "5.00", counter4, CLOCK.instant().minus(Duration.ofMinutes(5)))).expect(201).json();
        assertThat(today.get("lateEntry").asBoolean()).isFalse();
    }

    @Test
    void aClerkPaysOnlyAtTheCounterSheHoldsOrHeldWhenTheMoneyWasTaken() {
        // clerk5 holds no counter: not at counter 4 (clerk4's) nor at the free counter 5
        assertThat(pay("clerk5", card("100022", "1.00", counter4)).expect(403).json().get("detail").asText()).contains("counter");
        pay("clerk5", card("100022", "1.00", counter5)).expect(403);
        Instant beforeShift = CLOCK.instant();
        CLOCK.advance(Duration.ofMinutes(1));
        api.act("clerk5", "/api/v1/counters/" + counter5 + "/open").expect(200);
        CLOCK.advance(Duration.ofMinutes(1));
        Instant duringShift = CLOCK.instant();
        pay("clerk5", card("100022", "1.00", counter5)).expect(201);
        CLOCK.advance(Duration.ofMinutes(1));
        api.act("clerk5", "/api/v1/counters/" + counter5 + "/close").expect(200);
        CLOCK.advance(Duration.ofMinutes(1));
        // after closing: online no longer, offline only for money taken while she held it
        pay("clerk5", card("100022", "1.00", counter5)).expect(403);
        pay("clerk5", offline("100022", "1.00", counter5, duringShift)).expect(201);
        pay("clerk5", offline("100022", "1.00", counter5, beforeShift)).expect(403);
    }

    @Test
    void parallelIdenticalRequestsGiveOneSuccessAndOnly409s() throws Exception {
        JsonNode paid = pay("clerk4", card("100023", "3.00", counter4)).expect(201).json();
        String voidPath = "/api/v1/payments/" + paid.get("id").asLong() + "/void";
        assertOneWins(201, () -> api.post("/api/v1/branches/TR01/services", api.token("admin"),
                Map.of("letter", "Q", "name", "Shërbim i ri")).status());
        assertOneWins(201, () -> api.post("/api/v1/users", api.token("admin"), Map.of("username", "twin", "displayName", "Twin",
                "role", "CLERK", "branchCode", "TR01", "password", "a-long-password-1")).status());
        assertOneWins(201, () -> api.post("/api/v1/branches/TR01/counters", api.token("admin"),
                Map.of("number", 77, "serviceIds", List.of(api.serviceId("TR01", "P")))).status());
        assertOneWins(200, () -> api.post(voidPath, api.token("supervisor1"), Map.of("reason", "twice")).status());
    }

    private static void assertOneWins(int success, Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(request));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).as("statuses %s", statuses).containsOnly(success, 409);
        assertThat(statuses.stream().filter(s -> s == success).count()).as("statuses %s", statuses).isEqualTo(1);
    }
}
