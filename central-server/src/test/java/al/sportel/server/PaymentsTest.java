package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.Formats;
import al.sportel.slip.Slip;
import al.sportel.slip.SlipEscPos;
import al.sportel.slip.SlipLine;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Money at the counter: exactly once, never more than owed, and reports that add up. */
class PaymentsTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    private static TestServer server;
    private static Api api;
    private static long counter1;
    private static long counter2;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
        counter1 = api.counterId("TR01", 1);
        counter2 = api.counterId("TR01", 2);
        // a clerk takes money only at the counter she holds
        for (int i = 1; i <= 3; i++) {
            api.act("clerk" + i, "/api/v1/counters/" + api.counterId("TR01", i) + "/open").expect(200);
        }
    }

    /** The clerk holding {@code counter}: clerk1 at counter 1, clerk2 at 2, clerk3 at 3. */
    private static String holder(Object counter) {
        for (int i = 1; i <= 3; i++) {
            if (counter instanceof Number n && n.longValue() == api.counterId("TR01", i)) {
                return "clerk" + i;
            }
        }
        return "clerk1";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode customer(String code) {
        return api.get("/api/v1/customers/" + code, api.token("clerk1")).expect(200).json();
    }

    private static BigDecimal balance(String code) {
        return new BigDecimal(customer(code).get("balance").asText());
    }

    private static Api.Response pay(String key, Map<String, Object> body) {
        return api.raw("POST", "/api/v1/payments", api.token(holder(body.get("counterId"))), Api.write(body),
                key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    private static Map<String, Object> cash(String customer, String amount, String tendered, long counter) {
        Map<String, Object> m = new HashMap<>(Map.of("customerCode", customer, "amount", amount, "method", "CASH", "counterId", counter));
        if (tendered != null) {
            m.put("tendered", tendered);
        }
        return m;
    }

    private static JsonNode cashReport(long counter) {
        return api.get("/api/v1/reports/cash?counterId=" + counter, api.token("clerk1")).expect(200).json();
    }

    @Test
    void customersShowTheirUnpaidBillsOldestFirst() {
        JsonNode c = customer("100001");
        assertThat(c.get("name").asText()).isNotBlank();
        assertThat(c.get("unpaidBills").size()).isGreaterThanOrEqualTo(2);
        BigDecimal sum = BigDecimal.ZERO;
        String previous = "";
        for (JsonNode b : c.get("unpaidBills")) {
            assertThat(b.get("amount").asText()).matches("\\d+\\.\\d{2}");
            assertThat(b.get("period").asText()).isGreaterThan(previous);
            previous = b.get("period").asText();
            sum = sum.add(new BigDecimal(b.get("amount").asText()));
        }
        assertThat(new BigDecimal(c.get("balance").asText())).isEqualByComparingTo(sum);
        assertThat(customer("100002").get("balance").asText()).isEqualTo("0.00");
        assertThat(customer("100002").get("unpaidBills")).isEmpty();
        api.get("/api/v1/customers/999999", api.token("clerk1")).expect(404);
    }

    @Test
    void aPaymentGoesToTheOldestBillsAndGivesChange() throws Exception {
        JsonNode c = customer("100003");
        while (c.get("unpaidBills").size() < 2) { // find a demo customer with two unpaid bills
            c = customer(Integer.toString(Integer.parseInt(c.get("code").asText()) + 1));
        }
        String code = c.get("code").asText();
        BigDecimal first = new BigDecimal(c.get("unpaidBills").get(0).get("amount").asText());
        BigDecimal before = balance(code);
        BigDecimal amount = first.add(new BigDecimal("10.50"));
        JsonNode p = pay(UUID.randomUUID().toString(), cash(code, amount.toPlainString(), amount.add(new BigDecimal("100")).toPlainString(), counter1))
                .expect(201).json();
        assertThat(p.get("receiptNumber").asText()).matches("TR01-\\d{4}-\\d{6}");
        assertThat(p.get("amount").asText()).isEqualTo(amount.setScale(2).toPlainString());
        assertThat(p.get("change").asText()).isEqualTo("100.00");
        assertThat(p.get("paidBills")).hasSize(2);
        assertThat(p.get("paidBills").get(0).get("amount").asText()).isEqualTo(first.setScale(2).toPlainString());
        assertThat(p.get("paidBills").get(1).get("amount").asText()).isEqualTo("10.50");
        assertThat(p.get("clerk").get("username").asText()).isEqualTo("clerk1");
        assertThat(balance(code)).isEqualByComparingTo(before.subtract(amount));
        assertThat(api.get("/api/v1/payments/" + p.get("id").asLong(), api.token("clerk1")).expect(200).json())
                .as("the answer is the payment as stored").isEqualTo(p);
        assertThat(customer(code).get("unpaidBills").get(0).get("amount").asText())
                .as("the second bill is now partly paid").isEqualTo(new BigDecimal(c.get("unpaidBills").get(1).get("amount").asText())
                        .subtract(new BigDecimal("10.50")).setScale(2).toPlainString());

        // the receipt: a PDF with the number, the customer's name and the total
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/api/v1/payments/" + p.get("id").asLong() + "/receipt.pdf"))
                .header("Authorization", "Bearer " + api.token("clerk1")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        try (var doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("MANDAT PAGESE").contains(p.get("receiptNumber").asText()).contains(c.get("name").asText())
                    .contains(Formats.money(amount.setScale(2).toPlainString())).contains("Kusuri").contains("/public/receipts/");
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isBetween(226f, 227f); // 80 mm
            // the printed QR code decodes to the verification page, which confirms the same amount
            java.awt.image.BufferedImage image = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 203);
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
            javax.imageio.ImageIO.write(image, "png", java.nio.file.Path.of("target", "receipt.png").toFile());
            String url = new com.google.zxing.MultiFormatReader().decode(new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.HybridBinarizer(new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image))))
                    .getText();
            assertThat(url).isEqualTo(server.baseUrl() + "/public/receipts/" + p.get("verificationCode").asText());
            String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains(Formats.money(amount.setScale(2).toPlainString())).contains("i vlefshëm");
        }
        // the QR code's page confirms the receipt without personal data
        JsonNode verify = api.get("/api/v1/public/receipts/" + p.get("verificationCode").asText(), null).expect(200).json();
        assertThat(verify.get("receiptNumber").asText()).isEqualTo(p.get("receiptNumber").asText());
        assertThat(verify.get("amount").asText()).isEqualTo(amount.setScale(2).toPlainString());
        assertThat(verify.toString()).doesNotContain(code).doesNotContain(c.get("name").asText());
        Api.Response page = api.get("/public/receipts/" + p.get("verificationCode").asText(), null).expect(200);
        assertThat(page.body()).contains("i vlefshëm").doesNotContain(c.get("name").asText());
        api.get("/public/receipts/TR01-1999-000001", null).expect(404);
        // counting receipt numbers finds nothing: only the unguessable code opens the page
        api.get("/public/receipts/" + p.get("receiptNumber").asText(), null).expect(404);
        api.get("/api/v1/public/receipts/" + p.get("receiptNumber").asText(), null).expect(404);
    }

    @Test
    void aReplayReturnsTheFirstAnswerAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = cash("100001", "100.00", "100.00", counter2);
        BigDecimal before = balance("100001");
        Api.Response first = pay(key, body).expect(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        int paymentsAfterFirst = cashReport(counter2).get("payments").size();
        Api.Response again = pay(key, body).expect(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(cashReport(counter2).get("payments").size()).isEqualTo(paymentsAfterFirst);
        assertThat(balance("100001")).isEqualByComparingTo(before.subtract(new BigDecimal("100.00")));

        Api.Response other = pay(key, cash("100001", "200.00", "200.00", counter2)).expect(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        pay(null, body).expect(400);
        // the same key from another clerk is not their answer to replay
        api.raw("POST", "/api/v1/payments", api.token("clerk1"), Api.write(body), Map.of("Idempotency-Key", key)).expect(409);
        assertThat(balance("100001")).isEqualByComparingTo(before.subtract(new BigDecimal("100.00")));
    }

    @Test
    void badAmountsAre422AndRecordNothing() {
        BigDecimal before = balance("100001");
        int payments = cashReport(counter1).get("payments").size();
        String owedPlusOne = before.add(BigDecimal.ONE).toPlainString();
        List<Map<String, Object>> bad = List.of(
                cash("100001", "0", "0", counter1), cash("100001", "0.00", "5", counter1), cash("100001", "-5.00", "10", counter1),
                cash("100001", "10.005", "20", counter1), cash("100001", owedPlusOne, owedPlusOne, counter1),
                cash("100001", "50.00", "49.99", counter1), cash("100001", "50.00", null, counter1),
                cash("100001", "abc", "60", counter1), cash("100001", "1e3", "2000", counter1),
                cash("100002", "1.00", "1.00", counter1), cash("000000", "1.00", "1.00", counter1),
                cash("100001", "1.00", "1.00", 999_999),
                Map.of("customerCode", "100001", "amount", "5.00", "method", "CHEQUE", "counterId", counter1),
                Map.of("customerCode", "100001", "amount", 5.001, "method", "CARD", "counterId", counter1));
        for (Map<String, Object> b : bad) {
            Api.Response r = pay(UUID.randomUUID().toString(), b);
            assertThat(r.status()).as("%s -> %s", b, r.body()).isEqualTo(422);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(balance("100001")).isEqualByComparingTo(before);
        assertThat(cashReport(counter1).get("payments").size()).isEqualTo(payments);
        // a clerk of Durrës cannot take money at a Tirana counter
        api.raw("POST", "/api/v1/payments", api.token("clerk7"), Api.write(cash("100001", "1.00", "1.00", counter1)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(403);
    }

    /** The ticket a payment names is checked in the same read as the counter: of the counter's centre, or refused. */
    @Test
    void aPaymentNamesOnlyATicketOfItsCounterCentre() {
        String customer = "100004";
        BigDecimal before = balance(customer);
        int payments = cashReport(counter1).get("payments").size();
        String durres = api.issue("DR01", "P", false).get("id").asText();
        for (String ticket : List.of(durres, "no-such-ticket")) {
            Map<String, Object> body = cash(customer, "1.00", "1.00", counter1);
            body.put("ticketId", ticket);
            Api.Response r = pay(UUID.randomUUID().toString(), body);
            assertThat(r.status()).as(ticket).isEqualTo(422);
            assertThat(r.body()).contains("ticketId");
        }
        assertThat(balance(customer)).as("nothing was taken").isEqualByComparingTo(before);
        assertThat(cashReport(counter1).get("payments").size()).isEqualTo(payments);

        String tirana = api.issue("TR01", "P", false).get("id").asText();
        Map<String, Object> body = cash(customer, "1.00", "1.00", counter1);
        body.put("ticketId", tirana);
        JsonNode p = pay(UUID.randomUUID().toString(), body).expect(201).json();
        assertThat(p.get("ticketId").asText()).isEqualTo(tirana);
        assertThat(api.get("/api/v1/payments/" + p.get("id").asLong(), api.token("clerk1")).expect(200).json())
                .as("the answer is the payment as stored").isEqualTo(p);
        assertThat(balance(customer)).isEqualByComparingTo(before.subtract(BigDecimal.ONE));
    }

    @Test
    void twentyClerksPayingTheSameBillAtOnceNeverPayMoreThanOwed() throws Exception {
        String code = "100010";
        BigDecimal owed = balance(code);
        while (owed.signum() == 0) {
            code = Integer.toString(Integer.parseInt(code) + 1);
            owed = balance(code);
        }
        // each tries to pay 30% of the debt: at most three can succeed
        BigDecimal part = owed.multiply(new BigDecimal("0.30")).setScale(2, java.math.RoundingMode.DOWN);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> results = new ArrayList<>();
        String customer = code;
        for (int i = 0; i < 20; i++) {
            long counter = i % 2 == 0 ? counter1 : counter2;
            results.add(pool.submit(() -> pay(UUID.randomUUID().toString(),
                    cash(customer, part.toPlainString(), part.toPlainString(), counter)).status()));
        }
        int ok = 0;
        for (Future<Integer> f : results) {
            int status = f.get();
            assertThat(status).isIn(201, 422);
            ok += status == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(3);
        assertThat(balance(customer)).isEqualByComparingTo(owed.subtract(part.multiply(BigDecimal.valueOf(3))));
    }

    /** A counter whose payment's answer was lost asks which of its pending keys are booked; only its own, at most 20. */
    @Test
    void aCounterHearsWhichOfItsPendingPaymentsAreBooked() {
        String key = UUID.randomUUID().toString();
        pay(key, cash("100001", "1.00", "1.00", counter1)).expect(201);
        String unknown = UUID.randomUUID().toString();
        JsonNode c = api.get("/api/v1/customers/100001?pending=" + key + "," + unknown, api.token("clerk1")).expect(200).json();
        assertThat(c.get("paidKeys")).extracting(JsonNode::asText).containsExactly(key);
        assertThat(api.get("/api/v1/customers/100001?pending=" + key, api.token("clerk2")).expect(200).json().get("paidKeys"))
                .as("another clerk's keys are not said").isEmpty();
        assertThat(customer("100001").has("paidKeys")).as("not asked, not said").isFalse();
        String many = String.join(",", java.util.Collections.nCopies(21, unknown));
        api.get("/api/v1/customers/100001?pending=" + many, api.token("clerk1")).expect(422);
    }

    /** A key is one request: sent with the same reason to void another payment, it is a conflict, not the first answer. */
    @Test
    void aVoidsKeyReusedForAnotherPaymentIsRefusedAndThatPaymentStays() {
        JsonNode first = pay(UUID.randomUUID().toString(), cash("100001", "1.00", "1.00", counter1)).expect(201).json();
        JsonNode second = pay(UUID.randomUUID().toString(), cash("100001", "1.00", "1.00", counter1)).expect(201).json();
        String key = UUID.randomUUID().toString();
        String body = Api.write(Map.of("reason", "gabim"));
        api.raw("POST", "/api/v1/payments/" + first.get("id").asLong() + "/void", api.token("supervisor1"), body,
                Map.of("Idempotency-Key", key)).expect(200);
        Api.Response replay = api.raw("POST", "/api/v1/payments/" + first.get("id").asLong() + "/void", api.token("supervisor1"), body,
                Map.of("Idempotency-Key", key)).expect(200);
        assertThat(replay.json().get("id").asLong()).as("the same void again replays").isEqualTo(first.get("id").asLong());
        assertThat(api.raw("POST", "/api/v1/payments/" + second.get("id").asLong() + "/void", api.token("supervisor1"), body,
                Map.of("Idempotency-Key", key)).expect(409).body()).contains("idempotency-key-reused");
        assertThat(api.get("/api/v1/payments/" + second.get("id").asLong(), api.token("clerk1")).expect(200).json()
                .get("voided").asBoolean()).as("the other payment is not voided").isFalse();
    }

    @Test
    void theCashReportAddsUpAndVoidsAreReversals() {
        long counter = api.counterId("TR01", 3);
        List<String> amounts = List.of("120.00", "80.50", "33.33");
        List<JsonNode> made = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            Map<String, Object> body = i == 1
                    ? Map.of("customerCode", "100001", "amount", amounts.get(i), "method", "CARD", "counterId", counter)
                    : cash("100001", amounts.get(i), "200.00", counter);
            made.add(pay(UUID.randomUUID().toString(), body).expect(201).json());
        }
        BigDecimal before = balance("100001");
        String voidPath = "/api/v1/payments/" + made.get(2).get("id").asLong() + "/void";
        api.post(voidPath, api.token("clerk1"), Map.of("reason", "wrong customer")).expect(403);
        JsonNode voided = api.post(voidPath, api.token("supervisor1"), Map.of("reason", "wrong customer")).expect(200).json();
        assertThat(voided.get("voided").asBoolean()).isTrue();
        api.post(voidPath, api.token("supervisor1"), Map.of("reason", "again")).expect(409);
        assertThat(balance("100001")).as("the voided money is owed again").isEqualByComparingTo(before.add(new BigDecimal("33.33")));

        JsonNode r = cashReport(counter);
        assertThat(r.get("payments")).hasSize(3);
        BigDecimal byMethod = BigDecimal.ZERO;
        for (JsonNode t : r.get("totals")) {
            byMethod = byMethod.add(new BigDecimal(t.get("amount").asText()));
        }
        BigDecimal fromLines = BigDecimal.ZERO;
        for (JsonNode l : r.get("payments")) {
            if (!l.get("voided").asBoolean()) {
                fromLines = fromLines.add(new BigDecimal(l.get("amount").asText()));
            }
        }
        assertThat(new BigDecimal(r.get("total").asText())).isEqualByComparingTo("200.50").isEqualByComparingTo(byMethod)
                .isEqualByComparingTo(fromLines);
        assertThat(r.get("voidedCount").asInt()).isEqualTo(1);
        assertThat(r.get("voidedAmount").asText()).isEqualTo("33.33");
        // the CSV the desktop saves carries the JSON's figures: the payments, the fees, the totals; times in Tirana's
        String csv = api.get("/api/v1/reports/cash?counterId=" + counter + "&format=csv", api.token("clerk1")).expect(200).body();
        assertThat(csv).startsWith("counter,3,branch,TR01,date," + r.get("date").asText() + "\n\nreceiptNumber,customerCode,amount,")
                .contains("\nfeeMethod,count,amount\nCASH,0,0.00\nCARD,0,0.00\nTOTAL,,0.00\n")
                .contains("\nmethod,count,amount\nCASH,1,120.00\nCARD,1,80.50\nTOTAL,,200.50\nVOIDED,1,33.33\nEARLIER_VOIDED,0,0.00\n")
                .endsWith("\nCASH_TAKEN,," + r.get("cashTaken").asText() + "\n")
                .doesNotContainPattern("T\\d\\d:\\d\\d(:\\d\\d)?(\\.\\d+)?Z,");
        assertThat(csv.lines().filter(l -> l.matches(".*,(CASH|CARD),20\\d\\d-\\d\\d-\\d\\dT[\\d:.]+\\+0[12]:00,.*")))
                .as("each payment, at Tirana's time").hasSize(3);
        api.get("/api/v1/reports/cash?counterId=" + counter, api.token("clerk7")).expect(403);
        api.get("/api/v1/reports/cash?counterId=abc", api.token("clerk1")).expect(422);
        api.get("/api/v1/reports/cash?counterId=" + counter + "&date=yesterday", api.token("clerk1")).expect(422);
    }

    @Test
    void moneyTakenOfflineIsNeverRefusedTheExcessBecomesCreditForReview() {
        String customer = "100150";
        BigDecimal owed = balance(customer);
        String takenAt = java.time.Instant.now().minus(java.time.Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        // The bills were paid meanwhile at another counter...
        pay(UUID.randomUUID().toString(), cash(customer, owed.toPlainString(), owed.toPlainString(), counter2)).expect(201);
        assertThat(balance(customer)).isEqualByComparingTo("0");

        // ...and the payment the offline counter took hours ago arrives late: accepted, all of it credit.
        Map<String, Object> late = cash(customer, "1500.00", "2000.00", counter1);
        late.put("offline", true);
        late.put("takenAt", takenAt);
        String key = UUID.randomUUID().toString();
        JsonNode p = pay(key, late).expect(201).json();
        assertThat(p.get("offline").asBoolean()).isTrue();
        assertThat(p.get("takenAt").asText()).isEqualTo(takenAt);
        assertThat(p.get("credit").asText()).isEqualTo("1500.00");
        assertThat(p.get("needsReview").asBoolean()).isTrue();
        assertThat(p.get("paidBills").size()).isZero();
        assertThat(p.get("change").asText()).isEqualTo("500.00");
        assertThat(api.get("/api/v1/payments/" + p.get("id").asLong(), api.token("clerk1")).expect(200).json())
                .as("the answer is the payment as stored").isEqualTo(p);
        assertThat(balance(customer)).isEqualByComparingTo("0");
        // sent again by a client that never saw the answer: the same payment, not a second one
        assertThat(pay(key, late).expect(201).json().get("id").asLong()).isEqualTo(p.get("id").asLong());

        // The same late amount without the offline flag is still refused, as before.
        pay(UUID.randomUUID().toString(), cash(customer, "1500.00", "2000.00", counter1)).expect(422);
        // takenAt only comes with offline, and never from the future.
        Map<String, Object> notOffline = cash(customer, "10.00", "10.00", counter1);
        notOffline.put("takenAt", takenAt);
        assertThat(pay(UUID.randomUUID().toString(), notOffline).expect(422).json().toString()).contains("takenAt");
        Map<String, Object> future = cash(customer, "10.00", "10.00", counter1);
        future.put("offline", true);
        future.put("takenAt", java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString());
        assertThat(pay(UUID.randomUUID().toString(), future).expect(422).json().toString()).contains("takenAt");
    }

    /** A payment from a counter's outbox that has waited {@code heldFor} (the header the outbox sends). */
    private static Api.Response payHeld(String key, Map<String, Object> body, String heldFor) {
        return api.raw("POST", "/api/v1/payments", api.token(holder(body.get("counterId"))), Api.write(body),
                Map.of("Idempotency-Key", key, "X-Sportel-Held-For", heldFor));
    }

    /**
     * The counter sent a payment at once, had no answer within its wait and printed an offline receipt; the
     * customer left. Its outbox sends the same online request later: the money changed hands back then, so the
     * server books it as taken offline then, even though the bills were paid meanwhile elsewhere.
     */
    @Test
    void aPaymentTheCounterStoppedWaitingForIsBookedAsTakenOfflineWhenItFinallyArrives() {
        String customer = java.util.stream.IntStream.rangeClosed(100160, 100199).mapToObj(Integer::toString)
                .filter(c -> balance(c).signum() > 0).findFirst().orElseThrow();
        BigDecimal owed = balance(customer);
        // meanwhile the bills were paid at another counter
        pay(UUID.randomUUID().toString(), cash(customer, owed.toPlainString(), owed.toPlainString(), counter2)).expect(201);
        Map<String, Object> sent = cash(customer, "20.00", "50.00", counter1);
        String key = UUID.randomUUID().toString();
        java.time.Instant before = java.time.Instant.now();

        JsonNode p = payHeld(key, sent, "3600").expect(201).json();
        assertThat(p.get("offline").asBoolean()).as("booked as taken offline").isTrue();
        assertThat(java.time.Instant.parse(p.get("takenAt").asText()))
                .isBetween(before.minusSeconds(3601), java.time.Instant.now().minusSeconds(3599));
        assertThat(p.get("credit").asText()).as("all of it credit, not refused").isEqualTo("20.00");
        assertThat(p.get("change").asText()).isEqualTo("30.00");
        assertThat(p.get("needsReview").asBoolean()).isTrue();
        Api.Response again = payHeld(key, sent, "3700").expect(201);
        assertThat(again.json().get("id").asLong()).as("a later resend is the same payment").isEqualTo(p.get("id").asLong());

        // within the counter's wait it is an ordinary payment: more than owed is refused, as before
        payHeld(UUID.randomUUID().toString(), sent, "5").expect(422);
        assertThat(payHeld(UUID.randomUUID().toString(), sent, "soon").expect(400).body()).contains("X-Sportel-Held-For");
        // held past the offline window (the link was down for days): HeldPaymentTest, on a clock moved over a weekend
        assertThat(balance(customer)).isEqualByComparingTo("0");
    }

    /** A counter with a thermal printer asks for the slip instead of the PDF and makes the ESC/POS bytes itself. */
    @Test
    void aReceiptsSlipBecomesEscPosBytesWithItsVerificationQr() throws Exception {
        Map<String, Object> body = Map.of("customerCode", "100001", "amount", "1.30", "method", "CASH", "tendered", "2.00",
                "counterId", counter1);
        JsonNode p = api.raw("POST", "/api/v1/payments", api.token("clerk1"), Api.write(body),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201).json();
        String number = p.get("receiptNumber").asText();

        Slip slip = Api.JSON.readValue(api.get("/api/v1/payments/" + p.get("id").asLong() + "/receipt", api.token("clerk1"))
                .expect(200).body(), Slip.class);
        // the QR carries the unguessable verification link, never the countable receipt number
        assertThat(slip.qrUrl()).isEqualTo(p.get("verificationUrl").asText()).doesNotContain(number);
        assertThat(slip.lines()).contains(new SlipLine(SlipLine.Kind.ROW, "Kusuri", "0,70 L"));

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
}
