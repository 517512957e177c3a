package al.sportel.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.server.Api;
import al.sportel.server.MutableClock;
import al.sportel.server.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A partner's daily settlement file arriving more than once, and at once (H2 and PostgreSQL). */
class SettlementUploadTest {

    private static final ZoneId TIRANE = ZoneId.of("Europe/Tirane");
    private static final int SENDS = 8;
    private static MutableClock clock;
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now());
        server = TestServer.start(clock);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static PartnerClient partner(String code) {
        return PartnerClient.register(server, code, "BANK", clock);
    }

    /** A file of {@code n} lines with references {@code prefix-1}…, each of 10.00 lek. */
    private static String file(String prefix, int n) {
        StringBuilder b = new StringBuilder(SettlementFile.HEADER).append('\n');
        for (int i = 1; i <= n; i++) {
            b.append(prefix).append('-').append(i).append(",1000").append(10 + i).append(",10.00,").append(clock.instant()).append('\n');
        }
        return b.toString();
    }

    private static List<String> references(String file) {
        return file.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
    }

    /** The lines the day's file holds in the database, in order. */
    private static List<String> storedReferences(String partnerCode, LocalDate day) {
        return server.server().database().read(h -> h.createQuery("""
                        SELECT l.partner_reference FROM channel_settlement_lines l
                        JOIN channel_settlements s ON s.id = l.settlement_id JOIN channel_partners p ON p.id = s.partner_id
                        WHERE p.code = :c AND s.business_date = :d ORDER BY l.line_number, l.id
                        """)
                .bind("c", partnerCode).bind("d", day).mapTo(String.class).list());
    }

    /** Runs the calls released at the same moment and returns their answers. */
    private static List<Api.Response> atOnce(List<Callable<Api.Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (Callable<Api.Response> c : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return c.call();
                }));
            }
            go.countDown();
            List<Api.Response> out = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * A line above the most a line may carry (a hundred times the largest payment) is refused by its line number,
     * nothing stored; lines of exactly that add up exactly.
     */
    @Test
    void aLineAboveTheLargestAmountIsRefusedByItsNumber() {
        PartnerClient bank = partner("HUGE");
        LocalDate day = LocalDate.ofInstant(clock.instant(), TIRANE);
        String path = "/api/v1/channels/settlements?date=" + day;
        Instant t = clock.instant();
        String ok = SettlementFile.HEADER + "\nH-1,100011,1000000000.00," + t + "\nH-2,100012,1000000000.00," + t
                + "\nH-3,100013,1000000000.00," + t + "\n";
        assertThat(bank.post(path, ok).expect(200).json().get("total").asText()).isEqualTo("3000000000.00");
        Api.Response refused = bank.post(path, SettlementFile.HEADER + "\nH-4,100011,10.00," + t + "\n\nH-5,100012,1000000000.01," + t
                + "\nH-6,100013,9999999999999.99," + t + "\n").expect(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").toString()).contains("line 4").contains("line 5").doesNotContain("line 2")
                .contains("most a line may carry");
        assertThat(storedReferences("HUGE", day)).as("the first file stays").containsExactly("H-1", "H-2", "H-3");
        JsonNode totals = api.get("/api/v1/reconciliation?partner=HUGE&date=" + day, api.token("admin")).expect(200).json().get("totals");
        assertThat(totals.get("fileTotal").asText()).isEqualTo("3000000000.00");
        assertThat(totals.get("difference").asText()).isEqualTo("3000000000.00");
    }

    /**
     * The partner's client times out and resends its corrected file while the first send still runs, and an admin
     * uploads it too: the day ends with the corrected file's lines once each (they used to be stored twice, the
     * totals doubled, and a further resend was "the same file" and repaired nothing).
     */
    @Test
    void aCorrectedFileSentSeveralTimesAtOnceIsStoredOnce() throws Exception {
        PartnerClient bank = partner("RACE");
        LocalDate day = LocalDate.ofInstant(clock.instant(), TIRANE);
        String path = "/api/v1/channels/settlements?date=" + day;
        bank.post(path, file("OLD", 3)).expect(200);
        String corrected = file("NEW", 5);
        long partnerId = api.get("/api/v1/partners", api.token("admin")).expect(200).json().findParents("code").stream()
                .filter(p -> p.get("code").asText().equals("RACE")).findFirst().orElseThrow().get("id").asLong();
        String admin = api.token("admin");
        List<Callable<Api.Response>> sends = new ArrayList<>();
        for (int i = 0; i < SENDS; i++) {
            sends.add(i % 4 == 3
                    ? () -> api.raw("POST", "/api/v1/partners/" + partnerId + "/settlements?date=" + day, admin, corrected, Map.of())
                    : () -> bank.post(path, corrected));
        }
        for (Api.Response r : atOnce(sends)) {
            assertThat(r.expect(200).json().get("lines").asInt()).isEqualTo(5);
        }
        assertThat(storedReferences("RACE", day)).containsExactlyElementsOf(references(corrected));
        JsonNode totals = api.get("/api/v1/reconciliation?partner=RACE&date=" + day, api.token("admin")).expect(200).json().get("totals");
        assertThat(totals.get("fileLines").asInt()).isEqualTo(5);
        assertThat(totals.get("fileTotal").asText()).isEqualTo("50.00");
    }

    /** Two different files of one day at once, on a day with a file and on a day without one: exactly one of them is kept. */
    @Test
    void twoDifferentFilesAtOnceLeaveExactlyOneOfThem() throws Exception {
        PartnerClient bank = partner("RACE2");
        LocalDate today = LocalDate.ofInstant(clock.instant(), TIRANE);
        for (LocalDate day : List.of(today, today.minusDays(1))) {
            String path = "/api/v1/channels/settlements?date=" + day;
            if (day.equals(today)) {
                bank.post(path, file("FIRST", 2)).expect(200);
            }
            String a = file("A" + day.getDayOfMonth(), 4);
            String b = file("B" + day.getDayOfMonth(), 6);
            List<Callable<Api.Response>> sends = new ArrayList<>();
            for (int i = 0; i < SENDS; i++) {
                String body = i % 2 == 0 ? a : b;
                sends.add(() -> bank.post(path, body));
            }
            atOnce(sends).forEach(r -> r.expect(200));
            List<String> stored = storedReferences("RACE2", day);
            assertThat(List.of(references(a), references(b))).as("one file's lines, once each, on " + day).contains(stored);
        }
    }
}
