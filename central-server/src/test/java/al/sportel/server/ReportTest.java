package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import al.sportel.model.BusinessTime;
import al.sportel.model.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The branch report over a year of generated tickets and payments for one branch, checked against
 * figures computed here, independently of the server's SQL.
 */
class ReportTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Tirane");
    private static final LocalDate FIRST = LocalDate.of(2025, 11, 1);
    private static final int DAYS = 365;
    private static final int PER_DAY = 120;

    private record Gen(long serviceId, LocalDate day, String status, long waitSeconds, boolean called, long serviceSeconds, long clerk) {
    }

    private record Pay(LocalDate day, String method, long amount, boolean voided) {
    }

    private static TestServer server;
    private static String boss;
    private static Api api;
    private static final List<Gen> tickets = new ArrayList<>();
    private static final List<Pay> payments = new ArrayList<>();
    private static final Map<Long, String> letters = new HashMap<>();
    private static final Map<Long, String> clerkNames = new HashMap<>();

    @BeforeAll
    static void generateAYear() {
        server = TestServer.start();
        api = server.api();
        String admin = api.token("admin");
        api.post("/api/v1/branches", admin, Map.of("code", "YR01", "name", "Year", "city", "Vlorë", "address", "Rruga 1", "counters", 4))
                .expect(201);
        List<Long> services = new ArrayList<>();
        for (JsonNode s : api.get("/api/v1/branches/YR01/services", admin).expect(200).json()) {
            services.add(s.get("id").asLong());
            letters.put(s.get("id").asLong(), s.get("letter").asText());
        }
        List<Long> clerks = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            JsonNode u = api.post("/api/v1/users", admin, Map.of("username", "yr-clerk" + i, "displayName", "Klerk " + i, "role", "CLERK",
                    "branchCode", "YR01", "password", "password-" + i)).expect(201).json();
            clerks.add(u.get("id").asLong());
            clerkNames.put(u.get("id").asLong(), "yr-clerk" + i);
        }
        api.post("/api/v1/users", admin, Map.of("username", "yr-boss", "displayName", "Shefi", "role", "SUPERVISOR",
                "branchCode", "YR01", "password", "password-boss")).expect(201);
        boss = api.post("/api/v1/auth/login", null, Map.of("username", "yr-boss", "password", "password-boss")).expect(200).json()
                .get("token").asText();
        long counter = api.counterId("YR01", 1);
        Random rnd = new Random(2026);
        server.server().database().tx(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO tickets (id, branch_code, service_id, ticket_number, seq, business_date, status, priority, issued_at,
                                         called_at, started_at, finished_at, counter_id, served_by)
                    VALUES (:id, 'YR01', :s, :num, :seq, :d, :status, FALSE, :issued, :called, :started, :finished, :counter, :by)
                    """);
            PreparedBatch pay = h.prepareBatch("""
                    INSERT INTO payments (receipt_number, branch_code, customer_code, amount, method, tendered, change_due, counter_id,
                                          clerk_user_id, created_at, taken_at)
                    VALUES (:r, 'YR01', '100199', :amount, :method, NULL, 0, :counter, :clerk, :at, :at)
                    """);
            int n = 0;
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = FIRST.plusDays(d);
                Map<Long, Integer> seq = new HashMap<>();
                for (int i = 0; i < PER_DAY; i++) {
                    long service = services.get(rnd.nextInt(services.size()));
                    int number = seq.merge(service, 1, Integer::sum);
                    Instant issued = day.atTime(8, 0).atZone(ZONE).toInstant().plusSeconds(rnd.nextInt(8 * 3600));
                    double r = rnd.nextDouble();
                    String status = r < 0.86 ? "DONE" : r < 0.95 ? "NO_SHOW" : "CANCELLED";
                    boolean called = !status.equals("CANCELLED");
                    long wait = called ? rnd.nextInt(3600) : 0;
                    long service_ = status.equals("DONE") ? 30 + rnd.nextInt(1200) : 0;
                    long clerk = clerks.get(rnd.nextInt(clerks.size()));
                    Instant calledAt = called ? issued.plusSeconds(wait) : null;
                    Instant startedAt = status.equals("DONE") ? calledAt.plusSeconds(20) : null;
                    Instant finished = status.equals("DONE") ? startedAt.plusSeconds(service_) : status.equals("NO_SHOW")
                            ? calledAt.plusSeconds(60) : issued.plusSeconds(300);
                    batch.bind("id", "yr" + (n++)).bind("s", service).bind("num", letters.get(service) + number).bind("seq", number)
                            .bind("d", day).bind("status", status).bind("issued", issued).bind("called", calledAt)
                            .bind("started", startedAt).bind("finished", finished).bind("counter", called ? counter : null)
                            .bind("by", status.equals("DONE") ? clerk : null).add();
                    tickets.add(new Gen(service, day, status, wait, called, service_, status.equals("DONE") ? clerk : 0));
                    if (status.equals("DONE") && rnd.nextDouble() < 0.5) {
                        long amount = 100 + rnd.nextInt(900_000);
                        String method = rnd.nextBoolean() ? "CASH" : "CARD";
                        pay.bind("r", "YR01-" + n).bind("amount", amount).bind("method", method).bind("counter", counter)
                                .bind("clerk", clerk).bind("at", finished).add();
                        payments.add(new Pay(day, method, amount, false));
                    }
                }
            }
            batch.execute();
            pay.execute();
            // every 50th payment was voided before its day ended: reports leave it out
            List<Long> ids = h.createQuery("SELECT id FROM payments WHERE branch_code = 'YR01' ORDER BY id").mapTo(Long.class).list();
            for (int i = 0; i < ids.size(); i += 50) {
                Pay p = payments.get(i);
                h.execute("INSERT INTO payment_voids (payment_id, reason, user_id, created_at) VALUES (?, 'test', ?, ?)",
                        ids.get(i), clerks.get(0), BusinessTime.startOf(p.day().plusDays(1)).minusSeconds(60));
                payments.set(i, new Pay(p.day(), p.method(), p.amount(), true));
            }
            return null;
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** PERCENTILE_CONT as SQL defines it: linear interpolation between the two nearest ranks. */
    private static Long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        double rank = p * (v.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return Math.round(v[lo] + (rank - lo) * (v[hi] - v[lo]));
    }

    private static JsonNode report(LocalDate from, LocalDate to) {
        return api.get("/api/v1/reports/branch?branchCode=YR01&from=" + from + "&to=" + to, boss).expect(200).json();
    }

    private static void check(LocalDate from, LocalDate to) {
        long t0 = System.nanoTime();
        JsonNode r = report(from, to);
        System.out.printf("branch report %s … %s over %d generated tickets: %.0f ms (%s)%n", from, to, tickets.size(),
                (System.nanoTime() - t0) / 1e6, TestServer.onPostgres() ? "PostgreSQL" : "H2");
        List<Gen> in = tickets.stream().filter(t -> !t.day().isBefore(from) && !t.day().isAfter(to)).toList();
        assertThat(r.get("totals").get("issued").asInt()).isEqualTo(in.size());
        for (JsonNode s : r.get("services")) {
            long id = s.get("serviceId").asLong();
            List<Gen> mine = in.stream().filter(t -> t.serviceId() == id).toList();
            assertThat(s.get("issued").asInt()).as("issued " + letters.get(id)).isEqualTo(mine.size());
            assertThat(s.get("served").asInt()).isEqualTo(mine.stream().filter(t -> t.status().equals("DONE")).count());
            assertThat(s.get("noShows").asInt()).isEqualTo(mine.stream().filter(t -> t.status().equals("NO_SHOW")).count());
            assertThat(s.get("cancelled").asInt()).isEqualTo(mine.stream().filter(t -> t.status().equals("CANCELLED")).count());
            List<Long> waits = mine.stream().filter(Gen::called).map(Gen::waitSeconds).toList();
            List<Long> serviceTimes = mine.stream().filter(t -> t.status().equals("DONE")).map(Gen::serviceSeconds).toList();
            assertThat(s.get("waitMedianSeconds").asLong()).isCloseTo(percentile(waits, 0.5), within(1L));
            assertThat(s.get("waitP90Seconds").asLong()).isCloseTo(percentile(waits, 0.9), within(1L));
            assertThat(s.get("serviceMedianSeconds").asLong()).isCloseTo(percentile(serviceTimes, 0.5), within(1L));
            assertThat(s.get("serviceP90Seconds").asLong()).isCloseTo(percentile(serviceTimes, 0.9), within(1L));
        }
        for (JsonNode c : r.get("clerks")) {
            long id = c.get("userId").asLong();
            assertThat(c.get("served").asInt()).as(clerkNames.get(id)).isEqualTo(in.stream().filter(t -> t.clerk() == id).count());
        }
        for (JsonNode m : r.get("payments")) {
            List<Pay> mine = payments.stream().filter(p -> !p.voided() && p.method().equals(m.get("method").asText())
                    && !p.day().isBefore(from) && !p.day().isAfter(to)).toList();
            assertThat(m.get("count").asInt()).isEqualTo(mine.size());
            assertThat(Money.parse(m.get("amount").asText())).isEqualTo(mine.stream().mapToLong(Pay::amount).sum());
        }
        long total = payments.stream().filter(p -> !p.voided() && !p.day().isBefore(from) && !p.day().isAfter(to))
                .mapToLong(Pay::amount).sum();
        assertThat(Money.parse(r.get("paymentsTotal").asText())).isEqualTo(total);
    }

    @Test
    void aYearOfTicketsAddsUpToFiguresComputedIndependently() {
        assertThat(tickets).hasSize(DAYS * PER_DAY);
        check(FIRST, FIRST.plusDays(DAYS - 1));
    }

    @Test
    void aQuarterOfItToo() {
        check(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
        JsonNode empty = report(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31));
        assertThat(empty.get("totals").get("issued").asInt()).isZero();
        assertThat(empty.get("totals").get("waitMedianSeconds").isNull()).isTrue();
    }

    @Test
    void exportsAndRules() {
        Api.Response csv = api.get("/api/v1/reports/branch?branchCode=YR01&from=2026-01-01&to=2026-01-31&format=csv", boss).expect(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("service,issued,served").contains("method,count,amount").contains("\nALL,");
        Api.Response pdf = api.get("/api/v1/reports/branch?branchCode=YR01&from=2026-01-01&to=2026-01-31&format=pdf", boss).expect(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
        String pdfQuery = "/api/v1/reports/branch?branchCode=YR01&from=2026-01-01&to=2026-01-31&format=pdf";
        assertThat(api.pdfText(pdfQuery, boss)).contains("Raporti i qendrës YR01  01.01.2026 … 31.01.2026", "Shërbimi", "Pagesat")
                .doesNotContain("Payments");
        assertThat(api.pdfText(pdfQuery + "&lang=en", boss)).contains("Centre report YR01", "Service", "Payments");
        api.get("/api/v1/reports/branch?branchCode=YR01&from=2026-01-01&to=2026-01-31", api.token("clerk1")).expect(403);
        api.get("/api/v1/reports/branch?branchCode=YR01&from=2026-01-01&to=2026-01-31", api.token("supervisor1")).expect(403);
        api.get("/api/v1/reports/branch?branchCode=YR01&from=2026-01-01&to=2026-01-31", api.token("admin")).expect(200);
        api.get("/api/v1/reports/branch?branchCode=YR01&from=2026-02-01&to=2026-01-31", boss).expect(422);
        api.get("/api/v1/reports/branch?branchCode=YR01&from=yesterday&to=2026-01-31", boss).expect(422);
        api.get("/api/v1/reports/branch?branchCode=YR01&from=2026-01-01&to=2026-01-31&format=xls", boss).expect(422);
        api.get("/api/v1/reports/branch?from=2026-01-01&to=2026-01-31", boss).expect(422);
        api.get("/api/v1/reports/branch?branchCode=ZZ01&from=2026-01-01&to=2026-01-31", api.token("admin")).expect(404);
    }
}
