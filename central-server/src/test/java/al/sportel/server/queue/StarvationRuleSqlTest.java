package al.sportel.server.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import al.sportel.model.CounterStatus;
import al.sportel.server.TestServer;
import al.sportel.server.db.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's call-next evaluates the no-starvation rule in SQL ({@link PgCallNext}); H2 and the
 * remote-ticket case keep {@link StarvationGuard} in Java. On random queues (priority and regular
 * tickets, calls in runs, reactivated no-shows, appointments in and out of their slot, transfers to
 * the counter, rules on and off) both must lift the same ticket with the same mark (IN_ROW / WAIT)
 * and call the same ticket next.
 */
class StarvationRuleSqlTest {

    private static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");
    private static TestServer server;
    private static Database db;

    @BeforeAll
    static void start() {
        assumeTrue("postgres".equals(System.getProperty("sportel.test.db")), "the rule in SQL is PostgreSQL's");
        server = TestServer.start();
        db = server.server().database();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sqlAndJavaLiftAndCallTheSameTicket() {
        Random random = new Random(21);
        long counterId = db.read(h -> h.createQuery("SELECT MIN(id) FROM counters WHERE branch_code = 'TR01'")
                .mapTo(Long.class).one());
        List<Long> allServices = db.read(h -> h.createQuery("SELECT id FROM services WHERE branch_code = 'TR01' ORDER BY id")
                .mapTo(Long.class).list());
        int lifted = 0;
        int inRow = 0;
        for (int scenario = 0; scenario < 150; scenario++) {
            LocalDate day = LocalDate.of(2031, 1, 1).plusDays(scenario);
            Instant now = day.atTime(14, 0).atZone(TIRANA).toInstant();
            List<Long> services = new ArrayList<>(allServices.subList(0, 1 + random.nextInt(Math.min(3, allServices.size()))));
            if (random.nextInt(10) == 0) {
                services = List.of(); // a counter with no services takes transfers only; the guard then sees them all
            }
            List<Long> counterServices = services;
            int n = scenario;
            Map<String, String> java = new HashMap<>();
            Map<String, String> sql = new HashMap<>();
            String[] next = new String[2];
            db.jdbi().useHandle(h -> {
                h.begin();
                rules(h, allServices, random);
                tickets(h, allServices, counterId, day, now, random);
                StarvationGuard guard = StarvationGuard.load(h, "TR01", day, counterServices, now);
                h.createQuery("SELECT id FROM tickets WHERE business_date = :d").bind("d", day).mapTo(String.class)
                        .forEach(id -> {
                            if (guard.promotion(id) != null) {
                                java.put(id, guard.promotion(id));
                            }
                        });
                PgCallNext.bindRule(h.createQuery(PgCallNext.ruleQuery()), "TR01", counterServices, day, now)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> sql.put(e.getKey(), e.getValue()));
                CounterRow counter = new CounterRow(counterId, "TR01", 1, "1", CounterStatus.OPEN, null);
                next[0] = TicketClaim.candidate(h, counter, counterServices, day, guard).orElse(null);
                Optional<TicketRow> claimed = PgCallNext.claim(h, counter, counterServices, day, now).called();
                next[1] = claimed.map(TicketRow::id).orElse(null);
                if (claimed.isPresent()) {
                    String mark = h.createQuery("SELECT starvation_rule FROM tickets WHERE id = :id").bind("id", next[1])
                            .mapTo(String.class).one();
                    assertThat(mark).as("scenario %d: the claimed ticket's mark", n).isEqualTo(guard.promotion(next[1]));
                }
                h.rollback();
            });
            if (counterServices.isEmpty()) { // the guard saw every service, the claim's rule only the counter's (none)
                java.keySet().retainAll(sql.keySet());
            }
            assertThat(sql).as("scenario %d: lifted tickets", scenario).isEqualTo(java);
            assertThat(next[1]).as("scenario %d: the ticket called next", scenario).isEqualTo(next[0]);
            lifted += java.size();
            inRow += (int) java.values().stream().filter("IN_ROW"::equals).count();
        }
        // the random queues must reach both halves of the rule, or the comparison proves little
        assertThat(inRow).isGreaterThan(10);
        assertThat(lifted - inRow).isGreaterThan(10);
    }

    private static void rules(Handle h, List<Long> services, Random random) {
        for (long s : services) {
            Integer inRow = random.nextInt(4) == 0 ? null : random.nextInt(4);
            Integer wait = random.nextInt(4) == 0 ? null : random.nextInt(60);
            h.createUpdate("UPDATE services SET max_priority_in_row = :r, max_regular_wait_minutes = :w WHERE id = :s")
                    .bind("r", inRow).bind("w", wait).bind("s", s).execute();
        }
    }

    /** Today's queue: waiting tickets of every kind, and calls (some still CALLED at other counters) in between. */
    private static void tickets(Handle h, List<Long> services, long counterId, LocalDate day, Instant now, Random random) {
        Instant t = now.minus(Duration.ofMinutes(90));
        int count = 5 + random.nextInt(25);
        for (int i = 0; i < count; i++) {
            t = t.plusSeconds(random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(240)); // some share an issue time
            if (t.isAfter(now)) {
                t = now;
            }
            long service = services.get(random.nextInt(Math.min(3, services.size())));
            boolean priority = random.nextInt(3) == 0;
            boolean waiting = random.nextInt(5) < 2;
            String status = waiting ? "WAITING" : List.of("CALLED", "DONE", "NO_SHOW").get(random.nextInt(3));
            Instant called = waiting ? null : t.plusSeconds(1 + random.nextInt(600));
            if (called != null && !called.isBefore(now)) {
                called = now.minusSeconds(1);
            }
            called = called == null ? null : called.plusMillis(i); // calls never share a time (their order would be a coin toss)
            boolean callNext = waiting && random.nextInt(12) == 0;
            Long target = waiting && random.nextInt(12) == 0 ? counterId : null;
            Instant appointment = waiting && random.nextInt(8) == 0 ? now.minus(Duration.ofMinutes(random.nextInt(120) - 30)) : null;
            h.createUpdate("""
                            INSERT INTO tickets (id, branch_code, service_id, ticket_number, seq, business_date, status, priority,
                                                 issued_at, called_at, call_next, target_counter_id, appointment_start)
                            VALUES (:id, 'TR01', :s, :num, :seq, :d, :status, :p, :issued, :called, :cn, :target, :appt)
                            """)
                    .bind("id", "r" + day + "-" + i).bind("s", service).bind("num", "R" + i).bind("seq", i).bind("d", day)
                    .bind("status", status).bind("p", priority).bind("issued", t).bind("called", called).bind("cn", callNext)
                    .bind("target", target).bind("appt", appointment).execute();
        }
    }
}
