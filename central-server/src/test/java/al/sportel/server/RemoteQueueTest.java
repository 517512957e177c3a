package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.server.sms.SmsConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Joining the queue from home (issue 19): daily limits, kiosk check-in by QR code and by number, a remote
 * ticket skipped when its turn comes unchecked and recalled once, and the near-the-front SMS sent once each
 * through the HTTP gateway driver to a real (tiny) HTTP server standing in for the provider.
 */
class RemoteQueueTest {

    /** One message the provider received: its auth header and body. */
    record Received(String auth, String contentType, String body) {
    }

    private static final List<Received> SMS = new CopyOnWriteArrayList<>();
    private static HttpServer provider;
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/sms", exchange -> {
            SMS.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        provider.start();
        String url = "http://127.0.0.1:" + provider.getAddress().getPort() + "/sms";
        server = TestServer.start(Clock.systemUTC(), c -> c
                .withSecurity(c.security().withTrustedProxies(List.of("127.0.0.1")))
                .withRemote(c.remote().withLimits(3, 5).withAlertInterval(Duration.ofMillis(100)))
                .withSms(SmsConfig.logOnly().withHttp(url, "POST", SmsConfig.DEFAULT_BODY, "application/json")
                        .withAuth("Authorization", "Bearer test-key")));
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
        provider.stop(0);
    }

    private static Map<String, String> session(String customer, String address) {
        JsonNode s = api.post("/api/v1/public/app/session", null,
                Map.of("customerCode", customer, "proof", CitizenAccountTest.lastBillAmount(server, customer))).expect(201).json();
        return Map.of("X-Sportel-Account", s.get("accountToken").asText(), "X-Forwarded-For", address);
    }

    private static Api.Response take(Map<String, String> session, String letter, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("branch", "TR01", "serviceId", api.serviceId("TR01", letter), "travelMinutes", 20));
        body.putAll(extra);
        return api.raw("POST", "/api/v1/public/app/remote-tickets", null, Api.write(body), session);
    }

    private static Api.Response checkIn(String kiosk, Map<String, Object> body) {
        return api.post("/api/v1/kiosk/check-in", api.token(kiosk), body);
    }

    private static long openCounter(String clerk, int number, String letter) {
        long id = api.counterId("TR01", number);
        api.put("/api/v1/counters/" + id + "/services", api.token("supervisor1"),
                Map.of("serviceIds", List.of(api.serviceId("TR01", letter)))).expect(200);
        assertThat(api.act(clerk, "/api/v1/counters/" + id + "/open").status()).isIn(200, 409);
        return id;
    }

    private static JsonNode remote(String ticketId) {
        return api.get("/api/v1/public/remote-tickets/" + ticketId, null).expect(200).json();
    }

    @Test
    void aCitizensWrongProofsAreCountedForTheirAddressBehindTheProxyNotForEveryone() {
        // behind the trusted proxy every citizen's connection comes from it: failures are counted per forwarded address
        for (int i = 0; i < 21; i++) {
            api.raw("POST", "/api/v1/public/account/verify", null, Api.write(Map.of("customerCode", Integer.toString(100070 + i % 4),
                    "proof", "1.00")), Map.of("X-Forwarded-For", "10.77.0.1"));
        }
        api.raw("POST", "/api/v1/public/account/verify", null, Api.write(Map.of("customerCode", "100081",
                "proof", CitizenAccountTest.lastBillAmount(server, "100081"))), Map.of("X-Forwarded-For", "10.77.0.1")).expect(429);
        api.raw("POST", "/api/v1/public/account/verify", null, Api.write(Map.of("customerCode", "100081",
                "proof", CitizenAccountTest.lastBillAmount(server, "100081"))), Map.of("X-Forwarded-For", "10.77.0.2")).expect(200);
    }

    @Test
    void centresListTheirServicesWithPeopleWaitingAndTheEstimatedWait() {
        api.issue("TR01", "I", false);
        JsonNode centres = api.get("/api/v1/public/app/centres", null).expect(200).json();
        JsonNode tirana = null;
        for (JsonNode c : centres) {
            if (c.get("code").asText().equals("TR01")) {
                tirana = c;
            }
        }
        assertThat(tirana).isNotNull();
        JsonNode info = null;
        for (JsonNode s : tirana.get("services")) {
            if (s.get("letter").asText().equals("I")) {
                info = s;
            }
        }
        assertThat(info.get("waiting").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(info.get("estimatedWaitSeconds").asInt()).isPositive();
    }

    @Test
    void remoteTicketsAreLimitedPerAccountAndPerAddressEachDay() {
        Map<String, String> first = session("100011", "10.0.0.11");
        for (int i = 0; i < 3; i++) {
            take(first, "P", Map.of()).expect(201);
        }
        Api.Response over = take(first, "P", Map.of()).expect(429);
        assertThat(over.headers().firstValue("Retry-After")).isPresent();
        assertThat(Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 86_400L);
        assertThat(over.json().get("detail").asText()).contains("3 remote tickets today");

        // another account on the same network: two more, then the address is at its 5
        Map<String, String> second = session("100012", "10.0.0.11");
        take(second, "P", Map.of()).expect(201);
        take(second, "P", Map.of()).expect(201);
        assertThat(take(second, "P", Map.of()).expect(429).json().get("detail").asText()).contains("from this network");
        // the same account elsewhere is still within its own limit
        take(session("100012", "10.0.0.12"), "P", Map.of()).expect(201);

        assertThat(api.raw("POST", "/api/v1/public/app/remote-tickets", null, "{}", Map.of()).status()).isEqualTo(401);
        Map<String, String> third = session("100013", "10.0.0.13");
        assertThat(take(third, "P", Map.of("travelMinutes", 999)).status()).isEqualTo(422);
        assertThat(take(third, "P", Map.of("phone", "call me")).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/public/app/remote-tickets", null).status()).isEqualTo(401);
        assertThat(api.raw("GET", "/api/v1/public/app/remote-tickets", null, "", first).expect(200).json()).hasSize(3);
    }

    @Test
    void theKioskChecksInByTheQrCodeOrByTheNumberAndOnlyAtItsCentre() {
        Map<String, String> s = session("100021", "10.0.0.21");
        JsonNode byCode = take(s, "I", Map.of()).expect(201).json();
        assertThat(byCode.get("checkInCode").asText()).hasSize(8);
        assertThat(byCode.get("viewUrl").asText()).endsWith("/t/" + byCode.get("ticketId").asText());
        Api.Response qr = api.get(byCode.get("qrUrl").asText(), null).expect(200);
        assertThat(qr.contentType()).startsWith("image/svg+xml");
        assertThat(qr.body()).startsWith("<svg");

        assertThat(checkIn("kiosk2", Map.of("code", byCode.get("checkInCode").asText())).expect(409).json().get("detail").asText())
                .contains("TR01");
        JsonNode in = checkIn("kiosk1", Map.of("code", byCode.get("checkInCode").asText().toLowerCase())).expect(200).json();
        assertThat(in.get("outcome").asText()).isEqualTo("CHECKED_IN");
        assertThat(remote(byCode.get("ticketId").asText()).get("checkedIn").asBoolean()).isTrue();
        assertThat(checkIn("kiosk1", Map.of("code", byCode.get("checkInCode").asText())).expect(200).json().get("outcome").asText())
                .isEqualTo("ALREADY_CHECKED_IN");

        JsonNode byNumber = take(s, "I", Map.of()).expect(201).json();
        assertThat(checkIn("kiosk1", Map.of("number", byNumber.get("number").asText())).expect(200).json().get("outcome").asText())
                .isEqualTo("CHECKED_IN");

        checkIn("kiosk1", Map.of("code", "ZZZZZZZZ")).expect(404);
        assertThat(api.get("/api/v1/public/remote-tickets/" + api.issue("TR01", "I", false).get("id").asText(), null).status())
                .as("a kiosk ticket is no remote ticket, and no error either").isEqualTo(204);
        api.get("/api/v1/public/remote-tickets/no-such-ticket", null).expect(404);
        checkIn("kiosk1", Map.of("number", "Z999")).expect(404);
        // typed as people say it: "i5" for I005
        JsonNode typed = take(s, "I", Map.of()).expect(201).json();
        String number = typed.get("number").asText();
        assertThat(checkIn("kiosk1", Map.of("number", number.substring(0, 1).toLowerCase() + Integer.parseInt(number.substring(1))))
                .expect(200).json().get("outcome").asText()).isEqualTo("CHECKED_IN");
        assertThat(checkIn("kiosk1", Map.of()).status()).isEqualTo(422);
        assertThat(checkIn("kiosk1", Map.of("code", "x';--")).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/kiosk/check-in", api.token("clerk1"), Map.of("number", "I001")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/kiosk/check-in", null, Map.of("number", "I001")).status()).isEqualTo(401);
    }

    @Test
    void anUncheckedRemoteTicketIsSkippedWhenItsTurnComesAndComesBackOnce() {
        long counter = openCounter("clerk5", 5, "K");
        Map<String, String> s = session("100031", "10.0.0.31");
        JsonNode remote = take(s, "K", Map.of()).expect(201).json();
        String remoteId = remote.get("ticketId").asText();
        JsonNode walkIn = api.issue("TR01", "K", false);

        JsonNode called = api.act("clerk5", "/api/v1/counters/" + counter + "/call-next").expect(200).json();
        assertThat(called.get("id").asText()).as("the walk-in behind the unchecked remote ticket").isEqualTo(walkIn.get("id").asText());
        JsonNode skipped = remote(remoteId);
        assertThat(skipped.get("status").asText()).isEqualTo("NO_SHOW");
        assertThat(skipped.get("skipped").asBoolean()).isTrue();
        assertThat(skipped.get("canRecall").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/public/branches/TR01/skipped-remote", null).expect(200).body())
                .as("the display lists it").contains(remote.get("number").asText());
        api.act("clerk5", "/api/v1/tickets/" + called.get("id").asText() + "/start").expect(200);
        api.act("clerk5", "/api/v1/tickets/" + called.get("id").asText() + "/finish").expect(200);

        // the citizen arrives: check-in brings the ticket back at its place, and the next call takes it
        JsonNode back = checkIn("kiosk1", Map.of("number", remote.get("number").asText())).expect(200).json();
        assertThat(back.get("outcome").asText()).isEqualTo("RECALLED");
        assertThat(back.get("ticket").get("status").asText()).isEqualTo("WAITING");
        assertThat(api.act("clerk5", "/api/v1/counters/" + counter + "/call-next").expect(200).json().get("id").asText())
                .isEqualTo(remoteId);
        api.act("clerk5", "/api/v1/tickets/" + remoteId + "/no-show").expect(200);
        assertThat(checkIn("kiosk1", Map.of("number", remote.get("number").asText())).status()).isEqualTo(409);

        // a second remote ticket: skipped, brought back by a supervisor while still away, skipped again: no third chance
        JsonNode again = take(s, "K", Map.of()).expect(201).json();
        String againId = again.get("ticketId").asText();
        List<String> served = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            api.issue("TR01", "K", false);
            JsonNode next = api.act("clerk5", "/api/v1/counters/" + counter + "/call-next").expect(200).json();
            served.add(next.get("id").asText());
            api.act("clerk5", "/api/v1/tickets/" + next.get("id").asText() + "/start").expect(200);
            api.act("clerk5", "/api/v1/tickets/" + next.get("id").asText() + "/finish").expect(200);
            assertThat(remote(againId).get("skipped").asBoolean()).isTrue();
            if (round == 0) {
                api.act("supervisor1", "/api/v1/tickets/" + againId + "/reactivate").expect(200);
            }
        }
        assertThat(served).doesNotContain(againId);
        assertThat(remote(againId).get("canRecall").asBoolean()).isFalse();
        assertThat(checkIn("kiosk1", Map.of("code", again.get("checkInCode").asText())).expect(409).json().get("type").asText())
                .endsWith("recalled-once");
    }

    @Test
    void anOptedInTicketGetsOneSmsAtThreeAheadAndOneWhenCalled() throws InterruptedException {
        long counter = openCounter("clerk4", 4, "A");
        List<String> ahead = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ahead.add(api.issue("TR01", "A", false).get("id").asText());
        }
        int before = SMS.size();
        JsonNode remote = take(session("100041", "10.0.0.41"), "A", Map.of("phone", "+355 69 123 4567")).expect(201).json();
        checkIn("kiosk1", Map.of("code", remote.get("checkInCode").asText())).expect(200);
        Thread.sleep(500); // several alert rounds: with 4 ahead nothing is due yet
        assertThat(SMS.size()).isEqualTo(before);

        serve("clerk4", counter);
        Received near = waitFor(() -> SMS.size() > before ? SMS.get(before) : null);
        assertThat(near.auth()).isEqualTo("Bearer test-key");
        assertThat(near.contentType()).isEqualTo("application/json");
        assertThat(near.body()).contains("\"to\":\"+355691234567\"").contains(remote.get("number").asText()).contains("3 persona");

        for (int i = 0; i < 3; i++) {
            serve("clerk4", counter);
        }
        JsonNode called = api.act("clerk4", "/api/v1/counters/" + counter + "/call-next").expect(200).json();
        assertThat(called.get("id").asText()).isEqualTo(remote.get("ticketId").asText());
        Received turn = waitFor(() -> SMS.size() > before + 1 ? SMS.get(before + 1) : null);
        assertThat(turn.body()).contains("radha juaj").contains("sporteli 4");
        Thread.sleep(500);
        assertThat(SMS.size()).as("one near alert and one call alert, never again").isEqualTo(before + 2);
        Long logged = server.server().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM sms_log WHERE phone = '+355691234567' AND outcome = 'sent 202'").mapTo(Long.class).one());
        assertThat(logged).isEqualTo(2);
    }

    @Test
    void aNearAlertBringsTheCheckInCodeToThePhoneButTheKeptCopyHasItMasked() throws InterruptedException {
        // another centre, so that no other test's tickets stand in the queue ahead: the alert is due at once
        long counter = api.counterId("DR01", 1);
        assertThat(api.act("clerk7", "/api/v1/counters/" + counter + "/open").status()).isIn(200, 409);
        Map<String, Object> body = Map.of("branch", "DR01", "serviceId", api.serviceId("DR01", "P"), "travelMinutes", 20,
                "phone", "+355 69 765 4321");
        JsonNode remote = api.raw("POST", "/api/v1/public/app/remote-tickets", null, Api.write(body), session("100071", "10.0.0.71"))
                .expect(201).json();
        String number = remote.get("number").asText();
        String code = remote.get("checkInCode").asText();
        Received near = waitFor(() -> SMS.stream().filter(r -> r.body().contains("+355697654321") && r.body().contains(number))
                .findFirst().orElse(null));
        assertThat(near.body()).as("not checked in yet: the message says how to").contains("check-in").contains(code);
        String kept = server.server().database().read(h -> h.createQuery(
                "SELECT message FROM sms_log WHERE phone = '+355697654321' AND purpose = 'QUEUE_NEAR'").mapTo(String.class).one());
        assertThat(kept).as("sms_log keeps the message without the code that checks the ticket in").contains(number)
                .doesNotContain(code).contains("*".repeat(code.length()));
    }

    /**
     * While a remote ticket awaits its check-in, call-next reads the call order into Java: end-and-call-next
     * still writes the ending's event, before the call's.
     */
    @Test
    void endAndCallNextWhileARemoteTicketAwaitsItsCheckIn() throws Exception {
        long counter = openCounter("clerk6", 6, "I");
        take(session("100061", "10.0.0.61"), "I", Map.of()).expect(201); // never checked in
        api.issue("TR01", "I", false);
        api.issue("TR01", "I", false);
        String served = api.act("clerk6", "/api/v1/counters/" + counter + "/call-next").expect(200).json().get("id").asText();
        api.act("clerk6", "/api/v1/tickets/" + served + "/start").expect(200);
        long seen = api.get("/api/v1/branches/TR01/queue", api.token("clerk6")).expect(200).json().get("lastEventId").asLong();

        try (SseReader events = new SseReader(server.baseUrl() + "/api/v1/branches/TR01/events", api.token("clerk6"), seen)) {
            JsonNode both = api.post("/api/v1/counters/" + counter + "/end-and-call-next", api.token("clerk6"),
                    Map.of("ticketId", served, "outcome", "DONE")).expect(200).json();
            assertThat(both.get("ended").get("status").asText()).isEqualTo("DONE");
            String next = both.get("called").get("id").asText();
            SseReader.Event finished = events.nextNamed("ticket.finished", Duration.ofSeconds(5));
            SseReader.Event called = events.nextNamed("ticket.called", Duration.ofSeconds(5));
            assertThat(finished).isNotNull();
            assertThat(finished.data()).contains(served);
            assertThat(called).isNotNull();
            assertThat(called.data()).contains(next);
            assertThat(finished.id()).as("the ending comes first").isLessThan(called.id());
        }
    }

    private static void serve(String clerk, long counter) {
        String id = api.act(clerk, "/api/v1/counters/" + counter + "/call-next").expect(200).json().get("id").asText();
        api.act(clerk, "/api/v1/tickets/" + id + "/start").expect(200);
        api.act(clerk, "/api/v1/tickets/" + id + "/finish").expect(200);
    }

    private static <T> T waitFor(Supplier<T> probe) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(until)) {
            T v = probe.get();
            if (v != null) {
                return v;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out");
    }
}
