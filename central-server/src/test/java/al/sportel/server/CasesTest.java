package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.slip.Slip;
import al.sportel.slip.SlipEscPos;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Complaints and applications: tracking codes, history, the public answer and the online form's limits. */
class CasesTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    private static final MutableClock clock = new MutableClock(Instant.now());
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(clock);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> complaint(String category) {
        return new HashMap<>(Map.of("customerCode", "100001", "name", "Arta Hoxha", "phone", "+355 69 123 4567",
                "email", "arta@example.al", "category", category, "description", "Fatura e tetorit është dyfishi i zakonshmes.",
                "branchCode", "TR01"));
    }

    private static Api.Response post(String path, String user, Object body, String key) {
        return api.raw("POST", path, api.token(user), Api.write(body), key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    private static int openCases() {
        return api.get("/api/v1/cases?branchCode=TR01", api.token("clerk1")).expect(200).json().size();
    }

    @Test
    void referenceDataHasNamesInBothLanguagesAndDeadlines() {
        JsonNode cats = api.get("/api/v1/complaint-categories", api.token("clerk1")).expect(200).json();
        assertThat(cats.size()).isGreaterThanOrEqualTo(4);
        cats.forEach(c -> {
            assertThat(c.get("name").asText()).isNotBlank();
            assertThat(c.get("nameEn").asText()).isNotBlank();
            assertThat(c.get("deadlineDays").asInt()).isPositive();
        });
        assertThat(api.get("/api/v1/application-types", api.token("clerk1")).expect(200).json().toString()).contains("NEW_CONNECTION");
    }

    @Test
    void aComplaintIsLoggedOnceAndTrackedWithoutPersonalData() {
        String key = UUID.randomUUID().toString();
        Api.Response first = post("/api/v1/complaints", "clerk1", complaint("WRONG_BILL"), key).expect(201);
        JsonNode c = first.json();
        assertThat(c.get("trackingCode").asText()).matches("ANK-\\d{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
        assertThat(c.get("status").asText()).isEqualTo("RECEIVED");
        int count = openCases();
        Api.Response replay = post("/api/v1/complaints", "clerk1", complaint("WRONG_BILL"), key).expect(201);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(replay.json()).isEqualTo(c);
        assertThat(openCases()).isEqualTo(count);
        post("/api/v1/complaints", "clerk1", complaint("OUTAGE"), key).expect(409);
        post("/api/v1/complaints", "clerk1", complaint("OUTAGE"), null).expect(400);

        JsonNode track = api.get("/api/v1/public/track/" + c.get("trackingCode").asText(), null).expect(200).json();
        assertThat(track.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(track.get("history")).hasSize(1);
        // Whole personal values only: a bare "355" or "100001" also turns up in a timestamp's microseconds.
        assertThat(track.toString()).doesNotContain("Arta").doesNotContain("+355").doesNotContain("123 4567")
                .doesNotContain("example.al").doesNotContain("\"100001\"").doesNotContain("dyfishi");
        assertThat(track.fieldNames()).toIterable().doesNotContain("customerCode", "name", "phone", "email", "description");
        api.get("/api/v1/public/track/ANK-2026-AAAAAA", null).expect(404);

        Api.Response slip = api.get("/api/v1/cases/" + c.get("id").asLong() + "/slip.pdf", api.token("clerk1")).expect(200);
        assertThat(slip.contentType()).isEqualTo("application/pdf");
        assertThat(slip.body()).startsWith("%PDF");
        api.get("/api/v1/cases/" + c.get("id").asLong() + "/slip.pdf", api.token("clerk7")).expect(403);
        api.get("/api/v1/public/track/whatever", null).expect(404);
    }

    @Test
    void statusChangesKeepHistoryAndIllegalOnesAre409() {
        JsonNode c = post("/api/v1/complaints", "clerk2", complaint("METER_READING"), UUID.randomUUID().toString()).expect(201).json();
        String path = "/api/v1/complaints/" + c.get("id").asLong();
        api.raw("PATCH", path, api.token("clerk2"), "{\"status\":\"RESOLVED\"}", Map.of()).expect(409);
        // sent with a key by a counter's outbox, twice because the first answer was lost: one change
        String review = "{\"status\":\"IN_REVIEW\",\"note\":\"Po kontrollojmë leximin\"}";
        Map<String, String> key = Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString());
        api.raw("PATCH", path, api.token("clerk2"), review, key).expect(200);
        Api.Response again = api.raw("PATCH", path, api.token("clerk2"), review, key).expect(200);
        assertThat(again.json().get("history")).hasSize(2);
        api.raw("PATCH", path, api.token("clerk2"), "{\"status\":\"APPROVED\"}", Map.of()).expect(409); // complaints are not approved
        api.raw("PATCH", path, api.token("clerk7"), "{\"status\":\"RESOLVED\"}", Map.of()).expect(403);
        JsonNode done = api.raw("PATCH", path, api.token("supervisor1"),
                        "{\"status\":\"RESOLVED\",\"note\":\"Fatura u korrigjua\",\"public\":true}", Map.of())
                .expect(200).json();
        assertThat(done.get("history")).extracting(h -> h.get("status").asText()).containsExactly("RECEIVED", "IN_REVIEW", "RESOLVED");
        api.raw("PATCH", path, api.token("supervisor1"), "{\"status\":\"IN_REVIEW\"}", Map.of()).expect(409);
        api.raw("PATCH", path, api.token("supervisor1"), "{\"status\":\"DONE\"}", Map.of()).expect(422);
        JsonNode track = api.get("/api/v1/public/track/" + c.get("trackingCode").asText(), null).json();
        assertThat(track.get("history").get(2).get("note").asText()).isEqualTo("Fatura u korrigjua");
        assertThat(track.get("history").get(1).get("note").isNull()).as("a staff note not marked public stays internal").isTrue();

        Map<String, Object> app = complaint("x");
        app.remove("category");
        app.put("type", "NEW_CONNECTION");
        JsonNode a = post("/api/v1/applications", "clerk2", app, UUID.randomUUID().toString()).expect(201).json();
        assertThat(a.get("trackingCode").asText()).startsWith("APL-");
        String apath = "/api/v1/applications/" + a.get("id").asLong();
        api.raw("PATCH", apath, api.token("clerk2"), "{\"status\":\"IN_REVIEW\"}", Map.of()).expect(200);
        api.raw("PATCH", apath, api.token("clerk2"), "{\"status\":\"APPROVED\"}", Map.of()).expect(200);
    }

    @Test
    void theListStartsWithOpenCasesAndSaysHowManyThereAreInAll() {
        Map<String, Object> durres = complaint("METER_READING");
        durres.put("branchCode", "DR01");
        List<Long> closed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = post("/api/v1/complaints", "clerk7", durres, UUID.randomUUID().toString()).expect(201).json().get("id").asLong();
            api.raw("PATCH", "/api/v1/complaints/" + id, api.token("supervisor2"), "{\"status\":\"IN_REVIEW\"}", Map.of()).expect(200);
            api.raw("PATCH", "/api/v1/complaints/" + id, api.token("supervisor2"), "{\"status\":\"RESOLVED\"}", Map.of()).expect(200);
            closed.add(id);
        }
        long fresh = post("/api/v1/complaints", "clerk7", durres, UUID.randomUUID().toString()).expect(201).json().get("id").asLong();

        Api.Response all = api.get("/api/v1/cases?branchCode=DR01&limit=2000", api.token("clerk7")).expect(200);
        List<JsonNode> cases = new ArrayList<>();
        all.json().forEach(cases::add);
        assertThat(all.headers().firstValue("X-Total-Count")).contains(Integer.toString(cases.size()));
        int open = (int) cases.stream().filter(c -> List.of("RECEIVED", "IN_REVIEW").contains(c.get("status").asText())).count();
        assertThat(cases.subList(0, open)).as("open cases come first").allMatch(c -> !c.get("status").asText().equals("RESOLVED"));
        assertThat(cases.subList(0, open)).extracting(c -> Instant.parse(c.get("dueAt").asText())).isSorted();
        // the closed ones newest first: the last resolved here comes before the first
        List<Long> closedOrder = cases.subList(open, cases.size()).stream().map(c -> c.get("id").asLong()).filter(closed::contains).toList();
        assertThat(closedOrder).containsExactly(closed.get(2), closed.get(1), closed.get(0));

        // cut to the open ones, the list still has the complaint just filed, and says it was cut
        Api.Response cut = api.get("/api/v1/cases?branchCode=DR01&limit=" + open, api.token("clerk7")).expect(200);
        assertThat(cut.json().size()).isEqualTo(open);
        assertThat(cut.json().findValuesAsText("id")).contains(Long.toString(fresh));
        assertThat(cut.headers().firstValue("X-Total-Count")).contains(Integer.toString(cases.size()));
        api.get("/api/v1/cases?branchCode=DR01&limit=0", api.token("clerk7")).expect(422);
        api.get("/api/v1/cases?branchCode=DR01&limit=lots", api.token("clerk7")).expect(422);
    }

    @Test
    void badInputIsRefusedAndNothingIsRecorded() {
        int before = openCases();
        List<Map<String, Object>> bad = List.of(complaint("NO_SUCH_CATEGORY"), withOut("name"), withOut("description"),
                with("description", "short"), with("email", "not-an-email"), with("phone", "call me"),
                with("customerCode", "999999"), with("branchCode", "XX99"), with("ticketId", "nope"), with("name", "x".repeat(300)));
        for (Map<String, Object> b : bad) {
            Api.Response r = post("/api/v1/complaints", "clerk1", b, UUID.randomUUID().toString());
            assertThat(r.status()).as("%s -> %s", b, r.body()).isEqualTo(422);
        }
        post("/api/v1/complaints", "kiosk1", complaint("OTHER"), UUID.randomUUID().toString()).expect(403);
        assertThat(openCases()).isEqualTo(before);
    }

    @Test
    void thousandsOfCodesAreUniqueAndFollowTheFormat() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = post("/api/v1/complaints", "clerk3", complaint("OTHER"), UUID.randomUUID().toString()).expect(201).json()
                    .get("trackingCode").asText();
            assertThat(code).matches("ANK-\\d{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
            codes.add(code);
        }
        assertThat(codes).hasSize(1000);
    }

    @Test
    void aCaseOpenPastItsDeadlineIsOverdue() {
        JsonNode c = post("/api/v1/complaints", "clerk4", complaint("OUTAGE"), UUID.randomUUID().toString()).expect(201).json();
        assertThat(c.get("overdue").asBoolean()).isFalse();
        clock.advance(Duration.ofDays(6)); // outages get 5 days
        api.forgetTokens();
        JsonNode track = api.get("/api/v1/public/track/" + c.get("trackingCode").asText(), null).json();
        assertThat(track.get("overdue").asBoolean()).isTrue();
        JsonNode overdue = api.get("/api/v1/cases?branchCode=TR01&overdue=true", api.token("clerk4")).expect(200).json();
        assertThat(overdue.findValuesAsText("trackingCode")).contains(c.get("trackingCode").asText());
        api.get("/api/v1/cases?branchCode=TR01", api.token("clerk7")).expect(403);
    }

    @Test
    void onlineFilingValidatesAndIsRateLimitedPerAddress() {
        api.post("/api/v1/public/complaints", null, Map.of("category", "WRONG_BILL", "name", "Besa",
                "description", "Fatura nuk përputhet me leximin.")).expect(422); // no phone or e-mail
        Api.Response ok = api.post("/api/v1/public/complaints", null, Map.of("category", "WRONG_BILL", "name", "Besa",
                "email", "besa@example.al", "description", "Fatura nuk përputhet me leximin.")).expect(201);
        assertThat(ok.json().get("trackingCode").asText()).startsWith("ANK-");
        assertThat(ok.body()).doesNotContain("Besa").doesNotContain("besa@");
        int accepted = 1;
        Api.Response r;
        do {
            r = api.post("/api/v1/public/complaints", null, Map.of("category", "OTHER", "name", "Besa", "phone", "0691234567",
                    "description", "Një tjetër ankesë për testim."));
            accepted += r.status() == 201 ? 1 : 0;
        } while (r.status() == 201 && accepted < 20);
        assertThat(r.status()).isEqualTo(429);
        assertThat(accepted).isEqualTo(5);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
    }

    private static Map<String, Object> withOut(String field) {
        Map<String, Object> m = complaint("OTHER");
        m.remove(field);
        return m;
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> m = complaint("OTHER");
        m.put(field, value);
        return m;
    }

    /** The case slip as content for a thermal printer, like the receipt's. */
    @Test
    void aCaseSlipIsServedAsContentForTheThermalPrinter() throws Exception {
        JsonNode c = api.raw("POST", "/api/v1/complaints", api.token("clerk1"), Api.write(complaint("METER_READING")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201).json();

        Slip slip = Api.JSON.readValue(api.get("/api/v1/cases/" + c.get("id").asLong() + "/slip", api.token("clerk1"))
                .expect(200).body(), Slip.class);
        assertThat(slip.qrUrl()).endsWith("/track/" + c.get("trackingCode").asText());
        assertThat(new String(SlipEscPos.eightyMillimetres().render(slip), CP1252)).contains("ANKESË E REGJISTRUAR")
                .contains(c.get("trackingCode").asText());
        api.get("/api/v1/cases/" + c.get("id").asLong() + "/slip", api.token("clerk7")).expect(403);
    }
}
