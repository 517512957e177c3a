package al.sportel.tools.perf;

import al.sportel.model.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A day of three payment partners (a post office network, a bank, a mobile operator) against a
 * running server, through the signed partner API only, with the faults real integrations have:
 * timeouts and retries, payments that never arrive, a file that comes late, wrong amounts,
 * duplicated file lines, reversals. Then it reconciles every partner's day and checks the books:
 * every lek accepted is on the customers' ledger exactly once, and every planted discrepancy is found.
 *
 * <pre>java -cp tools/target/sportel-tools.jar al.sportel.tools.perf.PartnerSimulator --server http://127.0.0.1:8080
 *      [--payments 5000] [--threads 4] [--customers 200] [--seed 18]</pre>
 */
public final class PartnerSimulator {

    private static final ZoneId TIRANE = ZoneId.of("Europe/Tirane");
    private static final String[][] KINDS = {{"POST", "P", "800", "6000"}, {"BANK", "B", "1500", "15000"}, {"MOBILE", "M", "300", "4000"}};
    // planted per partner: what the reconciliation must find
    private static final int LOST = 5;
    private static final int UNREPORTED = 4;
    private static final int WRONG_AMOUNT = 3;
    private static final int FILE_DUPLICATES = 2;
    private static final int REVERSED_IN_FILE = 1;
    /** Same-day cancellations that the partner correctly leaves out of its file: no discrepancy. */
    private static final int REVERSALS = 10;
    /** Lines missing from the first file and sent in a corrected file later: no discrepancy once it arrives. */
    private static final int LATE_LINES = 50;

    record Payment(int index, String ref, String customer, long amount, Instant paidAt) {
        String json() {
            return "{\"partnerReference\":\"%s\",\"customerCode\":\"%s\",\"amount\":\"%s\",\"paidAt\":\"%s\",\"method\":\"CASH\"}"
                    .formatted(ref, customer, Money.format(amount), paidAt);
        }

        String line(long fileAmount) {
            return ref + "," + customer + "," + Money.format(fileAmount) + "," + paidAt;
        }
    }

    /** One partner's day: its plan, its faults and what the server answered. */
    static final class Day {
        final String kind;
        final String code;
        final List<Payment> plan = new ArrayList<>();
        final Set<Integer> lost = new HashSet<>();
        final Set<Integer> timeouts = new HashSet<>();
        final Set<Integer> resends = new HashSet<>();
        final Map<String, Long> ids = new ConcurrentHashMap<>();
        final Map<String, Integer> planted = new LinkedHashMap<>();
        PartnerLink link;

        Day(String kind, String code) {
            this.kind = kind;
            this.code = code;
        }
    }

    private final HttpApi api;
    private final int payments;
    private final int threads;
    private final int customers;
    private final long seed;
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger httpSends = new AtomicInteger();
    private final AtomicInteger timeoutsHit = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger replays = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    PartnerSimulator(String server, int payments, int threads, int customers, long seed) {
        this.api = new HttpApi(server);
        this.payments = payments;
        this.threads = threads;
        this.customers = customers;
        this.seed = seed;
    }

    public static void main(String[] args) throws Exception {
        String server = null;
        int payments = 5000;
        int threads = 4;
        int customers = 200;
        long seed = 18;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = args[++i];
                case "--payments" -> payments = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--customers" -> customers = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (server == null) {
            throw new IllegalArgumentException("--server URL is required (a running server with --demo data)");
        }
        boolean ok = new PartnerSimulator(server, payments, threads, customers, seed).play();
        System.exit(ok ? 0 : 1);
    }

    boolean play() throws Exception {
        String admin = api.login("admin", "sportel");
        long[] before = ledger(admin);
        LocalDate today = LocalDate.now(TIRANE);
        List<Day> days = new ArrayList<>();
        for (int k = 0; k < KINDS.length; k++) {
            days.add(setUp(admin, k, today));
        }
        long t0 = System.nanoTime();
        List<ExecutorService> pools = new ArrayList<>();
        for (Day d : days) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            pools.add(pool);
            for (Payment p : d.plan) {
                if (!d.lost.contains(p.index())) {
                    pool.submit(() -> send(d, p));
                }
            }
        }
        for (ExecutorService pool : pools) {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
        }
        long sendMs = (System.nanoTime() - t0) / 1_000_000;
        long accepted = 0;
        long netAccepted = 0;
        boolean balanced = true;
        int plantedTotal = 0;
        int foundTotal = 0;
        for (Day d : days) {
            Set<String> reversed = reverse(d);
            settle(admin, d, today, reversed);
            JsonNode totals = api.get("/api/v1/reconciliation?partner=" + d.code + "&date=" + today, admin).body().get("totals");
            long expected = 0;
            int expectedCount = 0;
            for (Payment p : d.plan) {
                if (d.ids.containsKey(p.ref()) && !reversed.contains(p.ref())) {
                    expected += p.amount();
                    expectedCount++;
                }
            }
            accepted += d.ids.size();
            netAccepted += expected;
            boolean partnerBalanced = Money.parse(totals.get("receivedTotal").asText()) == expected
                    && totals.get("receivedPayments").asInt() == expectedCount;
            balanced &= partnerBalanced;
            Map<String, Integer> found = Map.of("missing", totals.get("missing").asInt(), "unreported", totals.get("unreported").asInt(),
                    "amountMismatches", totals.get("amountMismatches").asInt(), "duplicates", totals.get("duplicates").asInt(),
                    "reversed", totals.get("reversed").asInt());
            StringBuilder line = new StringBuilder();
            for (var e : d.planted.entrySet()) {
                line.append(' ').append(e.getKey()).append(' ').append(e.getValue()).append('/').append(found.get(e.getKey()));
                plantedTotal += e.getValue();
                foundTotal += found.get(e.getKey());
                balanced &= e.getValue().equals(found.get(e.getKey()));
            }
            System.out.printf("%-6s %-7s received %5d payments %14s lek (expected %14s), file %s lek, difference %s; planted/found:%s%n",
                    d.kind, d.code, totals.get("receivedPayments").asInt(), totals.get("receivedTotal").asText(), Money.format(expected),
                    totals.get("fileTotal").asText(), totals.get("difference").asText(), line);
        }
        long[] after = ledger(admin);
        long ledgerDelta = (before[0] - after[0]) + (after[1] - before[1]);
        boolean ledgerOk = ledgerDelta == netAccepted;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int planned = payments * days.size();
        System.out.printf("payments planned %d, sent %d (HTTP sends %d: %d timeouts, %d retries after errors, %d deliberate resends), "
                        + "accepted %d, replayed %d, refused %d, duplicates %d%n",
                planned, planned - LOST * days.size(), httpSends.get(), timeoutsHit.get(), retries.get(),
                days.stream().mapToInt(d -> d.resends.size()).sum(), accepted, replays.get(), refused.get(), duplicates.get());
        System.out.printf("discrepancies planted %d, found %d; customers' ledger moved %s lek for %s lek accepted (net of reversals): %s%n",
                plantedTotal, foundTotal, Money.format(ledgerDelta), Money.format(netAccepted), ledgerOk ? "equal" : "NOT EQUAL");
        System.out.printf("partner API latency p50 %d ms, p95 %d ms, p99 %d ms over %d answers; %.0f payments/s%n",
                pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), sorted.size(), 1000.0 * accepted / Math.max(1, sendMs));
        boolean ok = balanced && ledgerOk && duplicates.get() == 0 && refused.get() == 0;
        System.out.println(ok ? "BOOKS BALANCE" : "BOOKS DO NOT BALANCE");
        return ok;
    }

    private Day setUp(String admin, int k, LocalDate today) throws IOException {
        String[] kind = KINDS[k];
        Day d = new Day(kind[0], "S" + run + kind[1]);
        JsonNode partner = api.post("/api/v1/partners", admin, Map.of("code", d.code, "name", "Simulated " + kind[0].toLowerCase() + " " + run,
                "kind", kind[0])).body();
        JsonNode key = api.post("/api/v1/partners/" + partner.get("id").asLong() + "/credentials", admin, Map.of()).body();
        d.link = new PartnerLink(api.client(), api.base(), key.get("keyId").asText(), key.get("secret").asText());
        Random random = new Random(seed * 31 + k);
        Instant now = Instant.now();
        long sinceMidnight = Duration.between(today.atStartOfDay(TIRANE).toInstant(), now).getSeconds();
        long spread = Math.max(1, Math.min(8 * 3600, sinceMidnight - 60));
        long min = Long.parseLong(kind[2]);
        long max = Long.parseLong(kind[3]);
        for (int i = 0; i < payments; i++) {
            long amount = (min + (long) (random.nextDouble() * (max - min))) * 100 + random.nextInt(100);
            d.plan.add(new Payment(i, d.code + "-" + i, Integer.toString(100001 + random.nextInt(customers)), amount,
                    now.minusSeconds((long) (random.nextDouble() * spread))));
        }
        while (d.lost.size() < LOST) {
            d.lost.add(random.nextInt(payments));
        }
        for (int i = 0; i < payments; i++) {
            if (random.nextDouble() < 0.01) {
                d.timeouts.add(i);
            } else if (random.nextDouble() < 0.02) {
                d.resends.add(i);
            }
        }
        return d;
    }

    /** Sends one payment until it is answered, as a partner's system does after a timeout or a broken connection. */
    private void send(Day d, Payment p) {
        try {
            if (d.timeouts.contains(p.index())) {
                try {
                    httpSends.incrementAndGet();
                    d.link.send("POST", "/api/v1/channels/payments", p.json(), "application/json", Duration.ofMillis(1));
                } catch (HttpTimeoutException e) {
                    timeoutsHit.incrementAndGet();
                }
            }
            record(d, p, deliver(d, p));
            if (d.resends.contains(p.index())) {
                record(d, p, deliver(d, p));
            }
        } catch (IOException | RuntimeException e) {
            refused.incrementAndGet();
            System.err.println("payment " + p.ref() + " failed: " + e);
        }
    }

    private PartnerLink.Answer deliver(Day d, Payment p) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                httpSends.incrementAndGet();
                PartnerLink.Answer a = d.link.send("POST", "/api/v1/channels/payments", p.json(), "application/json", Duration.ofSeconds(30));
                latencies.add(a.nanos() / 1_000_000);
                if (a.status() != 503) {
                    return a;
                }
            } catch (IOException e) {
                last = e;
            }
            retries.incrementAndGet();
            sleep(100L * (attempt + 1));
        }
        throw last != null ? last : new IOException("server busy ten times in a row");
    }

    private void record(Day d, Payment p, PartnerLink.Answer a) {
        if (a.status() != 201) {
            refused.incrementAndGet();
            System.err.println("payment " + p.ref() + " refused: " + a.status() + " " + a.body());
            return;
        }
        if (a.replayed()) {
            replays.incrementAndGet();
        }
        long id = a.body().get("id").asLong();
        Long first = d.ids.putIfAbsent(p.ref(), id);
        if (first != null && first != id) {
            duplicates.incrementAndGet();
        }
    }

    /** Same-day cancellations of a few accepted payments. */
    private Set<String> reverse(Day d) throws IOException {
        Set<String> reversed = new HashSet<>();
        for (Payment p : d.plan) {
            if (reversed.size() == REVERSALS) {
                break;
            }
            if (d.ids.containsKey(p.ref()) && p.index() % 97 == 0) {
                PartnerLink.Answer a = d.link.send("POST", "/api/v1/channels/payments/" + p.ref() + "/reversal", "", "application/json",
                        Duration.ofSeconds(30));
                if (a.status() == 200) {
                    reversed.add(p.ref());
                }
            }
        }
        return reversed;
    }

    /**
     * The partner's settlement file with the planted faults; first sent without its last lines (they
     * come late, in a corrected file), then complete.
     */
    private void settle(String admin, Day d, LocalDate today, Set<String> reversed) throws IOException {
        List<String> lines = new ArrayList<>();
        int unreported = 0;
        int wrong = 0;
        int dup = 0;
        int reversedInFile = 0;
        for (Payment p : d.plan) {
            boolean received = d.ids.containsKey(p.ref());
            if (!received) {
                lines.add(p.line(p.amount()));
            } else if (reversed.contains(p.ref())) {
                if (reversedInFile++ < REVERSED_IN_FILE) {
                    lines.add(p.line(p.amount()));
                }
            } else if (p.index() % 101 == 7 && unreported < UNREPORTED) {
                unreported++;
            } else if (p.index() % 103 == 11 && wrong < WRONG_AMOUNT) {
                wrong++;
                lines.add(p.line(p.amount() + 1000));
            } else if (p.index() % 107 == 13 && dup < FILE_DUPLICATES) {
                dup++;
                lines.add(p.line(p.amount()));
                lines.add(p.line(p.amount()));
            } else {
                lines.add(p.line(p.amount()));
            }
        }
        d.planted.put("missing", (int) d.plan.stream().filter(p -> !d.ids.containsKey(p.ref())).count());
        d.planted.put("unreported", unreported);
        d.planted.put("amountMismatches", wrong);
        d.planted.put("duplicates", dup);
        d.planted.put("reversed", Math.min(reversedInFile, REVERSED_IN_FILE));
        String path = "/api/v1/channels/settlements?date=" + today;
        String header = "reference,customer,amount,paidAt\n";
        PartnerLink.Answer early = d.link.send("POST", path, header + String.join("\n", lines.subList(0, lines.size() - LATE_LINES)),
                "text/csv", Duration.ofSeconds(60));
        JsonNode partial = api.get("/api/v1/reconciliation?partner=" + d.code + "&date=" + today, admin).body().get("totals");
        PartnerLink.Answer full = d.link.send("POST", path, header + String.join("\n", lines), "text/csv", Duration.ofSeconds(60));
        if (early.status() != 200 || full.status() != 200) {
            throw new IOException("settlement file refused: " + early.status() + " / " + full.status() + " " + full.body());
        }
        System.out.printf("%-6s %-7s first file without its %d late lines: %d unreported; the late file replaced it%n",
                d.kind, d.code, LATE_LINES, partial.get("unreported").asInt());
    }

    /** Sum of what the customers owe and of the credit they hold, in qindarka. */
    private long[] ledger(String admin) throws IOException {
        long owed = 0;
        long credit = 0;
        for (int i = 1; i <= customers; i++) {
            JsonNode c = api.get("/api/v1/customers/" + (100000 + i), admin).body();
            owed += Money.parse(c.get("balance").asText());
            credit += Money.parse(c.get("credit").asText());
        }
        return new long[] {owed, credit};
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
