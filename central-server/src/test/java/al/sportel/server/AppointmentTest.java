package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Appointments over HTTP with a test clock: capacity per hour, booking until full, the SMS reminder,
 * check-in called in its slot ahead of walk-ins, too early refused, late turned into a walk-in.
 */
class AppointmentTest {

    private static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");
    // 09:00 in Tirana
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

    private static Instant at(int hour, int minute) {
        return LocalDate.of(2026, 11, 26).atTime(hour, minute).atZone(TIRANA).toInstant();
    }

    private static void clockTo(int hour, int minute) {
        CLOCK.advance(Duration.between(CLOCK.instant(), at(hour, minute)));
    }

    private static Api.Response book(long service, Instant start, String phone) {
        Map<String, Object> body = phone == null ? Map.of("serviceId", service, "start", start.toString(), "name", "Arta Hoxha")
                : Map.of("serviceId", service, "start", start.toString(), "name", "Arta Hoxha", "phone", phone);
        return api.post("/api/v1/public/branches/TR01/appointments", null, body);
    }

    private static Api.Response checkIn(String code) {
        return api.post("/api/v1/branches/TR01/appointments/check-in", api.token("kiosk1"), Map.of("code", code));
    }

    /** One number typed three ways is one phone: it holds three appointments to come, and the diary opens a month ahead. */
    @Test
    void aPhoneHoldsAFewAppointmentsAndTheDiaryOpensAMonthAhead() throws Exception {
        api.forgetTokens();
        long a = api.serviceId("TR01", "A");
        api.put("/api/v1/services/" + a + "/appointment-capacity", api.token("supervisor1"),
                Map.of("hours", List.of(Map.of("hour", 10, "capacity", 5)))).expect(200);
        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), TIRANA);
        String[] typed = {"+355 68 765 4321", "068 765 4321", "00355687654321"};
        for (int i = 0; i < typed.length; i++) {
            String id = book(a, today.plusDays(2 + i).atTime(10, 0).atZone(TIRANA).toInstant(), typed[i]).expect(201).json()
                    .get("id").asText();
            String kept = server.server().database().read(h -> h.createQuery("SELECT phone FROM appointments WHERE id = :id")
                    .bind("id", id).mapTo(String.class).one());
            assertThat(kept).as("kept as the SMS provider wants it").isEqualTo("+355687654321");
        }
        Api.Response fourth = book(a, today.plusDays(5).atTime(10, 0).atZone(TIRANA).toInstant(), "0687654321").expect(409);
        assertThat(fourth.body()).contains("phone-limit");
        book(a, today.plusDays(5).atTime(10, 0).atZone(TIRANA).toInstant(), "+355 69 000 1111").expect(201);

        String slots = "/api/v1/public/branches/TR01/appointment-slots?serviceId=" + a + "&date=";
        assertThat(api.get(slots + today.plusDays(30), null).expect(200).json()).hasSize(1);
        assertThat(api.get(slots + today.plusDays(31), null).expect(200).json()).as("beyond the month: no slot").isEmpty();
        book(a, today.plusDays(31).atTime(10, 0).atZone(TIRANA).toInstant(), null).expect(422);

        // sent at once for three services, the limit still holds (each service's own lock does not order them)
        List<Long> services = List.of(a, api.serviceId("TR01", "K"), api.serviceId("TR01", "I"));
        for (long s : services.subList(1, 3)) {
            api.put("/api/v1/services/" + s + "/appointment-capacity", api.token("supervisor1"),
                    Map.of("hours", List.of(Map.of("hour", 10, "capacity", 5)))).expect(200);
        }
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                long service = services.get(i % 3);
                Instant start = today.plusDays(6 + i / 3).atTime(10, 0).atZone(TIRANA).toInstant();
                answers.add(pool.submit(() -> book(service, start, "+355 67 111 2222").status()));
            }
            int booked = 0;
            for (Future<Integer> answer : answers) {
                booked += answer.get() == 201 ? 1 : 0;
            }
            assertThat(booked).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCentreClosedOnSundaysAndOnAHolidayOffersNoSlotsThereAndTakesNoBookings() {
        api.forgetTokens(); // the other test moves the clock past the tokens' lifetime
        long p = api.serviceId("DR01", "P");
        String supervisor = api.token("supervisor2");
        api.put("/api/v1/services/" + p + "/appointment-capacity", supervisor, Map.of("hours", List.of(Map.of("hour", 10, "capacity", 3))))
                .expect(200);
        String closedDays = "/api/v1/branches/DR01/closed-days";
        api.put(closedDays + "/weekdays", api.token("clerk7"), Map.of("weekdays", List.of(7))).expect(403);
        api.put(closedDays + "/weekdays", api.token("supervisor1"), Map.of("weekdays", List.of(7))).expect(403);
        api.put(closedDays + "/weekdays", supervisor, Map.of("weekdays", List.of(8))).expect(422);
        assertThat(api.put(closedDays + "/weekdays", supervisor, Map.of("weekdays", List.of(7))).expect(200).json().get("weekdays"))
                .extracting(JsonNode::asInt).containsExactly(7);

        // Sunday 29 November: nothing offered, nothing taken; Saturday stays open
        assertThat(slots(p, "2026-11-29")).isEmpty();
        assertThat(slots(p, "2026-11-28")).hasSize(1);
        bookAt("DR01", p, LocalDate.of(2026, 11, 29)).expect(409);

        // a public holiday, closed after someone had booked it: the supervisor learns how many to tell
        bookAt("DR01", p, LocalDate.of(2026, 12, 8)).expect(201);
        JsonNode holiday = api.put(closedDays + "/2026-12-08", supervisor, Map.of("reason", "Dita Kombëtare e Rinisë")).expect(200).json();
        assertThat(holiday.get("bookedOnThatDay").asInt()).isEqualTo(1);
        assertThat(slots(p, "2026-12-08")).isEmpty();
        assertThat(bookAt("DR01", p, LocalDate.of(2026, 12, 8)).expect(409).json().get("type").asText()).endsWith("centre-closed-day");
        JsonNode view = api.get(closedDays, api.token("clerk7")).expect(200).json();
        assertThat(view.get("dates").get(0).get("date").asText()).isEqualTo("2026-12-08");
        assertThat(view.get("dates").get(0).get("reason").asText()).isEqualTo("Dita Kombëtare e Rinisë");
        api.put(closedDays + "/2026-11-20", supervisor, Map.of()).expect(422);
        api.put(closedDays + "/the-8th", supervisor, Map.of()).expect(422);

        api.raw("DELETE", closedDays + "/2026-12-08", supervisor, "", Map.of()).expect(204);
        assertThat(slots(p, "2026-12-08")).hasSize(1);
        api.raw("DELETE", closedDays + "/2026-12-08", supervisor, "", Map.of()).expect(404);
        api.put(closedDays + "/weekdays", supervisor, Map.of("weekdays", List.of())).expect(200);
        assertThat(slots(p, "2026-11-29")).hasSize(1);
    }

    private static JsonNode slots(long service, String date) {
        return api.get("/api/v1/public/branches/DR01/appointment-slots?serviceId=" + service + "&date=" + date, null).expect(200).json();
    }

    private static Api.Response bookAt(String branch, long service, LocalDate day) {
        Instant start = day.atTime(10, 0).atZone(TIRANA).toInstant();
        return api.post("/api/v1/public/branches/" + branch + "/appointments", null,
                Map.of("serviceId", service, "start", start.toString(), "name", "Drita Hoxha"));
    }

    @Test
    void aCheckedInAppointmentIsCalledInItsSlotAheadOfWalkIns() throws Exception {
        long p = api.serviceId("TR01", "P");
        String capacity = "/api/v1/services/" + p + "/appointment-capacity";
        api.put(capacity, api.token("clerk1"), Map.of("hours", List.of())).expect(403);
        api.put(capacity, api.token("supervisor1"), Map.of("hours", List.of(Map.of("hour", 10, "capacity", 250)))).expect(422);
        api.put(capacity, api.token("supervisor1"), Map.of("hours", List.of(Map.of("hour", 10, "capacity", 2),
                Map.of("hour", 11, "capacity", 1), Map.of("hour", 12, "capacity", 1)))).expect(200);
        api.put(capacity, api.token("supervisor1"), Map.of("hours", List.of(Map.of("hour", 10, "capacity", 2),
                Map.of("hour", 11, "capacity", 1), Map.of("hour", 12, "capacity", 1), Map.of("hour", 25, "capacity", 1)))).expect(422);

        JsonNode slots = api.get("/api/v1/public/branches/TR01/appointment-slots?serviceId=" + p + "&date=2026-11-26", null)
                .expect(200).json();
        assertThat(slots).hasSize(3);
        assertThat(slots.get(0).get("start").asText()).isEqualTo(at(10, 0).toString());
        assertThat(slots.get(0).get("free").asInt()).isEqualTo(2);

        // booking: bad input is 422, a full hour 409
        book(p, at(10, 30), null).expect(422);
        book(p, at(8, 0), null).expect(422);
        book(p, at(10, 0), "call me").expect(422);
        api.post("/api/v1/public/branches/TR01/appointments", null, Map.of("serviceId", p, "start", at(10, 0).toString())).expect(422);
        JsonNode ten = book(p, at(10, 0), "+355 69 123 4567").expect(201).json();
        JsonNode eleven = book(p, at(11, 0), null).expect(201).json();
        assertThat(book(p, at(11, 0), null).expect(409).body()).contains("slot-full");
        JsonNode noon = book(p, at(12, 0), null).expect(201).json();
        assertThat(ten.get("status").asText()).isEqualTo("BOOKED");
        assertThat(ten.get("code").asText()).hasSize(6);

        // the reminder goes out once, an hour ahead, only to the one with a phone
        api.post("/api/v1/appointments/reminders/run", api.token("admin"), null).expect(200);
        assertThat(api.post("/api/v1/appointments/reminders/run", api.token("admin"), null).expect(200).json().get("sent").asInt())
                .isZero();
        JsonNode day = api.get("/api/v1/branches/TR01/appointments?date=2026-11-26", api.token("supervisor1")).expect(200).json();
        assertThat(day).hasSize(3);
        assertThat(day.get(0).get("remindedAt").isNull()).isFalse();
        assertThat(day.get(1).get("remindedAt").isNull()).isTrue();
        String kept = server.server().database().read(h -> h.createQuery(
                "SELECT message FROM sms_log WHERE purpose = 'APPOINTMENT_REMINDER' ORDER BY id DESC").mapTo(String.class).first());
        assertThat(kept).as("the kept copy of the reminder does not hold the code that checks the appointment in")
                .doesNotContain(ten.get("code").asText()).contains("******");

        // walk-ins first, then the appointment checks in
        long c1 = api.counterId("TR01", 1);
        api.put("/api/v1/counters/" + c1 + "/services", api.token("supervisor1"), Map.of("serviceIds", List.of(p))).expect(200);
        api.act("clerk1", "/api/v1/counters/" + c1 + "/open").expect(200);
        clockTo(9, 40);
        String walkIn = api.issue("TR01", "P", false).get("number").asText();
        clockTo(9, 41);
        String priority = api.issue("TR01", "P", true).get("number").asText();
        clockTo(9, 50);
        api.post("/api/v1/branches/TR01/appointments/check-in", api.token("kiosk2"), Map.of("code", ten.get("code").asText())).expect(403);
        JsonNode checked = checkIn(ten.get("code").asText().toLowerCase()).expect(201).json();
        assertThat(checked.get("late").asBoolean()).isFalse();
        assertThat(checked.get("appointment").get("status").asText()).isEqualTo("CHECKED_IN");
        String appointment = checked.get("ticket").get("number").asText();
        checkIn(ten.get("code").asText()).expect(409);

        clockTo(9, 55); // before its slot the appointment waits like any regular ticket
        assertThat(serve(c1)).isEqualTo(priority);
        clockTo(10, 0);
        assertThat(serve(c1)).isEqualTo(appointment);
        assertThat(serve(c1)).isEqualTo(walkIn);

        clockTo(10, 30); // too early for noon
        assertThat(checkIn(noon.get("code").asText()).expect(409).body()).contains("too-early");
        clockTo(11, 20); // late for eleven: a walk-in ticket; the kiosk's resends (its answer lost) get that same ticket,
        // even those sent while the first was still running (they wait for it, then find the appointment checked in)
        String tap = Api.write(Map.of("code", eleven.get("code").asText()));
        Map<String, String> key = Map.of("Idempotency-Key", "kiosk-check-in-1");
        String kiosk = api.token("kiosk1");
        List<Api.Response> taps = Parallel.atOnce(6, i -> () ->
                api.raw("POST", "/api/v1/branches/TR01/appointments/check-in", kiosk, tap, key));
        assertThat(taps).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        JsonNode late = taps.get(0).json();
        assertThat(taps).allSatisfy(r -> assertThat(r.json()).isEqualTo(late));
        Api.Response resent = api.raw("POST", "/api/v1/branches/TR01/appointments/check-in", api.token("kiosk1"), tap, key).expect(201);
        assertThat(resent.json()).isEqualTo(late);
        assertThat(resent.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        checkIn(eleven.get("code").asText()).expect(409); // without the key it is a second check-in
        assertThat(late.get("late").asBoolean()).isTrue();
        assertThat(late.get("appointment").get("status").asText()).isEqualTo("LATE");
        // the kiosk prints the ticket's phone view at the public URL, the address its QR code holds
        assertThat(late.get("viewUrl").asText()).isEqualTo(server.baseUrl() + "/t/" + late.get("ticket").get("id").asText());

        String cancel = "/api/v1/public/appointments/" + noon.get("id").asText() + "/cancel";
        assertThat(api.post(cancel, null, null).expect(200).json().get("status").asText()).isEqualTo("CANCELLED");
        api.post(cancel, null, null).expect(409);
        JsonNode after = api.get("/api/v1/public/branches/TR01/appointment-slots?serviceId=" + p + "&date=2026-11-26", null)
                .expect(200).json();
        assertThat(after).hasSize(1); // only noon has not begun
        assertThat(after.get(0).get("free").asInt()).isEqualTo(1);

        // an appointment is for its day: the next morning its code is no walk-in ticket
        JsonNode missed = book(p, at(12, 0), null).expect(201).json();
        CLOCK.advance(Duration.ofDays(1));
        assertThat(checkIn(missed.get("code").asText()).expect(409).body()).contains("appointment-expired");
    }

    private static String serve(long counter) {
        JsonNode t = api.act("clerk1", "/api/v1/counters/" + counter + "/call-next").expect(200).json();
        api.act("clerk1", "/api/v1/tickets/" + t.get("id").asText() + "/start").expect(200);
        api.act("clerk1", "/api/v1/tickets/" + t.get("id").asText() + "/finish").expect(200);
        return t.get("number").asText();
    }
}
