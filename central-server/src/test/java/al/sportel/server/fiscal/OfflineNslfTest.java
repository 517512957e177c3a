package al.sportel.server.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.fiscal.Iic;
import al.sportel.server.Api;
import al.sportel.server.MutableClock;
import al.sportel.server.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Counter keys (ADR 0007 section 3): a counter cut off from the server prints an NSLF with an ordinal of its
 * reserved block; on delivery the server recomputes the IIC and registers that same NSLF with NOINTERNET, and
 * refuses a forged one or an ordinal outside the block, issuing its own and flagging the slip for a reprint.
 */
class OfflineNslfTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static TestServer server;
    private static Api api;
    private static FiscalAuthorityDouble authority;
    private static long counter;
    private static TaxpayerKey counterKey;

    @BeforeAll
    static void start() {
        authority = FiscalAuthorityDouble.start(CLOCK);
        server = TestServer.start(CLOCK);
        api = server.api();
        counter = api.counterId("TR01", 1);
        api.act("clerk1", "/api/v1/counters/" + counter + "/open").expect(200);
        FiscalFlowTest.configure(api, authority);
        api.post("/api/v1/fiscal/counters/" + counter + "/tcr", api.token("supervisor1"), Map.of()).expect(201);
        api.post("/api/v1/fiscal/counters/" + counter + "/cash-deposits", api.token("clerk1"),
                Map.of("operation", "INITIAL", "amount", "0")).expect(201);
        // the workstation's copy of the taxpayer's certificate
        counterKey = TaxpayerKey.load(FiscalAuthorityDouble.resource("taxpayer.p12"), FiscalAuthorityDouble.resource("taxpayer.password"));
    }

    @AfterAll
    static void stop() {
        server.close();
        authority.close();
    }

    @Test
    void anNslfPrintedOfflineIsRegisteredUnchangedAndAForgedOneIsReplaced() {
        JsonNode block = api.post("/api/v1/fiscal/counters/" + counter + "/ordinal-blocks", api.token("clerk1"), Map.of())
                .expect(201).json();
        int first = block.get("first").asInt();
        assertThat(block.get("last").asInt() - first + 1).isEqualTo(FiscalService.BLOCK_SIZE);
        api.post("/api/v1/fiscal/counters/" + counter + "/ordinal-blocks", api.token("clerk2"), Map.of()).expect(403);

        long online = pay(Map.of());
        int onlineOrdinal = fiscal(online).get("invNum").asText().split("/")[0].transform(Integer::parseInt);
        assertThat(onlineOrdinal).as("the server's numbering skips the reserved block").isGreaterThan(block.get("last").asInt());

        Instant takenAt = CLOCK.instant().minus(Duration.ofHours(3));
        Iic printed = iic(block, first, takenAt, "12.50");
        long offline = pay(offline(takenAt, nslf(first, printed)));
        JsonNode kept = fiscal(offline);
        assertThat(kept.get("iic").asText()).as("the NSLF on the customer's slip").isEqualTo(printed.code());
        assertThat(kept.get("invNum").asText()).isEqualTo(first + "/" + block.get("year").asInt() + "/" + block.get("tcrCode").asText());
        assertThat(kept.get("status").asText()).isEqualTo("FISCALIZED");
        assertThat(kept.get("fic").asText()).hasSize(36);
        assertThat(kept.get("subseqDelivType").asText()).isEqualTo("NOINTERNET");
        assertThat(kept.get("offlineNslf").asText()).isEqualTo("ACCEPTED");
        assertThat(last().subseqDelivType()).isEqualTo("NOINTERNET");
        assertThat(last().iic()).as("the authority got the printed NSLF").isEqualTo(printed.code());
        assertThat(api.get("/api/v1/payments/" + online + "/receipt", api.token("clerk1")).expect(200).body())
                .as("a receipt's first print is the original").doesNotContain("KOPJE");
        assertThat(api.get("/api/v1/payments/" + offline + "/receipt", api.token("clerk1")).expect(200).body())
                .as("the counter printed the original while cut off: the server's first print is a copy").contains("KOPJE");

        // the same ordinal again, a forged signature, an ordinal outside the block: the server numbers them itself
        Iic forged = iic(block, first + 1, takenAt, "99.00");
        List<Map<String, Object>> bad = List.of(nslf(first, iic(block, first, takenAt.plusSeconds(1), "12.50")),
                nslf(first + 1, forged), nslf(first + 100, iic(block, first + 100, takenAt, "12.50")));
        for (Map<String, Object> n : bad) {
            JsonNode replaced = fiscal(pay(offline(takenAt.plusSeconds(1), n)));
            assertThat(replaced.get("offlineNslf").asText()).isEqualTo("REJECTED");
            assertThat(replaced.get("iic").asText()).isNotEqualTo(n.get("iic"));
            assertThat(replaced.get("status").asText()).as("still fiscalized, with the server's NSLF").isEqualTo("FISCALIZED");
        }
        JsonNode pending = api.get("/api/v1/fiscal/pending", api.token("supervisor1")).expect(200).json();
        assertThat(pending.get("receipts").findValuesAsText("offlineNslf")).as("the slips to reprint are listed")
                .containsExactly("REJECTED", "REJECTED", "REJECTED");

        // bad input is a problem, and nothing is taken
        api.raw("POST", "/api/v1/payments", api.token("clerk1"), Api.write(withNslf(Map.of("invOrdNum", 0, "iic", "XYZ"), false)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(422);
        api.raw("POST", "/api/v1/payments", api.token("clerk1"), Api.write(withNslf(nslf(first + 2, printed), false)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(422);
    }

    @Test
    void askingAgainHandsTheSameBlockAndNewBlocksAreCappedPerDay() {
        String path = "/api/v1/fiscal/counters/" + counter + "/ordinal-blocks";
        JsonNode first = api.post(path, api.token("clerk1"), Map.of()).expect(201).json();
        JsonNode again = api.post(path, api.token("clerk1"), Map.of()).expect(201).json();
        assertThat(again.get("first").asInt()).as("no ordinals burnt by asking twice").isEqualTo(first.get("first").asInt());
        assertThat(again.get("last").asInt()).isEqualTo(first.get("last").asInt());

        // five used-up blocks today (one ordinal each, far above anything issued): the sixth is refused
        List<Integer> fake = List.of(900_001, 900_002, 900_003, 900_004, 900_005);
        server.server().database().tx(h -> {
            for (int o : fake) {
                h.execute("""
                        INSERT INTO fiscal_ordinal_blocks (counter_id, tcr_code, inv_year, first_ordinal, last_ordinal, handed_at, user_id)
                        SELECT counter_id, tcr_code, inv_year, ?, ?, handed_at, user_id FROM fiscal_ordinal_blocks
                        WHERE counter_id = ? AND first_ordinal = ?
                        """, o, o, counter, first.get("first").asInt());
            }
            return null;
        });
        try {
            Api.Response capped = api.post(path, api.token("clerk1"), Map.of());
            assertThat(capped.status()).isEqualTo(429);
            assertThat(capped.contentType()).startsWith("application/problem+json");
            assertThat(capped.json().get("detail").asText()).contains("blocks of receipt numbers today");
        } finally {
            server.server().database().tx(h -> h.createUpdate("DELETE FROM fiscal_ordinal_blocks WHERE first_ordinal >= 900001")
                    .execute());
        }
        assertThat(api.post(path, api.token("clerk1"), Map.of()).expect(201).json().get("first").asInt())
                .isEqualTo(first.get("first").asInt());
    }

    @Test
    void aCounterThatUsedItsBlockOfflineSaysSoAndGetsANewOne() {
        String path = "/api/v1/fiscal/counters/" + counter + "/ordinal-blocks";
        JsonNode held = api.post(path, api.token("clerk1"), Map.of()).expect(201).json();
        int first = held.get("first").asInt();
        int last = held.get("last").asInt();
        // a few receipts printed offline, none synced yet: the server still counts the block as free
        assertThat(api.post(path, api.token("clerk1"), Map.of("nextOrdinal", first + 3)).expect(201).json().get("first").asInt())
                .as("plenty left: the same block").isEqualTo(first);
        // an ordinal outside the block says nothing about it
        assertThat(api.post(path, api.token("clerk1"), Map.of("nextOrdinal", last + 500)).expect(201).json().get("first").asInt())
                .isEqualTo(first);
        // bad input changes nothing
        api.post(path, api.token("clerk1"), Map.of("nextOrdinal", 0)).expect(422);
        api.post(path, api.token("clerk1"), Map.of("nextOrdinal", "soon")).expect(422);
        assertThat(api.post(path, api.token("clerk1"), Map.of()).expect(201).json().get("first").asInt()).isEqualTo(first);

        // five ordinals left at the counter, all of it used offline: a new block, after the old one
        JsonNode fresh = api.post(path, api.token("clerk1"), Map.of("nextOrdinal", last - 4)).expect(201).json();
        assertThat(fresh.get("first").asInt()).as("a new block").isGreaterThan(last);
        assertThat(fresh.get("last").asInt() - fresh.get("first").asInt() + 1).isEqualTo(50);
        // and that one is now the counter's: asking without nextOrdinal hands it again
        assertThat(api.post(path, api.token("clerk1"), Map.of()).expect(201).json().get("first").asInt())
                .isEqualTo(fresh.get("first").asInt());
    }

    private static Iic iic(JsonNode block, int ordinal, Instant takenAt, String total) {
        String invNum = ordinal + "/" + block.get("year").asInt() + "/" + block.get("tcrCode").asText();
        return Iic.compute(Iic.input(block.get("nuis").asText(), Iic.dateTime(takenAt),
                "ORDINAL".equals(block.get("invNumMode").asText()) ? Integer.toString(ordinal) : invNum,
                block.get("businUnitCode").asText(), block.get("tcrCode").asText(), block.get("softCode").asText(), total),
                counterKey.privateKey());
    }

    private static Map<String, Object> nslf(int ordinal, Iic iic) {
        return Map.of("invOrdNum", ordinal, "iic", iic.code(), "iicSignature", iic.signature());
    }

    private static Map<String, Object> offline(Instant takenAt, Map<String, Object> nslf) {
        Map<String, Object> extra = new HashMap<>(Map.of("offline", true, "takenAt", takenAt.toString()));
        extra.put("nslf", nslf);
        return extra;
    }

    private static Map<String, Object> withNslf(Map<String, Object> nslf, boolean offline) {
        Map<String, Object> body = new HashMap<>(Map.of("customerCode", "100001", "amount", "12.50", "method", "CASH",
                "tendered", "20.00", "counterId", counter, "nslf", nslf));
        if (offline) {
            body.put("offline", true);
        }
        return body;
    }

    private static long pay(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("customerCode", "100001", "amount", "12.50", "method", "CASH",
                "tendered", "20.00", "counterId", counter));
        body.putAll(extra);
        return api.raw("POST", "/api/v1/payments", api.token("clerk1"), Api.write(body),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201).json().get("id").asLong();
    }

    private static JsonNode fiscal(long payment) {
        return api.get("/api/v1/fiscal/payments/" + payment, api.token("clerk1")).expect(200).json();
    }

    private static FiscalAuthorityDouble.Received last() {
        List<FiscalAuthorityDouble.Received> invoices = authority.received().stream()
                .filter(r -> r.operation().equals("RegisterInvoice")).toList();
        return invoices.get(invoices.size() - 1);
    }
}
