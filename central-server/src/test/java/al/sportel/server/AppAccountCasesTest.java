package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.server.citizen.BillCodes;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The phone app's account and cases (issue 19) through the real HTTP API: both proofs, the account with
 * payments and receipts, and the attachment rules (count, size, type by bytes, private storage, staff only),
 * never another customer's data.
 */
class AppAccountCasesTest {

    /** A real 1×1 PNG, as a phone's photo would start. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");

    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
        api.act("clerk1", "/api/v1/counters/" + api.counterId("TR01", 1) + "/open").expect(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String session(String customer, String proof) {
        return api.post("/api/v1/public/app/session", null, Map.of("customerCode", customer, "proof", proof))
                .expect(201).json().get("accountToken").asText();
    }

    private static Api.Response asAccount(String path, String token) {
        return api.raw("GET", path, null, "", token == null ? Map.of() : Map.of("X-Sportel-Account", token));
    }

    private static HttpResponse<byte[]> bytes(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        headers.forEach(b::header);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void eitherProofOpensTheAccountWhichShowsCreditAndPaymentsWithTheirChannelAndReceipt() throws Exception {
        String latestCode = server.server().database().read(h -> h.createQuery(
                "SELECT verify_code FROM bills WHERE customer_code = '100001' ORDER BY period DESC").mapTo(String.class).first());
        assertThat(latestCode).as("the demo's code is the same on every machine").isEqualTo(BillCodes.forDemo("100001", 1));
        int withoutCode = server.server().database().read(h -> h.createQuery("SELECT COUNT(*) FROM bills WHERE verify_code IS NULL")
                .mapTo(Integer.class).one());
        assertThat(withoutCode).isZero();
        api.post("/api/v1/public/app/session", null, Map.of("customerCode", "100001", "proof", "AAAAAA")).expect(404);
        String byCode = session("100001", BillCodes.display(latestCode).toLowerCase());
        String byAmount = session("100001", CitizenAccountTest.lastBillAmount(server, "100001"));
        assertThat(byCode).isNotEqualTo(byAmount);

        Map<String, Object> cash = new HashMap<>(Map.of("customerCode", "100001", "amount", "100.00", "method", "CASH",
                "counterId", api.counterId("TR01", 1), "tendered", "100.00"));
        String receipt = api.raw("POST", "/api/v1/payments", api.token("clerk1"), Api.write(cash),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201).json().get("receiptNumber").asText();

        asAccount("/api/v1/public/app/account", null).expect(401);
        JsonNode account = asAccount("/api/v1/public/app/account", byCode).expect(200).json();
        assertThat(account.get("customerCode").asText()).isEqualTo("100001");
        assertThat(account.get("credit").asText()).isEqualTo("0.00");
        assertThat(account.get("unpaidBills")).isNotEmpty();
        JsonNode payment = account.get("payments").get(0);
        assertThat(payment.get("receiptNumber").asText()).isEqualTo(receipt);
        assertThat(payment.get("channel").asText()).isEqualTo("COUNTER_CASH");
        assertThat(account.toString()).doesNotContain("address").doesNotContain("\"name\"");

        HttpResponse<byte[]> pdf = bytes(payment.get("receiptPdf").asText(), Map.of("X-Sportel-Account", byCode));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(bytes(payment.get("receiptPdf").asText(), Map.of()).statusCode()).isEqualTo(401);
        String other = session("100005", CitizenAccountTest.lastBillAmount(server, "100005"));
        assertThat(bytes(payment.get("receiptPdf").asText(), Map.of("X-Sportel-Account", other)).statusCode())
                .as("another customer's receipt").isEqualTo(404);
        assertThat(api.get(payment.get("receiptPage").asText(), null).expect(200).body()).contains(receipt);
        assertThat(asAccount("/api/v1/public/app/account", other).expect(200).json().get("payments").toString()).doesNotContain(receipt);
    }

    private static Multipart complaint() {
        return new Multipart().field("kind", "COMPLAINT").field("category", "WRONG_BILL").field("name", "Dritan Zeneli")
                .field("phone", "069 123 4567").field("description", "The October bill counts the meter twice.");
    }

    private static Api.Response file(Multipart m, String token) {
        return m.post(server.baseUrl() + "/api/v1/public/app/cases", token == null ? Map.of() : Map.of("X-Sportel-Account", token));
    }

    private static int stored() throws IOException {
        Path dir = server.dataDir().resolve("attachments");
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.count();
        }
    }

    private static int rows(String table) {
        return server.server().database().read(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }

    @Test
    void attachmentsAreCheckedByCountSizeAndBytesAndARefusedFilingLeavesNothing() throws Exception {
        int cases = rows("cases");
        int files = stored();
        byte[] script = "<script>alert(1)</script>".getBytes();
        Api.Response renamed = file(complaint().file("attachments", "photo.jpg", "image/jpeg", script), null).expect(422);
        assertThat(renamed.contentType()).startsWith("application/problem+json");
        assertThat(renamed.body()).contains("photo.jpg");
        Multipart four = complaint();
        for (int i = 0; i < 4; i++) {
            four.file("attachments", "p" + i + ".png", "image/png", PNG);
        }
        file(four, null).expect(422);
        byte[] big = Arrays.copyOf(PNG, 5 * 1024 * 1024 + 1);
        assertThat(file(complaint().file("attachments", "big.png", "image/png", big), null).expect(413).contentType())
                .startsWith("application/problem+json");
        file(complaint().field("description", "short").file("attachments", "p.png", "image/png", PNG), null).expect(422);
        api.raw("POST", "/api/v1/public/app/cases", null, "{}", Map.of()).expect(415);
        assertThat(rows("cases")).isEqualTo(cases);
        assertThat(rows("case_attachments")).isZero();
        assertThat(stored()).isEqualTo(files);
    }

    @Test
    void aBodyCutOffBeforeItsClosingBoundaryIsABadRequestAndFilesNothing() throws Exception {
        int cases = rows("cases");
        int files = stored();
        Multipart cut = complaint().file("attachments", "p.png", "image/png", PNG);
        Api.Response r = cut.post(server.baseUrl() + "/api/v1/public/app/cases", Map.of(), cut.truncatedBody()).expect(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(rows("cases")).isEqualTo(cases);
        assertThat(stored()).isEqualTo(files);
    }

    @Test
    void myCasesListOnlyTheVerifiedAccountsCasesAndOnlyStaffFetchTheAttachments() throws Exception {
        String mine = session("100003", CitizenAccountTest.lastBillAmount(server, "100003"));
        String theirs = session("100004", CitizenAccountTest.lastBillAmount(server, "100004"));
        byte[] pdf = "%PDF-1.4\n%sportel test\n".getBytes();
        // the form names another customer: a signed-in filing belongs to the verified account all the same
        JsonNode filed = file(complaint().field("customerCode", "100004").file("attachments", "meter.png", "image/png", PNG)
                .file("attachments", "../../bill.pdf", "application/octet-stream", pdf), mine).expect(201).json();
        String code = filed.get("trackingCode").asText();
        assertThat(filed.get("status").asText()).isEqualTo("RECEIVED");
        // an anonymous filing naming a customer is not that customer's case
        String anonymous = file(complaint().field("customerCode", "100004"), null).expect(201).json().get("trackingCode").asText();

        asAccount("/api/v1/public/app/cases", null).expect(401);
        asAccount("/api/v1/public/app/cases", "not-a-token").expect(401);
        JsonNode myCases = asAccount("/api/v1/public/app/cases", mine).expect(200).json();
        assertThat(myCases).hasSize(1);
        assertThat(myCases.get(0).get("trackingCode").asText()).isEqualTo(code);
        assertThat(myCases.get(0).get("attachments").asInt()).isEqualTo(2);
        assertThat(asAccount("/api/v1/public/app/cases", theirs).expect(200).json().toString()).doesNotContain(code).doesNotContain(anonymous);
        assertThat(api.get("/api/v1/public/track/" + code, null).expect(200).json().get("status").asText()).isEqualTo("RECEIVED");

        long id = server.server().database().read(h -> h.createQuery("SELECT id FROM cases WHERE tracking_code = :c").bind("c", code)
                .mapTo(Long.class).one());
        api.get("/api/v1/cases/" + id + "/attachments", null).expect(401);
        JsonNode list = api.get("/api/v1/cases/" + id + "/attachments", api.token("clerk1")).expect(200).json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("contentType").asText()).isEqualTo("image/png");
        assertThat(list.get(1).get("contentType").asText()).as("typed by its bytes, not by the browser").isEqualTo("application/pdf");
        assertThat(list.get(1).get("name").asText()).isEqualTo("bill.pdf");
        String path = "/api/v1/cases/" + id + "/attachments/" + list.get(0).get("id").asLong();
        assertThat(bytes(path, Map.of()).statusCode()).isEqualTo(401);
        assertThat(bytes(path, Map.of("X-Sportel-Account", mine)).statusCode()).as("not even the citizen: staff only").isEqualTo(401);
        HttpResponse<byte[]> photo = bytes(path, Map.of("Authorization", "Bearer " + api.token("clerk1")));
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.body()).isEqualTo(PNG);
        assertThat(photo.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(api.get("/api/v1/cases/" + id + "/attachments/999999", api.token("clerk1")).status()).isEqualTo(404);

        // nothing of the data directory is served, and the files are the server's own
        List<Path> kept;
        try (Stream<Path> s = Files.list(server.dataDir().resolve("attachments"))) {
            kept = s.toList();
        }
        assertThat(kept).hasSize(2);
        if (Files.getFileStore(kept.get(0)).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept.get(0)))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept.get(0).getParent()))).isEqualTo("rwx------");
        }
        for (String probe : List.of("/attachments/" + kept.get(0).getFileName(), "/web/" + kept.get(0).getFileName(),
                "/app/" + kept.get(0).getFileName())) {
            assertThat(api.get(probe, null).status()).as(probe).isEqualTo(404);
        }
    }

    @Test
    void onlyCasesWhoseCustomerWasVouchedForAreListedUnderTheAccount() {
        String account = session("100006", CitizenAccountTest.lastBillAmount(server, "100006"));
        Map<String, Object> complaint = new HashMap<>(Map.of("category", "WRONG_BILL", "name", "Dikush Tjetër",
                "phone", "069 765 4321", "description", "Fatura e dikujt tjetër", "customerCode", "100006"));
        // the web form and the kiosk take whatever code is typed: a stranger's filing is not the account's case
        String web = api.post("/api/v1/public/complaints", null, complaint).expect(201).json().get("trackingCode").asText();
        String kiosk = api.post("/api/v1/kiosk/complaints", api.token("kiosk1"), complaint).expect(201).json()
                .get("trackingCode").asText();
        // at a counter the clerk has the customer in front of her
        Map<String, Object> atCounter = new HashMap<>(complaint);
        atCounter.put("branchCode", "TR01");
        String counter = api.raw("POST", "/api/v1/complaints", api.token("clerk1"), Api.write(atCounter),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201).json().get("trackingCode").asText();

        // a double tap at the kiosk (its taps carry a key): one complaint, the same tracking code
        Map<String, String> tap = Map.of("Idempotency-Key", "kiosk-" + UUID.randomUUID());
        String once = api.raw("POST", "/api/v1/kiosk/complaints", api.token("kiosk1"), Api.write(complaint), tap).expect(201).json()
                .get("trackingCode").asText();
        Api.Response twice = api.raw("POST", "/api/v1/kiosk/complaints", api.token("kiosk1"), Api.write(complaint), tap).expect(201);
        assertThat(twice.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(twice.json().get("trackingCode").asText()).isEqualTo(once);

        String listed = asAccount("/api/v1/public/app/cases", account).expect(200).json().toString();
        assertThat(listed).contains(counter).doesNotContain(web).doesNotContain(kiosk);
        // staff still see the code the filer typed
        assertThat(customerOf(web)).isEqualTo("100006");

        // and the public form does not tell which codes exist: an unknown one is filed without it
        complaint.put("customerCode", "999999");
        String unknown = api.post("/api/v1/public/complaints", null, complaint).expect(201).json().get("trackingCode").asText();
        assertThat(customerOf(unknown)).isNull();
    }

    private static String customerOf(String trackingCode) {
        return server.server().database().<String>read(h -> h.createQuery("SELECT customer_code FROM cases WHERE tracking_code = :c")
                .bind("c", trackingCode).mapTo(String.class).one());
    }

    @Test
    void aSignedInAccountIsLimitedAsItselfNotByTheAddressItSharesWithOthers() {
        String busy = session("100008", CitizenAccountTest.lastBillAmount(server, "100008"));
        for (int i = 0; i < 5; i++) {
            file(complaint(), busy).expect(201);
        }
        Api.Response limited = file(complaint(), busy).expect(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        // over the limit, the body is not even read: a broken one gets the same 429, not the 400 of a parse
        Multipart broken = complaint().file("attachments", "p.png", "image/png", PNG);
        broken.post(server.baseUrl() + "/api/v1/public/app/cases", Map.of("X-Sportel-Account", busy), broken.truncatedBody()).expect(429);
        String neighbour = session("100009", CitizenAccountTest.lastBillAmount(server, "100009"));
        file(complaint(), neighbour).expect(201); // another account behind the same address
    }
}
