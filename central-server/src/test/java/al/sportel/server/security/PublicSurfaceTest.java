package al.sportel.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.server.Api;
import al.sportel.server.SecurityConfig;
import al.sportel.server.SseReader;
import al.sportel.server.TestServer;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 items 8–13 and 15: characters and dates no database stores are 422, every error is
 * problem+json (Jetty's own too), the public pages are throttled, links use the configured public URL,
 * forwarded headers are ignored from untrusted peers, and the access log masks personal keys.
 */
class PublicSurfaceTest {

    private static final String PUBLIC_URL = "https://sportel.example.al";
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(Clock.systemUTC(), c -> c.withSecurity(c.security().withPublicUrl(PUBLIC_URL).withThrottles(5, 5, 2)));
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertProblem(Api.Response r, int status) {
        assertThat(r.status()).as("answer %s", r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
    }

    /** Another site's page can post forms and plain text from its visitors' browsers unasked; JSON needs our consent. */
    @Test
    void aBodySentAsAFormOrPlainTextIsRefusedSoOtherSitesCannotFileThroughTheirVisitors() {
        String complaint = Api.write(Map.of("category", "WRONG_BILL", "name", "Arta Hoxha", "phone", "+355 69 123 4567",
                "description", "Fatura e tetorit është dyfishi i zakonshmes."));
        for (String type : new String[] {"text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            Api.Response r = api.raw("POST", "/api/v1/public/complaints", null, complaint, Map.of("Content-Type", type));
            assertProblem(r, 415);
            assertThat(r.json().get("detail").asText()).contains("application/json");
        }
        assertProblem(api.raw("POST", "/api/v1/auth/login", null, Api.write(Map.of("username", "clerk1", "password", "sportel")),
                Map.of("Content-Type", "text/plain")), 415);
        api.raw("POST", "/api/v1/public/complaints", null, complaint, Map.of("Content-Type", "application/json; charset=utf-8"))
                .expect(201);
    }

    @Test
    void nulBytesAndUnstorableCharactersAre422EvenUnauthenticated() {
        assertProblem(api.post("/api/v1/auth/login", null, Map.of("username", "clerk1\u0000", "password", "x")), 422);
        Map<String, Object> complaint = new HashMap<>(Map.of("category", "WRONG_BILL", "name", "Arta\u0000 Hoxha",
                "phone", "+355 69 123 4567", "description", "Fatura e tetorit është dyfishi i zakonshmes."));
        Api.Response r = api.post("/api/v1/public/complaints", null, complaint);
        assertProblem(r, 422);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        // an unpaired surrogate, escaped in the JSON text as a client may send it
        assertProblem(api.raw("POST", "/api/v1/public/complaints", null, "{\"category\":\"WRONG_BILL\",\"name\":\"Arta\","
                + "\"phone\":\"+355 69 123 4567\",\"description\":\"Fatura \\ud800 e tetorit është dyfishi.\"}", Map.of()), 422);
        assertProblem(api.get("/api/v1/cases?branchCode=TR01%00", api.token("clerk1")), 422);
        // a NUL in the path is refused by the HTTP layer itself, before any route: still a problem, never a 500
        assertProblem(api.get("/api/v1/customers/1000%0001", api.token("clerk1")), 400);
    }

    @Test
    void outOfRangeDatesAre422() {
        long counter = api.counterId("TR01", 6);
        api.act("clerk6", "/api/v1/counters/" + counter + "/open").expect(200);
        Map<String, Object> pay = new HashMap<>(Map.of("customerCode", "100030", "amount", "1.00", "method", "CARD",
                "counterId", counter, "offline", true, "takenAt", "+999999999-12-31T00:00:00Z"));
        assertProblem(api.raw("POST", "/api/v1/payments", api.token("clerk6"), Api.write(pay),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 422);
        assertProblem(api.get("/api/v1/reports/cash?counterId=" + counter + "&date=%2B999999999-12-31", api.token("clerk6")), 422);
        assertProblem(api.get("/api/v1/reports/cash?counterId=" + counter + "&date=0001-01-01", api.token("clerk6")), 422);
        assertProblem(api.get("/api/v1/reports/branch?branchCode=TR01&from=2026-01-01&to=%2B999999999-12-31",
                api.token("supervisor1")), 422);
    }

    @Test
    void errorsTheHttpLayerAnswersItselfAreProblemJson() throws Exception {
        assertThat(rawHttp("GET /api/v1/%zz HTTP/1.1")).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"status\":400");
        assertThat(rawHttp("GET /api/v1/branches?x=" + "a".repeat(20_000) + " HTTP/1.1")).startsWith("HTTP/1.1 414")
                .contains("application/problem+json");
        assertThat(rawHttp("GET /api/v1/branches HTTP/1.1\r\nX-Big: " + "b".repeat(20_000))).matches("(?s)HTTP/1.1 4\\d\\d.*")
                .contains("application/problem+json");
        assertProblem(api.get("/api/v1/audit?branchCode=TR01&limit=many", api.token("admin")), 422);
        assertProblem(api.raw("POST", "/api/v1/auth/login", null, "{\"username\":\"" + "u".repeat(70_000) + "\"}", Map.of()), 413);
        assertProblem(api.raw("POST", "/api/v1/auth/login", null, "[".repeat(5000) + "]".repeat(5000), Map.of()), 400);
        // a body without a length is refused before it is read: it could be any size
        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(server.baseUrl() + "/api/v1/auth/login")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[] {'{', '}'})))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(411);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    /** Inputs that cost far more to handle than to send: a refusal, not a 500 or a server out of memory. */
    @Test
    void aHugeExponentAndAPasswordBcryptCannotReadAreRefusedNot500() {
        long counter = api.counterId("TR01", 5);
        api.act("clerk5", "/api/v1/counters/" + counter + "/open");
        Api.Response huge = api.raw("POST", "/api/v1/payments", api.token("clerk5"),
                "{\"customerCode\":\"100030\",\"amount\":1e999999999,\"method\":\"CARD\",\"counterId\":" + counter + "}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertProblem(huge, 422);
        assertThat(huge.body()).contains("amount");
        String long100 = "p".repeat(100);
        assertProblem(api.raw("POST", "/api/v1/auth/login", null, Api.write(Map.of("username", "clerk1", "password", long100)), Map.of()), 401);
        Api.Response create = api.post("/api/v1/users", api.token("admin"), Map.of("username", "longpass", "displayName", "Long",
                "role", "CLERK", "branchCode", "TR01", "password", long100));
        assertProblem(create, 422);
        assertThat(create.body()).contains("72 bytes");
    }

    /** One request over a plain socket, so nothing on the client side rewrites or refuses it. */
    private static String rawHttp(String requestLineAndHeaders) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.server().port())) {
            s.getOutputStream().write((requestLineAndHeaders + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            s.setSoTimeout(10_000);
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void publicTrackingIsThrottledPerAddressWhateverForwardedHeaderIsSent() {
        Api.Response last = null;
        for (int i = 0; i < 6; i++) {
            // an untrusted client naming another address for itself does not get a fresh allowance
            last = api.raw("GET", "/api/v1/public/track/ANK-2026-ABCDEF", null, "", Map.of("X-Forwarded-For", "10.9.9." + i));
        }
        assertProblem(last, 429);
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 61L);
    }

    @Test
    void aKioskIssuingTooFastIsStoppedAndTheDisplayStreamsPerAddressAreCapped() throws Exception {
        long service = api.serviceId("DR01", "P");
        int issued = 0;
        Api.Response r = null;
        for (int i = 0; i < 8; i++) {
            r = api.post("/api/v1/branches/DR01/tickets", api.token("kiosk2"), Map.of("serviceId", service));
            if (r.status() == 201) {
                issued++;
            }
        }
        assertThat(issued).isEqualTo(5);
        assertProblem(r, 429);
        String url = server.baseUrl() + "/api/v1/public/branches/TR01/display/events";
        try (SseReader a = new SseReader(url, null, null); SseReader b = new SseReader(url, null, null)) {
            assertThat(a.awaitStatus()).isEqualTo(200);
            assertThat(b.awaitStatus()).isEqualTo(200);
            Api.Response third = api.raw("GET", "/api/v1/public/branches/TR01/display/events", null, "", Map.of("Accept", "text/event-stream"));
            assertProblem(third, 429);
        }
    }

    @Test
    void linksForCitizensUseThePublicUrlNeverTheHostHeader() throws Exception {
        long counter = api.counterId("DR01", 1);
        api.act("clerk7", "/api/v1/counters/" + counter + "/open").expect(200);
        JsonNode p = api.raw("POST", "/api/v1/payments", api.token("clerk7"), Api.write(Map.of("customerCode", "100031",
                        "amount", "1.00", "method", "CARD", "counterId", counter)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201).json();
        String code = p.get("verificationCode").asText();
        assertThat(code).as("at least 80 random bits").hasSizeGreaterThanOrEqualTo(16).matches("[a-z2-7]+");
        assertThat(p.get("verificationUrl").asText()).isEqualTo(PUBLIC_URL + "/public/receipts/" + code);
        byte[] pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(server.baseUrl() + "/api/v1/payments/" + p.get("id").asLong() + "/receipt.pdf"))
                        .header("Authorization", "Bearer " + api.token("clerk7")).header("X-Forwarded-Host", "evil.example").build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 203);
            String url = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                    .getText();
            assertThat(url).isEqualTo(PUBLIC_URL + "/public/receipts/" + code);
        }
    }

    @Test
    void theAccessLogMasksTrackingCodesAndCustomerCodes() throws Exception {
        // the test logging config keeps only warnings: this logger speaks at INFO while the test listens
        Logger root = (Logger) LoggerFactory.getLogger("al.sportel.server.SportelServer");
        Level level = root.getLevel();
        root.setLevel(Level.INFO);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            api.get("/api/v1/customers/100077", api.token("clerk1"));
            api.raw("GET", "/api/v1/public/track/ANK-2026-QWERTY", null, "", Map.of("X-Forwarded-For", "10.8.8.8"));
            // the access line is written just after the answer is sent
            for (int i = 0; i < 100 && logged.list.stream().noneMatch(e -> e.getFormattedMessage().contains("/track/")); i++) {
                Thread.sleep(20);
            }
        } finally {
            root.detachAppender(logged);
            root.setLevel(level);
        }
        assertThat(List.copyOf(logged.list)).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("100077") || m.contains("QWERTY"))
                .anyMatch(m -> m.contains("/api/v1/customers/10***"));
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        SecurityConfig d = SecurityConfig.defaults();
        assertThat(d.maxPayment()).isEqualTo(100_000_000L);
        assertThat(d.offlineWindow().toHours()).isEqualTo(48);
        assertThat(d.loginMaxFailures()).isEqualTo(5);
        assertThat(d.trackLookupsPerMinute()).isEqualTo(30);
    }
}
