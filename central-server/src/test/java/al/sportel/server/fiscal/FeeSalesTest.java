package al.sportel.server.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.BusinessTime;
import al.sportel.model.Money;
import al.sportel.server.Api;
import al.sportel.server.MutableClock;
import al.sportel.server.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Fees sold at the counter: a configurable catalogue, the sale linked to an application, fiscalized as its own
 * invoice with the fee's VAT rate, and a receipt with NSLF, NIVF and the authority's QR code.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeeSalesTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static TestServer server;
    private static Api api;
    private static FiscalAuthorityDouble authority;
    private static long counter;

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
    }

    @AfterAll
    static void stop() {
        server.close();
        authority.close();
    }

    @Test
    @Order(1)
    void theAdministratorSetsTheTariffAndItsVatRate() {
        JsonNode fees = api.get("/api/v1/fees", api.token("clerk1")).expect(200).json();
        assertThat(fees.findValuesAsText("code")).contains("CONNECTION", "RECONNECTION", "METER_TEST");

        Map<String, Object> reconnection = Map.of("name", "Tarifë rilidhjeje", "nameEn", "Reconnection fee", "price", "1800.00",
                "vatRatePercent", 6, "active", true);
        api.put("/api/v1/fees/RECONNECTION", api.token("clerk1"), reconnection).expect(403);
        JsonNode saved = api.put("/api/v1/fees/RECONNECTION", api.token("admin"), reconnection).expect(200).json();
        assertThat(saved.get("price").asText()).isEqualTo("1800.00");
        assertThat(saved.get("vatRatePercent").asText()).isEqualTo("6.00");

        Map<String, Object> bad = new HashMap<>(reconnection);
        bad.put("vatRatePercent", 120);
        bad.put("price", "-5");
        JsonNode problem = api.put("/api/v1/fees/RECONNECTION", api.token("admin"), bad).expect(422).json();
        assertThat(problem.get("errors").toString()).contains("vatRatePercent", "price");
        api.put("/api/v1/fees/bad-code", api.token("admin"), reconnection).expect(422);

        Map<String, Object> retired = new HashMap<>(reconnection);
        retired.put("active", false);
        api.put("/api/v1/fees/OLD_FEE", api.token("admin"), retired).expect(200);
        assertThat(api.get("/api/v1/fees", api.token("clerk1")).expect(200).json().findValuesAsText("code"))
                .as("a retired fee is not offered").doesNotContain("OLD_FEE");
        assertThat(api.get("/api/v1/fees?all=true", api.token("admin")).expect(200).json().findValuesAsText("code")).contains("OLD_FEE");
    }

    @Test
    @Order(2)
    void aFeePaidWithAnApplicationIsFiscalizedWithItsOwnVatAndPrintedWithNslfNivfAndQr() throws Exception {
        Map<String, Object> application = new HashMap<>(Map.of("customerCode", "100001", "name", "Arta Hoxha",
                "phone", "+355 69 123 4567", "type", "RECONNECTION", "branchCode", "TR01",
                "description", "Rilidhje pas shkëputjes për mospagesë."));
        String tracking = api.raw("POST", "/api/v1/applications", api.token("clerk1"), Api.write(application),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201).json().get("trackingCode").asText();
        int invoicesBefore = invoices().size();

        String key = UUID.randomUUID().toString();
        String body = Api.write(Map.of("feeCode", "RECONNECTION", "method", "CASH", "tendered", "2000", "counterId", counter,
                "caseTrackingCode", tracking));
        JsonNode sale = api.raw("POST", "/api/v1/fee-sales", api.token("clerk1"), body, Map.of("Idempotency-Key", key))
                .expect(201).json();
        assertThat(sale.get("amount").asText()).isEqualTo("1800.00");
        assertThat(sale.get("change").asText()).isEqualTo("200.00");
        assertThat(sale.get("caseTrackingCode").asText()).isEqualTo(tracking);
        assertThat(sale.get("fiscalized").asBoolean()).isTrue();
        assertThat(sale.get("receiptNumber").asText()).matches("TR01-T-\\d{4}-\\d{6}");
        long id = sale.get("id").asLong();
        assertThat(api.raw("POST", "/api/v1/fee-sales", api.token("clerk1"), body, Map.of("Idempotency-Key", key)).expect(201)
                .json().get("id").asLong()).as("a retry is the same sale").isEqualTo(id);
        assertThat(invoices()).as("one invoice sent for the sale").hasSize(invoicesBefore + 1);

        JsonNode fiscal = api.get("/api/v1/fiscal/fee-sales/" + id, api.token("clerk1")).expect(200).json();
        assertThat(fiscal.get("status").asText()).isEqualTo("FISCALIZED");
        assertThat(fiscal.get("fic").asText()).hasSize(36);
        assertThat(fiscal.get("feeSaleId").asLong()).isEqualTo(id);
        assertThat(fiscal.get("paymentId").isNull()).isTrue();
        assertThat(invoices().get(invoices().size() - 1).iic()).isEqualTo(fiscal.get("iic").asText());

        try (PDDocument doc = Loader.loadPDF(pdf(id))) {
            String text = new PDFTextStripper().getText(doc);
            // 1800.00 with 6 % VAT inside: 1698.11 without, 101.89 VAT
            assertThat(text).contains("L91806031N", fiscal.get("invNum").asText(), "Tarifë rilidhjeje", tracking, "NSLF",
                    fiscal.get("iic").asText(), "NIVF", fiscal.get("fic").asText(), "TVSH 6%", "101,89", "1 698,11")
                    .doesNotContain("KOPJE");
            // a QR code this dense wants a sharper picture than the payment's: 300 dpi, as a phone's camera sees it
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 300);
            String url = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            assertThat(url).isEqualTo(fiscal.get("verifyUrl").asText()).contains("prc=1800.00");
        }
        try (PDDocument copy = Loader.loadPDF(pdf(id))) {
            assertThat(new PDFTextStripper().getText(copy)).contains("KOPJE");
        }
    }

    @Test
    @Order(3)
    void badSalesAreRefusedAndNothingIsSold() {
        String clerk = api.token("clerk1");
        int before = invoices().size();
        List<Map<String, Object>> bad = List.of(
                Map.of("feeCode", "NO_SUCH", "method", "CARD", "counterId", counter),
                Map.of("feeCode", "OLD_FEE", "method", "CARD", "counterId", counter),
                Map.of("feeCode", "METER_TEST", "method", "CASH", "tendered", "10", "counterId", counter),
                Map.of("feeCode", "METER_TEST", "method", "CASH", "counterId", counter),
                Map.of("feeCode", "METER_TEST", "method", "CHEQUE", "counterId", counter),
                Map.of("feeCode", "METER_TEST", "method", "CARD", "counterId", counter, "caseTrackingCode", "APL-NOPE"),
                Map.of("feeCode", "METER_TEST", "method", "CARD", "counterId", 999999));
        for (Map<String, Object> b : bad) {
            api.raw("POST", "/api/v1/fee-sales", clerk, Api.write(b), Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(422);
        }
        api.raw("POST", "/api/v1/fee-sales", clerk, "{nope", Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(400);
        api.raw("POST", "/api/v1/fee-sales", clerk, Api.write(Map.of("feeCode", "METER_TEST", "method", "CARD", "counterId", counter)),
                Map.of()).expect(400);
        // a clerk sells only at the counter she holds, as for bill payments
        api.raw("POST", "/api/v1/fee-sales", api.token("clerk2"), Api.write(Map.of("feeCode", "METER_TEST", "method", "CARD",
                "counterId", counter)), Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(403);
        api.get("/api/v1/fee-sales/999999", clerk).expect(404);
        assertThat(invoices()).as("nothing fiscalized for refused sales").hasSize(before);
    }

    @Test
    @Order(4)
    void theCounterSalesOfTheDayAreListedNewestFirstForItsBranchOnly() {
        String clerk = api.token("clerk1");
        CLOCK.advance(Duration.ofSeconds(1));
        JsonNode second = api.raw("POST", "/api/v1/fee-sales", clerk, Api.write(Map.of("feeCode", "METER_TEST", "method", "CARD",
                "counterId", counter)), Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201).json();
        JsonNode day = api.get("/api/v1/fee-sales?counterId=" + counter, clerk).expect(200).json();
        assertThat(day.findValuesAsText("feeCode")).as("today's two sales, newest first").containsExactly("METER_TEST", "RECONNECTION");
        assertThat(day.findValuesAsText("amount")).containsExactly(second.get("amount").asText(), "1800.00");
        assertThat(day.get(0)).as("the same shape as one sale").isEqualTo(second);
        assertThat(day.get(1)).isEqualTo(api.get("/api/v1/fee-sales/" + day.get(1).get("id").asLong(), clerk).expect(200).json());
        assertThat(day.get(0).get("receiptNumber").asText()).isNotEqualTo(day.get(1).get("receiptNumber").asText());

        LocalDate today = BusinessTime.today(CLOCK);
        assertThat(api.get("/api/v1/fee-sales?counterId=" + counter + "&date=" + today, api.token("admin")).expect(200).json())
                .isEqualTo(day);
        assertThat(api.get("/api/v1/fee-sales?counterId=" + counter + "&date=" + today.minusDays(1), clerk).expect(200).json())
                .as("another day").isEmpty();
        assertThat(api.get("/api/v1/fee-sales?counterId=" + counter, api.token("supervisor1")).expect(200).json()).hasSize(2);

        // the shift's cash report counts them: the reconnection's cash is in the drawer, the meter test was by card
        JsonNode shift = api.get("/api/v1/reports/cash?counterId=" + counter, clerk).expect(200).json();
        assertThat(shift.get("fees").get(0).get("method").asText()).isEqualTo("CASH");
        assertThat(shift.get("fees").get(0).get("count").asInt()).isEqualTo(1);
        assertThat(shift.get("fees").get(0).get("amount").asText()).isEqualTo("1800.00");
        assertThat(shift.get("fees").get(1).get("amount").asText()).isEqualTo(second.get("amount").asText());
        long billCash = Money.parse(shift.get("totals").get(0).get("amount").asText());
        assertThat(Money.parse(shift.get("cashTaken").asText())).as("bill payments' cash and the fee's").isEqualTo(billCash + 180_000);

        // another branch's staff see nothing of it (API.md: another branch is 403)
        api.get("/api/v1/fee-sales?counterId=" + counter, api.token("clerk7")).expect(403);
        api.get("/api/v1/fee-sales?counterId=" + counter, api.token("supervisor2")).expect(403);
        api.get("/api/v1/fee-sales?counterId=" + counter, api.token("kiosk1")).expect(403);
        JsonNode badDate = api.get("/api/v1/fee-sales?counterId=" + counter + "&date=2026-13-45", clerk).expect(422).json();
        assertThat(badDate.get("errors").toString()).contains("date");
        api.get("/api/v1/fee-sales", clerk).expect(422);
        api.get("/api/v1/fee-sales?counterId=abc", clerk).expect(422);
        api.get("/api/v1/fee-sales?counterId=999999", clerk).expect(404);
    }

    @Test
    @Order(5)
    void aFeeSoldAtACounterThatIsNotYetATcrIsRecordedAndIssuedLateOnceItIs() {
        long counter2 = api.counterId("TR01", 2);
        api.act("clerk2", "/api/v1/counters/" + counter2 + "/open").expect(200);
        long clerk2 = api.get("/api/v1/me", api.token("clerk2")).expect(200).json().get("id").asLong();
        api.put("/api/v1/fiscal/operators/" + clerk2, api.token("admin"), Map.of("operatorCode", "oo456oo456")).expect(200);
        JsonNode sale = api.raw("POST", "/api/v1/fee-sales", api.token("clerk2"), Api.write(Map.of("feeCode", "METER_TEST",
                "method", "CARD", "counterId", counter2)), Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201).json();
        long id = sale.get("id").asLong();
        assertThat(sale.get("fiscalized").asBoolean()).as("sold all the same, not fiscalized").isFalse();
        JsonNode recorded = api.get("/api/v1/fiscal/fee-sales/" + id, api.token("clerk2")).expect(200).json();
        assertThat(recorded.get("status").asText()).isEqualTo("UNFISCALIZED");
        assertThat(recorded.get("lastError").asText()).contains("counter " + counter2 + " is not registered as a TCR");
        assertThat(api.get("/api/v1/fiscal/pending", api.token("supervisor1")).expect(200).json().get("receipts")
                .findValuesAsText("feeSaleId")).contains(Long.toString(id));
        assertThat(recorded.get("iic").isNull()).as("nothing to send before it is issued").isTrue();

        api.post("/api/v1/fiscal/counters/" + counter2 + "/tcr", api.token("supervisor1"), Map.of()).expect(201);
        api.post("/api/v1/fiscal/deliver", api.token("supervisor1"), Map.of()).expect(200);
        JsonNode done = api.get("/api/v1/fiscal/fee-sales/" + id, api.token("clerk2")).expect(200).json();
        assertThat(done.get("status").asText()).isEqualTo("FISCALIZED");
        assertThat(done.get("issueDateTime").asText()).isEqualTo(FiscalFormats.dateTime(Instant.parse(sale.get("createdAt").asText())));
        // (the same round may also send an earlier receipt whose first answer was slow: look for this one by its NSLF)
        List<FiscalAuthorityDouble.Received> late = invoices().stream().filter(r -> r.iic().equals(done.get("iic").asText())).toList();
        assertThat(late).as("sent once").hasSize(1);
        assertThat(late.get(0).subseqDelivType()).isEqualTo("TECHNICALERROR");
        assertThat(late.get(0).issueDateTime()).isEqualTo(done.get("issueDateTime").asText());
        assertThat(api.get("/api/v1/fee-sales/" + id, api.token("clerk2")).expect(200).json().get("fiscalized").asBoolean()).isTrue();
    }

    private static byte[] pdf(long sale) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/v1/fee-sales/" + sale + "/receipt.pdf"))
                .header("Authorization", "Bearer " + api.token("clerk1")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static List<FiscalAuthorityDouble.Received> invoices() {
        return authority.received().stream().filter(r -> r.operation().equals("RegisterInvoice")).toList();
    }
}
