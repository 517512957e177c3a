package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.slip.Slip;
import al.sportel.slip.SlipEscPos;
import al.sportel.slip.SlipLine;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A counter with a thermal printer and no driver: it asks for the receipt's slip instead of its PDF
 * and turns it into ESC/POS bytes itself. The bytes carry the same receipt, QR and all.
 */
class ReceiptSlipTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

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
    void aReceiptsSlipBecomesEscPosBytesWithItsVerificationQr() throws Exception {
        long counter = api.counterId("TR01", 1);
        Map<String, Object> body = Map.of("customerCode", "100001", "amount", "12.30", "method", "CASH", "tendered", "20.00",
                "counterId", counter);
        JsonNode p = api.raw("POST", "/api/v1/payments", api.token("clerk1"), Api.write(body),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201).json();
        String number = p.get("receiptNumber").asText();

        Slip slip = Api.JSON.readValue(api.get("/api/v1/payments/" + p.get("id").asLong() + "/receipt", api.token("clerk1"))
                .expect(200).body(), Slip.class);
        assertThat(slip.qrUrl()).isEqualTo(server.baseUrl() + "/public/receipts/" + number);
        assertThat(slip.lines()).contains(new SlipLine(SlipLine.Kind.ROW, "Kusuri", "7,70 L"));

        byte[] bytes = SlipEscPos.eightyMillimetres().render(slip);
        String text = new String(bytes, CP1252);
        assertThat(text).startsWith("\u001b@").contains("MANDAT PAGESE").contains(number).contains("Shpërndarja e Energjisë");
        byte[] url = slip.qrUrl().getBytes(StandardCharsets.US_ASCII);
        String store = "\u001d(k" + (char) ((url.length + 3) & 0xFF) + (char) ((url.length + 3) >> 8) + "1P0" + slip.qrUrl();
        assertThat(text).as("GS ( k stores the verification URL").contains(store);
        assertThat(text.lastIndexOf("\u001dV")).as("cut at the end").isGreaterThan(text.indexOf(store));

        // the English slip for a foreign customer; another branch's clerk sees neither
        Slip english = Api.JSON.readValue(api.get("/api/v1/payments/" + p.get("id").asLong() + "/receipt?lang=en",
                api.token("clerk1")).expect(200).body(), Slip.class);
        assertThat(english.lines()).extracting(SlipLine::left).contains("PAYMENT RECEIPT");
        api.get("/api/v1/payments/" + p.get("id").asLong() + "/receipt", api.token("clerk7")).expect(403);
        api.get("/api/v1/payments/999999999/receipt", api.token("clerk1")).expect(404);
    }

    @Test
    void aCaseSlipIsServedAsContentForTheThermalPrinter() throws Exception {
        Map<String, Object> complaint = Map.of("customerCode", "100001", "name", "Arta Hoxha", "phone", "+355 69 123 4567",
                "category", "METER_READING", "description", "Leximi i matësit nuk përputhet.", "branchCode", "TR01");
        JsonNode c = api.raw("POST", "/api/v1/complaints", api.token("clerk1"), Api.write(complaint),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201).json();

        Slip slip = Api.JSON.readValue(api.get("/api/v1/cases/" + c.get("id").asLong() + "/slip", api.token("clerk1"))
                .expect(200).body(), Slip.class);
        assertThat(slip.qrUrl()).endsWith("/track/" + c.get("trackingCode").asText());
        assertThat(new String(SlipEscPos.eightyMillimetres().render(slip), CP1252)).contains("ANKESË E REGJISTRUAR")
                .contains(c.get("trackingCode").asText());
        api.get("/api/v1/cases/" + c.get("id").asLong() + "/slip", api.token("clerk7")).expect(403);
    }
}
