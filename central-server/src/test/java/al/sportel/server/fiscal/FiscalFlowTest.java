package al.sportel.server.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.Formats;
import al.sportel.server.Api;
import al.sportel.server.MutableClock;
import al.sportel.server.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
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
 * The whole chain against the authority's double over real HTTP: settings, RegisterTCR, the day's
 * INITIAL deposit, a paid bill fiscalized with its NIVF, receipts taken while the authority is down
 * delivered later with NOINTERNET, the 36-hour alert, and a payment taken before its counter was a TCR: recorded,
 * listed and issued late once the set-up is complete.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FiscalFlowTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.now().minus(Duration.ofHours(40)).truncatedTo(ChronoUnit.SECONDS));
    private static final String OPS_TOKEN = "ops-" + UUID.randomUUID();
    private static TestServer server;
    private static Api api;
    private static FiscalAuthorityDouble authority;
    private static long counter;
    private static String tcr;
    /** A payment taken at a counter that is not yet a TCR (test 7), issued late in test 12. */
    private static long unfiscalized;
    private static Instant unfiscalizedAt;
    private static long voidedUnfiscalized;

    @BeforeAll
    static void start() {
        authority = FiscalAuthorityDouble.start(CLOCK);
        server = TestServer.start(CLOCK, c -> c.withOps(c.ops().withOpsToken(OPS_TOKEN)));
        api = server.api();
        counter = api.counterId("TR01", 1);
        // a clerk takes money only at the counter she holds (issue 14)
        api.act("clerk1", "/api/v1/counters/" + counter + "/open").expect(200);
        api.act("clerk2", "/api/v1/counters/" + api.counterId("TR01", 2) + "/open").expect(200);
        configure(api, authority);
    }

    @AfterAll
    static void stop() {
        server.close();
        authority.close();
    }

    /** What an administrator does once: the taxpayer, the centre's business unit, the clerk's operator code. */
    static void configure(Api api, FiscalAuthorityDouble authority) {
        String admin = api.token("admin");
        api.put("/api/v1/fiscal/settings", admin, settings(authority.endpoint().toString())).expect(200);
        api.put("/api/v1/fiscal/branches/TR01/business-unit", admin, Map.of("businUnitCode", "bb123bb123")).expect(200);
        long clerk = api.get("/api/v1/me", api.token("clerk1")).expect(200).json().get("id").asLong();
        api.put("/api/v1/fiscal/operators/" + clerk, admin, Map.of("operatorCode", "oo123oo123")).expect(200);
    }

    static Map<String, Object> settings(String endpoint) {
        Map<String, Object> s = new HashMap<>();
        s.put("enabled", true);
        s.put("nuis", "L91806031N");
        s.put("legalName", "OSHEE sh.a.");
        s.put("address", "Bulevardi Gjergj Fishta");
        s.put("town", "Tiranë");
        s.put("softCode", "ss123ss123");
        s.put("maintainerCode", "mm123mm123");
        s.put("environment", "TEST");
        s.put("endpointUrl", endpoint);
        s.put("keystorePath", FiscalAuthorityDouble.resource("taxpayer.p12").toString());
        s.put("keystorePasswordFile", FiscalAuthorityDouble.resource("taxpayer.password").toString());
        s.put("vatRatePercent", 20);
        // generous: one slow answer on a busy machine would leave a payment PENDING and start the minute's respite
        s.put("timeoutMillis", 8000);
        return s;
    }

    @Test
    @Order(1)
    void aBadNuisIsRefusedWithTheField() {
        Map<String, Object> bad = settings("http://127.0.0.1:1/x");
        bad.put("nuis", "L9180603");
        JsonNode problem = api.put("/api/v1/fiscal/settings", api.token("admin"), bad).expect(422).json();
        assertThat(problem.get("errors").toString()).contains("nuis");
        assertThat(api.get("/api/v1/fiscal/settings", api.token("admin")).expect(200).json().get("nuis").asText()).isEqualTo("L91806031N");

        // a wait longer than the counter waits for a payment's answer (it was a 500: an unboxed null)
        Map<String, Object> slow = settings("http://127.0.0.1:1/x");
        slow.put("timeoutMillis", 20_000);
        assertThat(api.put("/api/v1/fiscal/settings", api.token("admin"), slow).expect(422).json().get("errors").toString())
                .contains("timeoutMillis", "10000");
    }

    @Test
    @Order(2)
    void theCounterBecomesATcrAndRegistersTheDaysInitialCash() {
        JsonNode registered = api.post("/api/v1/fiscal/counters/" + counter + "/tcr", api.token("supervisor1"), Map.of()).expect(201).json();
        tcr = registered.get("tcrCode").asText();
        assertThat(FiscalFormats.isCode(tcr)).isTrue();
        assertThat(api.post("/api/v1/fiscal/counters/" + counter + "/tcr", api.token("supervisor1"), Map.of()).expect(201).json()
                .get("tcrCode").asText()).as("registered once, code kept").isEqualTo(tcr);

        String clerk = api.token("clerk1");
        JsonNode today = api.get("/api/v1/fiscal/counters/" + counter + "/cash-deposits/today", clerk).expect(200).json();
        assertThat(today.get("required").asBoolean()).as("a TCR with fiscalization on: the desktop must ask").isTrue();
        assertThat(today.get("initialRegistered").asBoolean()).isFalse();
        JsonNode initial = api.post("/api/v1/fiscal/counters/" + counter + "/cash-deposits", clerk,
                Map.of("operation", "INITIAL", "amount", "0.00")).expect(201).json();
        assertThat(initial.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(initial.get("fcdc").asText()).hasSize(36);
        api.post("/api/v1/fiscal/counters/" + counter + "/cash-deposits", clerk, Map.of("operation", "INITIAL", "amount", "10.00"))
                .expect(409);
        assertThat(api.get("/api/v1/fiscal/counters/" + counter + "/cash-deposits/today", clerk).expect(200).json()
                .get("initialRegistered").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/fiscal/counters/" + counter + "/cash-deposits", clerk,
                Map.of("operation", "DEPOSIT", "amount", "5000.00")).expect(201).json().get("status").asText()).isEqualTo("REGISTERED");
        api.post("/api/v1/fiscal/counters/" + counter + "/cash-deposits", clerk, Map.of("operation", "WITHDRAW", "amount", "0"))
                .expect(422);
        // a colleague of the same centre puts nothing into this drawer, nor takes anything out of it
        api.post("/api/v1/fiscal/counters/" + counter + "/cash-deposits", api.token("clerk2"),
                Map.of("operation", "WITHDRAW", "amount", "50000.00")).expect(403);

        // sent again with its key after the answer was lost: the same withdrawal, not a second one
        String path = "/api/v1/fiscal/counters/" + counter + "/cash-deposits";
        String body = Api.write(Map.of("operation", "WITHDRAW", "amount", "2000.00"));
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        JsonNode first = api.raw("POST", path, clerk, body, key).expect(201).json();
        Api.Response again = api.raw("POST", path, clerk, body, key).expect(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.json().get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(again.json().get("status").asText()).isEqualTo("REGISTERED");
        api.raw("POST", path, clerk, Api.write(Map.of("operation", "WITHDRAW", "amount", "3000.00")), key).expect(409);
        JsonNode another = api.raw("POST", path, clerk, body, Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201).json();
        assertThat(another.get("id").asLong()).as("a new key is a new withdrawal").isNotEqualTo(first.get("id").asLong());
    }

    @Test
    @Order(3)
    void aPaidBillIsFiscalizedAndTheDoubleVerifiedItsSignatureAndIic() {
        long payment = pay(false, null);
        JsonNode fiscal = api.get("/api/v1/fiscal/payments/" + payment, api.token("clerk1")).expect(200).json();

        assertThat(fiscal.get("status").asText()).isEqualTo("FISCALIZED");
        assertThat(fiscal.get("invNum").asText()).matches("\\d+/\\d{4}/" + tcr);
        assertThat(fiscal.get("fic").asText()).hasSize(36);
        List<FiscalAuthorityDouble.Received> invoices = invoices();
        FiscalAuthorityDouble.Received last = invoices.get(invoices.size() - 1);
        assertThat(last.iic()).isEqualTo(fiscal.get("iic").asText());
        assertThat(last.answer()).isEqualTo(fiscal.get("fic").asText());
        assertThat(last.subseqDelivType()).isNull();
        assertThat(fiscal.get("verifyUrl").asText())
                .startsWith("https://efiskalizimi-app-test.tatime.gov.al/invoice-check/#/verify?iic=" + last.iic() + "&tin=L91806031N&crtd=")
                // Tirana is at +01:00 in winter and +02:00 in summer: the offset of the payment's own moment
                .contains(FiscalFormats.ZONE.getRules().getOffset(CLOCK.instant()).getId().replace("+", "%2B") + "&ord=",
                        "&bu=bb123bb123&cr=" + tcr + "&sw=ss123ss123&prc=12.50");
    }

    @Test
    @Order(4)
    void whileTheAuthorityIsDownMoneyIsTakenAndTheReceiptGoesOutLaterWithNoInternet() {
        authority.down();
        long payment;
        try {
            payment = pay(false, null);
            JsonNode waiting = api.get("/api/v1/fiscal/payments/" + payment, api.token("clerk1")).expect(200).json();
            assertThat(waiting.get("status").asText()).isEqualTo("PENDING");
            assertThat(waiting.get("subseqDelivType").asText()).isEqualTo("NOINTERNET");
            assertThat(waiting.get("iic").asText()).as("the NSLF is printed at once").hasSize(32);
            assertThat(waiting.get("fic").isNull()).isTrue();
            JsonNode deposit = api.post("/api/v1/fiscal/counters/" + counter + "/cash-deposits", api.token("clerk1"),
                    Map.of("operation", "WITHDRAW", "amount", "1000.00")).expect(201).json();
            assertThat(deposit.get("status").asText()).isEqualTo("PENDING");
            assertThat(deposit.get("subseqDelivType").asText()).isEqualTo("NOINTERNET");

            CLOCK.advance(Duration.ofHours(37));
            api.forgetTokens();
            JsonNode round = api.post("/api/v1/fiscal/deliver", api.token("supervisor1"), Map.of()).expect(200).json();
            assertThat(round.get("alerts").asInt()).isEqualTo(1);
            JsonNode pending = api.get("/api/v1/fiscal/pending", api.token("supervisor1")).expect(200).json();
            assertThat(pending.get("alerts").asInt()).isEqualTo(1);
            assertThat(pending.get("receipts").get(0).get("alert").asBoolean()).isTrue();
            assertThat(pending.get("receipts").get(0).get("minutesLeft").asLong()).isBetween(10 * 60L, 11 * 60L);
            // and monitoring sees it too
            String metrics = api.raw("GET", "/metrics", null, "", Map.of("Authorization", "Bearer " + OPS_TOKEN)).expect(200).body();
            assertThat(metrics).contains("sportel_fiscal_receipts_unfiscalized{branch=\"TR01\",state=\"alert\"} 1.0");
            assertThat(metrics).containsPattern("sportel_fiscal_deadline_left_seconds\\{branch=\"TR01\"} 3\\d{4}\\.0");
        } finally {
            authority.up();
        }
        JsonNode round = api.post("/api/v1/fiscal/deliver", api.token("supervisor1"), Map.of()).expect(200).json();
        assertThat(round.get("delivered").asInt()).isEqualTo(1);
        JsonNode done = api.get("/api/v1/fiscal/payments/" + payment, api.token("clerk1")).expect(200).json();
        assertThat(done.get("status").asText()).isEqualTo("FISCALIZED");
        assertThat(done.get("fic").asText()).hasSize(36);
        FiscalAuthorityDouble.Received late = invoices().get(invoices().size() - 1);
        assertThat(late.subseqDelivType()).isEqualTo("NOINTERNET");
        assertThat(authority.received()).filteredOn(r -> r.operation().equals("RegisterCashDeposit"))
                // initial, deposit, the keyed withdrawal once (its resend was not reported again), another one, the late one
                .extracting(FiscalAuthorityDouble.Received::subseqDelivType).containsExactly(null, null, null, null, "NOINTERNET");
        assertThat(late.issueDateTime()).isEqualTo(done.get("issueDateTime").asText()).isNotEqualTo(late.sendDateTime());
        assertThat(api.get("/api/v1/fiscal/pending", api.token("supervisor1")).expect(200).json().get("receipts")).isEmpty();
    }

    @Test
    @Order(5)
    void aPaymentTakenOfflineAtTheCounterIsFiscalizedWithItsOwnTimeAndNoInternet() throws Exception {
        Instant takenAt = CLOCK.instant().minus(Duration.ofHours(1));
        long payment = pay(true, takenAt);
        JsonNode fiscal = api.get("/api/v1/fiscal/payments/" + payment, api.token("clerk1")).expect(200).json();
        assertThat(fiscal.get("status").asText()).isEqualTo("FISCALIZED");
        assertThat(fiscal.get("issueDateTime").asText()).isEqualTo(FiscalFormats.dateTime(takenAt));
        assertThat(invoices().get(invoices().size() - 1).subseqDelivType()).isEqualTo("NOINTERNET");
        try (PDDocument doc = Loader.loadPDF(receiptPdf(payment))) {
            assertThat(new PDFTextStripper().getText(doc)).as("the receipt's date is the sale's, as in its NSLF")
                    .contains(Formats.dateTime(takenAt))
                    .doesNotContain(Formats.dateTime(CLOCK.instant()));
        }
    }

    @Test
    @Order(6)
    void theReceiptCarriesTheLawsLinesAndAQrToTheAuthoritysCheckWithAllEightParameters() throws Exception {
        long payment = pay(false, null);
        JsonNode fiscal = api.get("/api/v1/fiscal/payments/" + payment, api.token("clerk1")).expect(200).json();
        byte[] pdf = receiptPdf(payment);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("OSHEE sh.a.", "L91806031N", "Bulevardi Gjergj Fishta", "bb123bb123", tcr, "oo123oo123",
                    fiscal.get("invNum").asText(), "NSLF", fiscal.get("iic").asText(), "NIVF", fiscal.get("fic").asText(),
                    "TVSH 20%", "2,08", "Kesh").doesNotContain("KOPJE");
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 203);
            String url = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                    .getText();
            assertThat(url).isEqualTo(fiscal.get("verifyUrl").asText());
            String query = url.substring(url.indexOf('?') + 1);
            assertThat(query.split("&")).extracting(p -> p.substring(0, p.indexOf('=')))
                    .containsExactly("iic", "tin", "crtd", "ord", "bu", "cr", "sw", "prc");
            assertThat(query).contains("crtd=" + fiscal.get("issueDateTime").asText().replace("+", "%2B"), "prc=12.50");
        }
        try (PDDocument copy = Loader.loadPDF(receiptPdf(payment))) {
            assertThat(new PDFTextStripper().getText(copy)).contains("KOPJE");
        }
    }

    @Test
    @Order(7)
    void moneyIsNeverRefused_aCounterWithoutTcrOrARefusingAuthorityStillTakesThePayment() {
        long counter2 = api.counterId("TR01", 2);
        int sent = invoices().size();
        JsonNode paid = api.raw("POST", "/api/v1/payments", api.token("clerk2"), write(Map.of("customerCode", "100001",
                "amount", "3.00", "method", "CARD", "counterId", counter2)), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .expect(201).json();
        unfiscalized = paid.get("id").asLong();
        unfiscalizedAt = Instant.parse(paid.get("takenAt").asText());
        // taken, and not silently lost to the authority: recorded with the reason, on the pending list and the metrics
        JsonNode recorded = api.get("/api/v1/fiscal/payments/" + unfiscalized, api.token("clerk1")).expect(200).json();
        assertThat(recorded.get("status").asText()).isEqualTo("UNFISCALIZED");
        assertThat(recorded.get("unfiscalizedReason").asText()).contains("counter " + counter2 + " is not registered as a TCR");
        assertThat(recorded.get("lastError").asText()).isEqualTo(recorded.get("unfiscalizedReason").asText());
        assertThat(recorded.get("iic").isNull()).as("no NSLF until it is issued").isTrue();
        assertThat(recorded.get("verifyUrl").isNull()).isTrue();
        assertThat(recorded.get("subseqDelivType").asText()).as("late for a reason on our side").isEqualTo("TECHNICALERROR");
        assertThat(recorded.get("issueDateTime").asText()).isEqualTo(FiscalFormats.dateTime(unfiscalizedAt));
        assertThat(Instant.parse(recorded.get("deadline").asText())).as("48 hours from the sale")
                .isEqualTo(unfiscalizedAt.truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(48)));
        JsonNode listed = pendingFor(unfiscalized);
        assertThat(listed.get("status").asText()).isEqualTo("UNFISCALIZED");
        assertThat(listed.get("lastError").asText()).contains("not registered as a TCR");
        // a second one is voided before anything could be issued: its corrective waits for it
        voidedUnfiscalized = api.raw("POST", "/api/v1/payments", api.token("clerk2"), write(Map.of("customerCode", "100001",
                "amount", "4.00", "method", "CARD", "counterId", counter2)), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .expect(201).json().get("id").asLong();
        api.post("/api/v1/payments/" + voidedUnfiscalized + "/void", api.token("supervisor1"), Map.of("reason", "Gabim")).expect(200);
        JsonNode corrective = api.get("/api/v1/fiscal/payments/" + voidedUnfiscalized + "/corrective", api.token("clerk1")).expect(200).json();
        assertThat(corrective.get("status").asText()).isEqualTo("UNFISCALIZED");
        assertThat(corrective.get("lastError").asText()).isEqualTo("the voided sale is not fiscalized yet");
        String metrics = api.raw("GET", "/metrics", null, "", Map.of("Authorization", "Bearer " + OPS_TOKEN)).expect(200).body();
        assertThat(metrics).contains("sportel_fiscal_receipts_unfiscalized{branch=\"TR01\",state=\"unfiscalized\"} 3.0");
        assertThat(invoices()).as("nothing sent for them").hasSize(sent);

        authority.fault(41);
        long refused;
        try {
            refused = pay(false, null);
        } finally {
            authority.fault(null);
        }
        JsonNode r = api.get("/api/v1/fiscal/payments/" + refused, api.token("clerk1")).expect(200).json();
        assertThat(r.get("status").asText()).isEqualTo("REFUSED");
        assertThat(r.get("lastError").asText()).startsWith("41:");
        JsonNode pending = api.get("/api/v1/fiscal/pending", api.token("supervisor1")).expect(200).json();
        assertThat(pending.get("receipts").findValuesAsText("paymentId")).contains(Long.toString(refused));
    }

    @Test
    @Order(8)
    void badRequestsAreProblemsNotErrors() {
        String clerk = api.token("clerk1");
        String path = "/api/v1/fiscal/counters/" + counter + "/cash-deposits";
        api.post(path, clerk, Map.of("operation", "LEND", "amount", "1.00")).expect(422);
        api.post(path, clerk, Map.of("operation", "DEPOSIT", "amount", "1.001")).expect(422);
        api.raw("POST", path, clerk, "{not json", Map.of()).expect(400);
        api.post("/api/v1/fiscal/counters/999999/cash-deposits", clerk, Map.of("operation", "DEPOSIT", "amount", "1.00")).expect(404);
        api.post(path, api.token("clerk7"), Map.of("operation", "DEPOSIT", "amount", "1.00")).expect(403);
        api.post("/api/v1/fiscal/counters/" + counter + "/tcr", clerk, Map.of()).expect(403);
        api.put("/api/v1/fiscal/operators/" + 1, api.token("admin"), Map.of("operatorCode", "OO123")).expect(422);
        api.put("/api/v1/fiscal/branches/XX99/business-unit", api.token("admin"), Map.of("businUnitCode", "bb123bb123")).expect(404);
        api.get("/api/v1/fiscal/pending?branchCode=DR01", api.token("supervisor1")).expect(403);
    }

    @Test
    @Order(9)
    void voidingAFiscalizedPaymentSendsACorrectiveInvoiceReferringToTheOriginal() {
        long payment = pay(false, null);
        JsonNode original = api.get("/api/v1/fiscal/payments/" + payment, api.token("clerk1")).expect(200).json();
        api.get("/api/v1/fiscal/payments/" + payment + "/corrective", api.token("clerk1")).expect(404);

        api.post("/api/v1/payments/" + payment + "/void", api.token("supervisor1"), Map.of("reason", "Paguar dy herë")).expect(200);
        JsonNode corrective = api.get("/api/v1/fiscal/payments/" + payment + "/corrective", api.token("clerk1")).expect(200).json();
        assertThat(corrective.get("status").asText()).as("the authority accepted it").isEqualTo("FISCALIZED");
        assertThat(corrective.get("fic").asText()).hasSize(36);
        assertThat(corrective.get("invNum").asText()).isNotEqualTo(original.get("invNum").asText()).endsWith("/" + tcr);
        assertThat(corrective.get("verifyUrl").asText()).contains("prc=-12.50");
        assertThat(invoices().get(invoices().size() - 1).iic()).isEqualTo(corrective.get("iic").asText());
        assertThat(api.get("/api/v1/fiscal/payments/" + payment, api.token("clerk1")).expect(200).json().get("iic").asText())
                .as("the original stays as it was").isEqualTo(original.get("iic").asText());
        api.post("/api/v1/payments/" + payment + "/void", api.token("supervisor1"), Map.of("reason", "again")).expect(409);
    }

    @Test
    @Order(10)
    void aCorrectiveWaitsForItsUndeliveredOriginalAndGoesOutAfterIt() {
        long payment = payWhileTheAuthorityIsDown();
        String originalIic = api.get("/api/v1/fiscal/payments/" + payment, api.token("clerk1")).expect(200).json().get("iic").asText();
        int sent = invoices().size();
        api.post("/api/v1/payments/" + payment + "/void", api.token("supervisor1"), Map.of("reason", "Gabim")).expect(200);
        JsonNode held = api.get("/api/v1/fiscal/payments/" + payment + "/corrective", api.token("clerk1")).expect(200).json();
        assertThat(held.get("status").asText()).isEqualTo("PENDING");
        assertThat(invoices()).as("nothing refers the authority to an invoice it does not have").hasSize(sent);

        CLOCK.advance(Duration.ofMinutes(3)); // the outage outlasts the 2 minutes a receipt may take
        api.post("/api/v1/fiscal/deliver", api.token("supervisor1"), Map.of()).expect(200);
        assertThat(invoices().subList(sent, invoices().size())).extracting(FiscalAuthorityDouble.Received::iic)
                .containsExactly(originalIic, held.get("iic").asText());
        assertThat(invoices().subList(sent, invoices().size())).extracting(FiscalAuthorityDouble.Received::subseqDelivType)
                .as("the corrective was late for its original's outage, not for a fault of ours").containsExactly("NOINTERNET", "NOINTERNET");
        assertThat(api.get("/api/v1/fiscal/payments/" + payment + "/corrective", api.token("clerk1")).expect(200).json()
                .get("status").asText()).isEqualTo("FISCALIZED");
    }

    @Test
    @Order(11)
    void aRefusedOriginalGetsNoCorrective() {
        authority.fault(41);
        long refused;
        try {
            refused = pay(false, null);
        } finally {
            authority.fault(null);
        }
        int sent = invoices().size();
        api.post("/api/v1/payments/" + refused + "/void", api.token("supervisor1"), Map.of("reason", "Gabim")).expect(200);
        api.get("/api/v1/fiscal/payments/" + refused + "/corrective", api.token("clerk1")).expect(404);
        assertThat(invoices()).hasSize(sent);
    }

    @Test
    @Order(12)
    void anUnfiscalizedPaymentIsIssuedLateWithItsOwnTimeOnceTheCounterIsATcrAndTheClerkHasAnOperatorCode() {
        String supervisor = api.token("supervisor1");
        int sent = invoices().size();
        api.post("/api/v1/fiscal/counters/" + api.counterId("TR01", 2) + "/tcr", supervisor, Map.of()).expect(201);
        api.post("/api/v1/fiscal/deliver", supervisor, Map.of()).expect(200);
        JsonNode still = api.get("/api/v1/fiscal/payments/" + unfiscalized, api.token("clerk1")).expect(200).json();
        assertThat(still.get("status").asText()).as("clerk2 has no operator code yet").isEqualTo("UNFISCALIZED");
        assertThat(still.get("lastError").asText()).contains("clerk clerk2 has no operator code");
        assertThat(still.get("unfiscalizedReason").asText()).as("why it was not fiscalized at the sale").contains("not registered as a TCR");
        assertThat(invoices()).hasSize(sent);

        long clerk2 = api.get("/api/v1/me", api.token("clerk2")).expect(200).json().get("id").asLong();
        api.put("/api/v1/fiscal/operators/" + clerk2, api.token("admin"), Map.of("operatorCode", "oo456oo456")).expect(200);
        api.post("/api/v1/fiscal/deliver", supervisor, Map.of()).expect(200);

        JsonNode done = api.get("/api/v1/fiscal/payments/" + unfiscalized, api.token("clerk1")).expect(200).json();
        assertThat(done.get("status").asText()).isEqualTo("FISCALIZED");
        assertThat(done.get("fic").asText()).hasSize(36);
        assertThat(done.get("iic").asText()).hasSize(32);
        assertThat(done.get("issueDateTime").asText()).as("the sale's own time").isEqualTo(FiscalFormats.dateTime(unfiscalizedAt));
        assertThat(done.get("unfiscalizedReason").asText()).contains("not registered as a TCR");
        assertThat(done.get("verifyUrl").asText()).contains("iic=" + done.get("iic").asText(), "prc=3.00");
        List<FiscalAuthorityDouble.Received> late = invoices().stream().filter(r -> r.iic().equals(done.get("iic").asText())).toList();
        assertThat(late).as("the authority received it once").hasSize(1);
        assertThat(late.get(0).issueDateTime()).isEqualTo(FiscalFormats.dateTime(unfiscalizedAt));
        assertThat(late.get(0).subseqDelivType()).isEqualTo("TECHNICALERROR");
        assertThat(late.get(0).answer()).isEqualTo(done.get("fic").asText());
        // the voided one went out too, then its corrective referring to it (the payment's receipt, then the void's)
        JsonNode voidedSale = api.get("/api/v1/fiscal/payments/" + voidedUnfiscalized, api.token("clerk1")).expect(200).json();
        JsonNode corrective = api.get("/api/v1/fiscal/payments/" + voidedUnfiscalized + "/corrective", api.token("clerk1")).expect(200)
                .json();
        assertThat(voidedSale.get("status").asText()).isEqualTo("FISCALIZED");
        assertThat(corrective.get("status").asText()).isEqualTo("FISCALIZED");
        assertThat(corrective.get("verifyUrl").asText()).contains("prc=-4.00");
        assertThat(invoices().subList(sent, invoices().size())).extracting(FiscalAuthorityDouble.Received::iic)
                .containsExactly(done.get("iic").asText(), voidedSale.get("iic").asText(), corrective.get("iic").asText());

        api.post("/api/v1/fiscal/deliver", supervisor, Map.of()).expect(200);
        assertThat(invoices()).as("not sent again").hasSize(sent + 3);
        assertThat(api.get("/api/v1/fiscal/pending", supervisor).expect(200).json().get("receipts").findValuesAsText("paymentId"))
                .doesNotContain(Long.toString(unfiscalized));
        String metrics = api.raw("GET", "/metrics", null, "", Map.of("Authorization", "Bearer " + OPS_TOKEN)).expect(200).body();
        assertThat(metrics).doesNotContain("state=\"unfiscalized\"");
    }

    private static JsonNode pendingFor(long payment) {
        for (JsonNode r : api.get("/api/v1/fiscal/pending", api.token("supervisor1")).expect(200).json().get("receipts")) {
            if (r.get("paymentId").asLong() == payment) {
                return r;
            }
        }
        throw new AssertionError("payment " + payment + " is not on the pending list");
    }

    @Test
    @Order(13)
    void afterTheAuthorityDidNotAnswerTheNextMinutesPaymentsDoNotWaitForIt() {
        long first = payWhileTheAuthorityIsDown();
        int sent = invoices().size();
        long next = pay(false, null);
        JsonNode waiting = api.get("/api/v1/fiscal/payments/" + next, api.token("clerk1")).expect(200).json();
        assertThat(waiting.get("status").asText()).isEqualTo("PENDING");
        assertThat(waiting.get("subseqDelivType").asText()).isEqualTo("NOINTERNET");
        assertThat(invoices()).as("the clerk's answer did not wait for the authority").hasSize(sent);

        CLOCK.advance(FiscalDelivery.RESPITE.plusSeconds(1));
        long later = pay(false, null);
        assertThat(api.get("/api/v1/fiscal/payments/" + later, api.token("clerk1")).expect(200).json().get("status").asText())
                .as("a minute on, a payment asks the authority again").isEqualTo("FISCALIZED");
        api.post("/api/v1/fiscal/deliver", api.token("supervisor1"), Map.of()).expect(200);
        for (long waited : new long[] {first, next}) {
            JsonNode done = api.get("/api/v1/fiscal/payments/" + waited, api.token("clerk1")).expect(200).json();
            assertThat(done.get("status").asText()).as("the outbox sent the ones that waited").isEqualTo("FISCALIZED");
            assertThat(invoices()).filteredOn(i -> i.iic().equals(done.get("iic").asText())).singleElement()
                    .extracting(FiscalAuthorityDouble.Received::subseqDelivType).isEqualTo("NOINTERNET");
        }
    }

    @Test
    @Order(14)
    void anOfflinePaymentFromACounterWhoseClockRunsAheadIsDatedNoLaterThanTheServersNow() {
        Instant now = CLOCK.instant().truncatedTo(ChronoUnit.SECONDS);
        long payment = pay(true, now.plus(Duration.ofMinutes(3))); // inside the 5 minutes of skew a takenAt may have
        JsonNode fiscal = api.get("/api/v1/fiscal/payments/" + payment, api.token("clerk1")).expect(200).json();
        assertThat(fiscal.get("status").asText()).as("not refused for a date in the future").isEqualTo("FISCALIZED");
        assertThat(fiscal.get("issueDateTime").asText()).isEqualTo(FiscalFormats.dateTime(now));
    }

    /** A payment taken while the authority cannot be reached; it is back up afterwards. */
    private static long payWhileTheAuthorityIsDown() {
        authority.down();
        try {
            return pay(false, null);
        } finally {
            authority.up();
        }
    }

    private static byte[] receiptPdf(long payment) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/v1/payments/" + payment + "/receipt.pdf"))
                .header("Authorization", "Bearer " + api.token("clerk1")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static List<FiscalAuthorityDouble.Received> invoices() {
        return authority.received().stream().filter(r -> r.operation().equals("RegisterInvoice")).toList();
    }

    private static long pay(boolean offline, Instant takenAt) {
        Map<String, Object> body = new HashMap<>(Map.of("customerCode", "100001", "amount", "12.50", "method", "CASH",
                "tendered", "20.00", "counterId", counter));
        if (offline) {
            body.put("offline", true);
            body.put("takenAt", takenAt.toString());
        }
        return api.raw("POST", "/api/v1/payments", api.token("clerk1"), write(body), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .expect(201).json().get("id").asLong();
    }

    private static String write(Object o) {
        try {
            return Api.JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
