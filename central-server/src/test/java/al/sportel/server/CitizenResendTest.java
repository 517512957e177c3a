package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.server.complaints.AppCaseRoutes;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One submission, one record (docs/decisions/0019-one-submission-one-record.md): a citizen's phone sends a case with its
 * photos, a remote ticket or a booking, the server commits, the answer is lost on a weak signal, and the phone sends
 * the same request again with the same Idempotency-Key. The resend gets the first answer (Idempotent-Replayed: true)
 * and nothing is made twice; the same key with another request is a 409; without a key the routes work as before.
 */
class CitizenResendTest {

    // 09:00 in Tirana, so that 10:00 can be booked
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(CLOCK);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> both = new HashMap<>(a);
        both.putAll(b);
        return both;
    }

    private static int rows(String table) {
        return server.server().database().read(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }

    private static int storedFiles() throws IOException {
        Path dir = server.dataDir().resolve("attachments");
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.count();
        }
    }

    private static Map<String, String> account(String customer) {
        String token = api.post("/api/v1/public/app/session", null,
                Map.of("customerCode", customer, "proof", CitizenAccountTest.lastBillAmount(server, customer))).expect(201).json()
                .get("accountToken").asText();
        return Map.of("X-Sportel-Account", token);
    }

    /** A photo of {@code size} bytes: a PNG's first bytes, then {@code fill}. */
    private static byte[] photo(int size, byte fill) {
        byte[] bytes = Arrays.copyOf(AppAccountCasesTest.PNG, size);
        Arrays.fill(bytes, AppAccountCasesTest.PNG.length, size, fill);
        return bytes;
    }

    private static Multipart caseWithPhotos(String description) {
        return caseWithPhotos(description, (byte) 3);
    }

    /** Three photos; {@code third}: what the third is made of, so that another one is another request. */
    private static Multipart caseWithPhotos(String description, byte third) {
        return new Multipart().field("kind", "COMPLAINT").field("category", "WRONG_BILL").field("name", "Dritan Zeneli")
                .field("phone", "069 123 4567").field("description", description)
                .file("attachments", "meter-1.png", "image/png", photo(400_000, (byte) 1))
                .file("attachments", "meter-2.png", "image/png", photo(400_000, (byte) 2))
                .file("attachments", "meter-3.png", "image/png", photo(400_000, third));
    }

    private static Api.Response file(Multipart m, Map<String, String> headers) {
        return m.post(server.baseUrl() + "/api/v1/public/app/cases", headers);
    }

    @Test
    void anAppCaseSentAgainWithItsKeyIsOneCaseWithOneSetOfPhotosEvenAtTheHourlyLimit() throws IOException {
        Map<String, String> mine = account("100031");
        int cases = rows("cases");
        int attachments = rows("case_attachments");
        int files = storedFiles();
        String k = "app-" + UUID.randomUUID();
        Multipart sent = caseWithPhotos("The meter reads twice what it did last month.");

        Api.Response first = file(sent, with(mine, key(k))).expect(201);
        Api.Response again = file(sent, with(mine, key(k))).expect(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(rows("cases")).isEqualTo(cases + 1);
        assertThat(rows("case_attachments")).isEqualTo(attachments + 3);
        assertThat(storedFiles()).as("the resend's photos are not kept a second time").isEqualTo(files + 3);

        // the same key with another photo, or from another account, is another request: 409, nothing filed or kept
        Multipart otherPhotos = caseWithPhotos("The meter reads twice what it did last month.", (byte) 9);
        assertThat(file(otherPhotos, with(mine, key(k))).expect(409).contentType()).startsWith("application/problem+json");
        file(sent, with(account("100032"), key(k))).expect(409);
        assertThat(rows("cases")).isEqualTo(cases + 1);
        assertThat(storedFiles()).isEqualTo(files + 3);

        // an app without keys files as before
        file(caseWithPhotos("A second complaint, about the reading in October."), mine).expect(201);
        file(caseWithPhotos("A third complaint, about the reading in September."), mine).expect(201);
        assertThat(rows("cases")).isEqualTo(cases + 3);

        // the account's fifth request of the hour (the 409 was a request of its own): its resend still gets its
        // answer, a new case is over the limit
        String last = "app-" + UUID.randomUUID();
        Multipart fifth = caseWithPhotos("The fifth complaint of the hour, about the seal.");
        String code = file(fifth, with(mine, key(last))).expect(201).json().get("trackingCode").asText();
        Api.Response resent = file(fifth, with(mine, key(last))).expect(201);
        assertThat(resent.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(resent.json().get("trackingCode").asText()).isEqualTo(code);
        file(caseWithPhotos("One more complaint, over the limit now."), with(mine, key("app-" + UUID.randomUUID()))).expect(429);
        assertThat(rows("cases")).isEqualTo(cases + 4);

        // naming a stored key does not open the door for a client over its limit: a few resends an hour skip the
        // check made before the photos are read, and then it is a 429 again, not a 409 after 15 MB were parsed
        Multipart notTheFifth = caseWithPhotos("Not the fifth complaint at all.", (byte) 7);
        int last429 = -1;
        for (int i = 0; i <= AppCaseRoutes.RESENDS_PER_HOUR; i++) {
            last429 = file(notTheFifth, with(mine, key(last))).status();
        }
        assertThat(last429).isEqualTo(429);
        assertThat(rows("cases")).isEqualTo(cases + 4);
    }

    @Test
    void theWebFormsComplaintSentAgainWithItsKeyIsOneComplaint() {
        Map<String, Object> complaint = new HashMap<>(Map.of("category", "WRONG_BILL", "name", "Arta Hoxha",
                "phone", "069 765 4321", "description", "The bill came twice this month."));
        String path = "/api/v1/public/complaints";
        int cases = rows("cases");
        String k = "web-" + UUID.randomUUID();
        JsonNode first = api.raw("POST", path, null, Api.write(complaint), key(k)).expect(201).json();
        Api.Response again = api.raw("POST", path, null, Api.write(complaint), key(k)).expect(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.json()).isEqualTo(first);
        assertThat(rows("cases")).isEqualTo(cases + 1);

        complaint.put("description", "The bill came three times this month.");
        assertThat(api.raw("POST", path, null, Api.write(complaint), key(k)).expect(409).contentType()).startsWith("application/problem+json");
        api.post(path, null, complaint).expect(201);
        assertThat(rows("cases")).isEqualTo(cases + 2);
    }

    @Test
    void aRemoteTicketSentAgainWithItsKeyIsOneTicketCountedOnce() {
        Map<String, String> mine = account("100033");
        String body = Api.write(Map.of("branch", "TR01", "serviceId", api.serviceId("TR01", "I"), "travelMinutes", 15));
        String path = "/api/v1/public/app/remote-tickets";
        int tickets = rows("tickets");
        int remote = rows("remote_tickets");
        String k = "app-" + UUID.randomUUID();

        JsonNode first = api.raw("POST", path, null, body, with(mine, key(k))).expect(201).json();
        Api.Response again = api.raw("POST", path, null, body, with(mine, key(k))).expect(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.json().get("ticketId").asText()).isEqualTo(first.get("ticketId").asText());
        assertThat(again.json().get("number").asText()).isEqualTo(first.get("number").asText());
        assertThat(rows("tickets")).as("no second ticket called for nobody").isEqualTo(tickets + 1);
        assertThat(rows("remote_tickets")).isEqualTo(remote + 1);
        assertThat(api.raw("GET", path, null, "", mine).expect(200).json()).as("one against the day's limit").hasSize(1);

        String other = Api.write(Map.of("branch", "TR01", "serviceId", api.serviceId("TR01", "I"), "travelMinutes", 40));
        api.raw("POST", path, null, other, with(mine, key(k))).expect(409);
        api.raw("POST", path, null, body, with(account("100034"), key(k))).expect(409);
        api.raw("POST", path, null, body, mine).expect(201);
        assertThat(rows("remote_tickets")).isEqualTo(remote + 2);
    }

    @Test
    void aBookingSentAgainWithItsKeyIsOneAppointment() {
        long service = api.serviceId("TR01", "A");
        api.put("/api/v1/services/" + service + "/appointment-capacity", api.token("supervisor1"),
                Map.of("hours", List.of(Map.of("hour", 10, "capacity", 5)))).expect(200);
        Instant ten = LocalDate.of(2026, 11, 26).atTime(10, 0).atZone(ZoneId.of("Europe/Tirane")).toInstant();
        Map<String, Object> booking = new HashMap<>(Map.of("serviceId", service, "start", ten.toString(), "name", "Arta Hoxha",
                "phone", "+355 69 111 2233"));
        String path = "/api/v1/public/branches/TR01/appointments";
        int appointments = rows("appointments");
        String k = "web-" + UUID.randomUUID();

        JsonNode first = api.raw("POST", path, null, Api.write(booking), key(k)).expect(201).json();
        Api.Response again = api.raw("POST", path, null, Api.write(booking), key(k)).expect(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.json().get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(rows("appointments")).as("one place taken, not two").isEqualTo(appointments + 1);

        booking.put("name", "Arta Hoxha-Leka");
        api.raw("POST", path, null, Api.write(booking), key(k)).expect(409);
        api.raw("POST", path, null, Api.write(booking), Map.of()).expect(201);
        assertThat(rows("appointments")).isEqualTo(appointments + 2);
    }
}
