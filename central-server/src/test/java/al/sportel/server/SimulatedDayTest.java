package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One simulated day in Tirana, played twice over HTTP against the real server with a test clock: the
 * same arrivals (a busy morning, many priority customers, appointments, no-shows of whom half come back
 * within the grace period), once with the no-starvation rule and once without. Checks that every
 * ticket ends exactly once, that the rule shortens the longest regular wait, and measures the wait
 * forecast against what happened (mean absolute error, printed and bounded).
 */
class SimulatedDayTest {

    private static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");
    /** Arrivals per hour of payments from 08:00 to 16:00, and the share with a priority category. */
    private static final int[] PAYMENTS_PER_HOUR = {55, 95, 100, 80, 45, 50, 65, 40};
    private static final double PRIORITY_SHARE = 0.55;
    private static final String[] CATEGORIES = {"ELDERLY", "DISABILITY", "PREGNANCY"};
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T06:00:00Z"));
    private static TestServer server;
    private static Api api;

    enum Kind { ARRIVAL, CHECK_IN, FREE, COME_BACK }

    record Event(Instant at, int order, Kind kind, Arrival arrival, int counter, String ticketId) {
    }

    record Arrival(int second, String letter, String category, boolean noShow, boolean comesBack, int serviceSeconds,
                   int appointmentHour) {
    }

    /** What one played day produced. */
    record Day(long longestRegularWaitSeconds, double forecastMaeMinutes, int tickets, int reactivated, int appointments,
               boolean hintSeen) {
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(CLOCK);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theStarvationRuleShortensTheLongestRegularWaitAndEveryTicketEndsOnce() {
        List<Arrival> arrivals = arrivals(new Random(20));
        Day with = play(LocalDate.of(2026, 12, 1), arrivals, true);
        Day without = play(LocalDate.of(2026, 12, 2), arrivals, false);
        // printed, not logged: the figures are this test's report (the test log shows warnings only)
        System.out.printf("simulated day: %d tickets, %d appointments, %d no-shows came back; longest regular wait %.1f min with the "
                        + "starvation rule, %.1f min without; forecast mean absolute error %.1f min (with), %.1f min (without)%n",
                with.tickets(), with.appointments(), with.reactivated(), with.longestRegularWaitSeconds() / 60.0,
                without.longestRegularWaitSeconds() / 60.0, with.forecastMaeMinutes(), without.forecastMaeMinutes());
        assertThat(with.tickets()).isEqualTo(without.tickets()).isEqualTo(arrivals.size());
        assertThat(with.reactivated()).isPositive();
        assertThat(with.appointments()).isPositive();
        assertThat(with.longestRegularWaitSeconds()).isLessThan(without.longestRegularWaitSeconds());
        assertThat(with.hintSeen() || without.hintSeen()).as("the board suggested a staffing change in the peak").isTrue();
        assertThat(with.forecastMaeMinutes()).isLessThan(15);
    }

    /** The day's customers, from a seeded random source so both plays see the same ones. */
    private static List<Arrival> arrivals(Random r) {
        List<Arrival> out = new ArrayList<>();
        for (int hour = 0; hour < PAYMENTS_PER_HOUR.length; hour++) {
            double t = hour * 3600;
            while (true) {
                t += -Math.log(1 - r.nextDouble()) * 3600 / PAYMENTS_PER_HOUR[hour];
                if (t >= (hour + 1) * 3600) {
                    break;
                }
                String category = r.nextDouble() < PRIORITY_SHARE ? CATEGORIES[r.nextInt(CATEGORIES.length)] : null;
                boolean noShow = r.nextDouble() < 0.06;
                out.add(new Arrival((int) t, "P", category, noShow, noShow && r.nextBoolean(),
                        120 + (int) (-Math.log(1 - r.nextDouble()) * 60), -1));
            }
        }
        for (int i = 0; i < 40; i++) {
            out.add(new Arrival(r.nextInt(8 * 3600), "A", null, false, false, 200 + r.nextInt(200), -1));
        }
        // two appointments at 10:00 and two at 13:00; one of each arrives 25 minutes late
        for (int hour : new int[] {10, 13}) {
            out.add(new Arrival((hour - 8) * 3600 - 600, "P", null, false, false, 180, hour));
            out.add(new Arrival((hour - 8) * 3600 + 1500, "P", null, false, false, 180, hour));
        }
        out.sort((a, b) -> Integer.compare(a.second(), b.second()));
        return out;
    }

    private Day play(LocalDate date, List<Arrival> arrivals, boolean rule) {
        Instant opening = date.atTime(8, 0).atZone(TIRANA).toInstant();
        CLOCK.advance(Duration.between(CLOCK.instant(), opening.minus(Duration.ofMinutes(30))));
        api.forgetTokens();
        long p = api.serviceId("TR01", "P");
        long a = api.serviceId("TR01", "A");
        Map<String, Object> ruleBody = new HashMap<>();
        ruleBody.put("maxPriorityInRow", rule ? 3 : null);
        ruleBody.put("maxRegularWaitMinutes", rule ? 30 : null);
        api.put("/api/v1/services/" + p + "/fairness-rule", api.token("supervisor1"), ruleBody).expect(200);
        api.put("/api/v1/services/" + p + "/appointment-capacity", api.token("supervisor1"),
                Map.of("hours", List.of(Map.of("hour", 10, "capacity", 2), Map.of("hour", 13, "capacity", 2)))).expect(200);
        Map<Integer, List<String>> codes = new HashMap<>();
        int customer = 0;
        for (Arrival x : arrivals) {
            if (x.appointmentHour() >= 0) {
                // each customer books with their own phone (one phone holds at most 3 appointments to come)
                JsonNode booked = api.post("/api/v1/public/branches/TR01/appointments", null, Map.of("serviceId", p,
                        "start", date.atTime(x.appointmentHour(), 0).atZone(TIRANA).toInstant().toString(), "name", "Klient",
                        "phone", "+355 69 000 %04d".formatted(customer++))).expect(201).json();
                codes.computeIfAbsent(x.appointmentHour(), k -> new ArrayList<>()).add(booked.get("code").asText());
            }
        }
        // counters 1-3 take payments, 4 applications then payments; 5 stays closed for the staffing hint
        List<Long> counters = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            long id = api.counterId("TR01", n);
            api.put("/api/v1/counters/" + id + "/services", api.token("supervisor1"),
                    Map.of("serviceIds", n == 4 ? List.of(a, p) : List.of(p))).expect(200);
            Api.Response open = api.act("clerk" + n, "/api/v1/counters/" + id + "/open");
            assertThat(open.status()).isIn(200, 409);
            counters.add(id);
        }

        PriorityQueue<Event> events = new PriorityQueue<>((x, y) -> x.at().equals(y.at())
                ? Integer.compare(x.order(), y.order()) : x.at().compareTo(y.at()));
        int order = 0;
        for (Arrival x : arrivals) {
            events.add(new Event(opening.plusSeconds(x.second()), order++, x.appointmentHour() >= 0 ? Kind.CHECK_IN : Kind.ARRIVAL,
                    x, -1, null));
        }
        Map<String, Arrival> byTicket = new HashMap<>();
        Map<String, Instant> issuedAt = new HashMap<>();
        Map<String, Instant> firstCall = new HashMap<>();
        Map<String, Integer> ends = new HashMap<>();
        String[] current = new String[counters.size()];
        Map<Integer, Long> forecastAt = new LinkedHashMap<>();
        int reactivated = 0;
        boolean hintSeen = false;
        int nextHourCheck = 9;

        while (!events.isEmpty()) {
            Event e = events.poll();
            // the forecast is read at each full hour, before anything of that hour happens
            while (nextHourCheck <= 15 && !e.at().isBefore(date.atTime(nextHourCheck, 0).atZone(TIRANA).toInstant())) {
                CLOCK.advance(Duration.between(CLOCK.instant(), date.atTime(nextHourCheck, 0).atZone(TIRANA).toInstant()));
                JsonNode board = api.get("/api/v1/branches/TR01/board", api.token("supervisor1")).expect(200).json();
                for (JsonNode f : board.get("forecast")) {
                    if (f.get("letter").asText().equals("P")) {
                        forecastAt.put(nextHourCheck, f.get("forecastWaitSeconds").asLong());
                        if (f.path("hint").isObject()) {
                            hintSeen = true;
                            System.out.printf("%d:00 forecast %.1f min for P: the board suggests %s at counter %d (%.1f min after)%n",
                                    nextHourCheck, f.get("forecastWaitSeconds").asLong() / 60.0, f.get("hint").get("action").asText(),
                                    f.get("hint").get("counterNumber").asInt(), f.get("hint").get("forecastWaitSecondsAfter").asLong() / 60.0);
                        }
                    }
                }
                nextHourCheck++;
            }
            CLOCK.advance(Duration.between(CLOCK.instant(), e.at()));
            switch (e.kind()) {
                case ARRIVAL -> {
                    Map<String, Object> body = new HashMap<>();
                    body.put("serviceId", e.arrival().letter().equals("P") ? p : a);
                    if (e.arrival().category() != null) {
                        body.put("priorityCategory", e.arrival().category());
                    }
                    JsonNode t = api.post("/api/v1/branches/TR01/tickets", api.token("kiosk1"), body).expect(201).json();
                    byTicket.put(t.get("id").asText(), e.arrival());
                    issuedAt.put(t.get("id").asText(), CLOCK.instant());
                }
                case CHECK_IN -> {
                    String code = codes.get(e.arrival().appointmentHour()).remove(0);
                    JsonNode t = api.post("/api/v1/branches/TR01/appointments/check-in", api.token("kiosk1"), Map.of("code", code))
                            .expect(201).json().get("ticket");
                    byTicket.put(t.get("id").asText(), e.arrival());
                    issuedAt.put(t.get("id").asText(), CLOCK.instant());
                }
                case FREE -> {
                    String id = current[e.counter()];
                    String clerk = "clerk" + (e.counter() + 1);
                    Arrival x = byTicket.get(id);
                    boolean absent = x.noShow() && !ends.containsKey(id + "#back");
                    if (absent) {
                        api.act(clerk, "/api/v1/tickets/" + id + "/no-show").expect(200);
                        if (x.comesBack()) {
                            ends.put(id + "#back", 0);
                            events.add(new Event(CLOCK.instant().plus(Duration.ofMinutes(4)), order++, Kind.COME_BACK, x, -1, id));
                        } else {
                            ends.merge(id, 1, Integer::sum);
                        }
                    } else {
                        api.act(clerk, "/api/v1/tickets/" + id + "/finish").expect(200);
                        ends.merge(id, 1, Integer::sum);
                    }
                    current[e.counter()] = null;
                }
                case COME_BACK -> {
                    api.act("clerk1", "/api/v1/tickets/" + e.ticketId() + "/reactivate").expect(200);
                    reactivated++;
                }
            }
            // every free counter calls while something waits for it
            for (int c = 0; c < counters.size(); c++) {
                if (current[c] != null) {
                    continue;
                }
                String clerk = "clerk" + (c + 1);
                Api.Response r = api.act(clerk, "/api/v1/counters/" + counters.get(c) + "/call-next");
                if (r.status() == 204) {
                    continue;
                }
                String id = r.expect(200).json().get("id").asText();
                current[c] = id;
                firstCall.putIfAbsent(id, CLOCK.instant());
                Arrival x = byTicket.get(id);
                boolean absent = x.noShow() && !ends.containsKey(id + "#back");
                if (!absent) {
                    api.act(clerk, "/api/v1/tickets/" + id + "/start").expect(200);
                }
                events.add(new Event(CLOCK.instant().plusSeconds(absent ? 60 : x.serviceSeconds()), order++, Kind.FREE, x, c, id));
            }
        }

        JsonNode queue = api.get("/api/v1/branches/TR01/queue", api.token("supervisor1")).expect(200).json();
        assertThat(queue.get("waiting")).isEmpty();
        assertThat(queue.get("called")).isEmpty();
        assertThat(queue.get("serving")).isEmpty();
        ends.keySet().removeIf(k -> k.endsWith("#back"));
        assertThat(ends.keySet()).as("every ticket ended").isEqualTo(byTicket.keySet());
        assertThat(ends.values()).as("and only once").allMatch(n -> n == 1);

        long longestRegular = 0;
        Map<Integer, List<Long>> actualByHour = new HashMap<>();
        for (var entry : issuedAt.entrySet()) {
            Arrival x = byTicket.get(entry.getKey());
            long wait = Duration.between(entry.getValue(), firstCall.get(entry.getKey())).toSeconds();
            if (x.letter().equals("P") && x.category() == null && x.appointmentHour() < 0) {
                longestRegular = Math.max(longestRegular, wait);
            }
            if (x.letter().equals("P") && x.appointmentHour() < 0) {
                actualByHour.computeIfAbsent(entry.getValue().atZone(TIRANA).getHour(), k -> new ArrayList<>()).add(wait);
            }
        }
        double errorSum = 0;
        int hours = 0;
        for (var f : forecastAt.entrySet()) {
            List<Long> actual = actualByHour.get(f.getKey());
            if (actual == null || actual.isEmpty()) {
                continue;
            }
            double mean = actual.stream().mapToLong(Long::longValue).average().orElse(0);
            System.out.printf("%d:00 forecast %.1f min, actual mean %.1f min over %d tickets%n", f.getKey(), f.getValue() / 60.0,
                    mean / 60, actual.size());
            errorSum += Math.abs(f.getValue() - mean) / 60.0;
            hours++;
        }
        int appointments = (int) byTicket.values().stream().filter(x -> x.appointmentHour() >= 0).count();
        return new Day(longestRegular, Math.round(errorSum / hours * 10) / 10.0, byTicket.size(), reactivated, appointments, hintSeen);
    }
}
