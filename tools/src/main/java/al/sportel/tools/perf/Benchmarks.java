package al.sportel.tools.perf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The numbers of docs/benchmarks.md: call-next against the database's bare floor, event latency
 * with 10/100/1000 (and, on request, 5000) subscribers, payment throughput, and the server's resident memory. The server
 * runs as its own process (its jar) on PostgreSQL; this program is only a client, plus one JDBC
 * connection pool for the floor.
 *
 * <pre>java -cp tools/target/sportel-tools.jar al.sportel.tools.perf.Benchmarks \
 *      --db jdbc:postgresql://127.0.0.1:5432/sportel_test --db-user sportel --db-password sportel \
 *      --jar central-server/target/sportel-server.jar --out target/benchmarks.md</pre>
 */
public final class Benchmarks {

    /** The issue's table: 32 counters, in one centre and spread over several. */
    private static final int COUNTERS = 32;
    /** {@code --quick} shrinks the run to a smoke test of this program itself. */
    private int cyclesPerCounter = 30;
    /** {@code --events-only} measures the event rows alone (a few minutes instead of the whole run). */
    private boolean eventsOnly;
    /** {@code --call-next-only} measures the call-next rows alone (no event rounds, no payments). */
    private boolean callNextOnly;
    private int[] subscribers = {10, 100, 1000};
    /** {@code --server-log FILE}: where the server's log goes (discarded otherwise). */
    private Path serverLog;
    /** Rounds alternate API and floor (and the subscriber counts), so a load change hits both sides. */
    private static final int ROUNDS = 3;

    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private final String schema = "bench_" + Long.toString(System.currentTimeMillis(), 36);
    private final StringBuilder header = new StringBuilder();
    private final StringBuilder summary = new StringBuilder();
    private final StringBuilder report = new StringBuilder();
    private long idleRss;
    /** Call rounds measured so far (for the order of the two kinds of cycle). */
    private int measured;
    /** Answers other than 200/204 in the call rounds: each would leave a counter out of the later rounds. */
    private final AtomicInteger refused = new AtomicInteger();
    private long peakRss;
    /** The bare-socket floor's event rounds, measured beside the server's ({@link SocketFloor}). */
    private final List<double[]> eventFloor = new ArrayList<>();
    /** {@code --desktop CLERK_JAR}: the desktop rows too ({@link DesktopStart}); {@code --day}: the 10× day too. */
    private Path desktopJar;
    private boolean day;
    private Process server;
    private HttpApi api;
    private ProcessCpu cpu;
    private String admin;
    private final List<Long> counters = new ArrayList<>();
    private final List<String> clerks = new ArrayList<>();
    private long paymentServiceId;
    private static final int SPREAD_SITES = 8;
    private static final int COUNTERS_PER_SPREAD_SITE = 4;
    private final List<Site> spread = new ArrayList<>();

    Benchmarks(String dbUrl, String dbUser, String dbPassword) {
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
    }

    static final String USAGE = """
            Usage: java -cp tools/target/sportel-tools.jar %s --db JDBC_URL \\
                   --db-user USER --db-password PASSWORD [--jar central-server/target/sportel-server.jar] [--out FILE] [--events-only | --call-next-only]
                   [--subscribers 10,100,1000,5000] [--server-log FILE] [--desktop CLERK_JAR] [--day] [--cycles 30]
            Needs a PostgreSQL database the user may create schemas in (the benchmark makes its own and leaves it);
            on a fresh machine: sudo -u postgres psql -c "CREATE USER sportel PASSWORD 'sportel'" &&
                                sudo -u postgres createdb -O sportel sportel_test
            --out defaults to target/benchmarks.md; keep a run in docs/benchmarks-history.md and its table in docs/benchmarks.md.
            --desktop adds the desktop rows (needs a display: xvfb-run -a); --day adds the 10x day (5-10 min).
            --cycles: call-next cycles per counter and round (longer rounds to profile them).
            """.formatted(Benchmarks.class.getName());

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            // flags without a value (--events-only, --quick) may stand anywhere
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                o.put(args[i], args[++i]);
            }
        }
        String jar = o.getOrDefault("--jar", "central-server/target/sportel-server.jar");
        String problem = o.get("--db") == null || !o.get("--db").startsWith("jdbc:postgresql:") ? "--db must be a jdbc:postgresql: URL"
                : o.get("--db-user") == null ? "--db-user is required"
                : !Files.isRegularFile(Path.of(jar)) ? "no server jar at " + jar + " (build it: mvn -B -ntp -DskipTests package)"
                : null;
        if (problem != null) {
            System.err.println("benchmarks: " + problem);
            System.err.print(USAGE);
            System.exit(2);
        }
        Benchmarks b = new Benchmarks(o.get("--db"), o.get("--db-user"), o.get("--db-password"));
        if (List.of(args).contains("--quick")) {
            b.cyclesPerCounter = 2;
            b.subscribers = new int[] {10, 20};
        }
        if (o.containsKey("--cycles")) { // longer call-next rounds, e.g. to sample the processes' CPU during them
            b.cyclesPerCounter = Integer.parseInt(o.get("--cycles"));
        }
        b.eventsOnly = List.of(args).contains("--events-only");
        b.callNextOnly = List.of(args).contains("--call-next-only");
        b.day = List.of(args).contains("--day");
        if (o.containsKey("--desktop")) {
            b.desktopJar = Path.of(o.get("--desktop"));
            if (!Files.isRegularFile(b.desktopJar) || System.getenv("DISPLAY") == null) {
                System.err.println("benchmarks: --desktop needs the clerk jar and a display (run under xvfb-run -a)");
                System.exit(2);
            }
        }
        if (o.containsKey("--server-log")) {
            b.serverLog = Path.of(o.get("--server-log"));
        }
        if (o.containsKey("--subscribers")) {
            // e.g. 10,100,1000,5000: 5,000 streams are heavy for two shared cores, so only when asked
            b.subscribers = Arrays.stream(o.get("--subscribers").split(",")).mapToInt(x -> Integer.parseInt(x.trim())).toArray();
        }
        try (Connection c = b.jdbc()) {
            c.createStatement().execute("SELECT 1");
        } catch (SQLException e) {
            System.err.println("benchmarks: cannot connect to " + o.get("--db") + " as " + o.get("--db-user") + ": "
                    + e.getMessage().lines().findFirst().orElse("") + " (create the role and database first: see --help)");
            System.exit(1);
        }
        String out = b.run(jar, String.join(" ", args));
        Path file = Path.of(o.getOrDefault("--out", "target/benchmarks.md"));
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, out);
        System.out.println(out);
        System.out.println("written to " + file);
        System.exit(0);
    }

    String run(String jar, String command) throws Exception {
        try (Connection c = jdbc()) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        String url = dbUrl + (dbUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-jar", jar, "--demo", "--port", "0", "--db", url, "--data-dir", Files.createTempDirectory("bench").toString());
        pb.environment().put("SPORTEL_DB_USER", dbUser);
        pb.environment().put("SPORTEL_DB_PASSWORD", dbPassword);
        // a thousand screens on one machine: far beyond the per-address limit that protects a real server
        pb.environment().put("SPORTEL_DISPLAY_STREAMS_PER_ADDRESS", "100000");
        pb.environment().put("SPORTEL_KIOSK_TICKETS_PER_MINUTE", "1000000");
        pb.environment().put("SPORTEL_BOOKINGS_PER_HOUR", "1000000"); // the 10x day books from one address
        pb.redirectError(serverLog == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(serverLog.toFile()));
        server = pb.start();
        try {
            String ready = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            api = new HttpApi(ready.substring(ready.indexOf("http")));
            cpu = new ProcessCpu(server.pid());
            admin = api.login("admin", "sportel");
            setUp();
            header(command);
            idleRss = rssKb();
            peakRss = idleRss;
            if (eventsOnly) {
                eventsOnly();
            } else {
                callNext();
                if (!callNextOnly) {
                    payments();
                }
            }
            if (desktopJar != null) {
                summary.append("## The desktop rows (`DesktopStart`: bare JavaFX window, clerk desktop, and with the AppCDS archive ")
                        .append("the package installs, alternating, 3 rounds)\n\n").append(DesktopStart.rows(desktopJar)).append('\n');
            }
            if (day) {
                tenTimesDay();
            }
            return header.toString() + summary + report;
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
            try (Connection c = jdbc()) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /**
     * The 10× day against this server: 180 centres × 300 tickets, 6 counters each, at 600× real time
     * ({@link DaySimulator}); its ratio is the real 8 hours over the wall time it took.
     */
    private void tenTimesDay() throws Exception {
        DaySimulator sim = new DaySimulator(api.base(), 180, 300, 6, 600, false);
        boolean balanced = sim.play();
        double seconds = sim.dayMillis() / 1000.0;
        summary.append("## The 10× day\n\n| goal | played in | ratio | books | target |\n|---|---|---|---|---|\n")
                .append(String.format("| 10× day (180 centres × 300 tickets) played / real 8 h | %.1f s | **1/%.0f** | %s | ≤ 1/100 (288 s) |%n%n",
                        seconds, 8 * 3600 / seconds, balanced ? "balanced" : "NOT balanced"));
    }

    /** One centre's counters, each opened by its own clerk and serving payments only. */
    private record Site(String code, long paymentServiceId, List<Long> counters, List<String> clerks) {
    }

    private void setUp() throws Exception {
        Site one = site("BM01", COUNTERS);
        counters.addAll(one.counters());
        clerks.addAll(one.clerks());
        paymentServiceId = one.paymentServiceId();
        for (int i = 1; i <= SPREAD_SITES; i++) {
            spread.add(site("BS%02d".formatted(i), COUNTERS_PER_SPREAD_SITE));
        }
    }

    private Site site(String code, int counterCount) throws Exception {
        api.post("/api/v1/branches", admin, Map.of("code", code, "name", "Bench " + code, "city", "Bench", "address", "Bench",
                "counters", counterCount));
        long payment = 0;
        for (JsonNode s : api.get("/api/v1/branches/" + code + "/services", admin).body()) {
            if (s.get("letter").asText().equals("P")) {
                payment = s.get("id").asLong();
            }
        }
        long paymentService = payment;
        List<Long> ids = new ArrayList<>();
        for (JsonNode c : api.get("/api/v1/branches/" + code + "/counters", admin).body()) {
            ids.add(c.get("id").asLong());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> tokens = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long counter = ids.get(i);
            String name = "bench-" + code.toLowerCase() + "-" + i;
            tokens.add(pool.submit(() -> {
                api.post("/api/v1/users", admin, Map.of("username", name, "displayName", name, "role", "CLERK",
                        "branchCode", code, "password", "bench-password"));
                String token = api.login(name, "bench-password");
                // every counter serves payments only, so all calls compete for one queue
                api.send("PUT", "/api/v1/counters/" + counter + "/services", admin, Map.of("serviceIds", List.of(paymentService)), Map.of());
                api.post("/api/v1/counters/" + counter + "/open", token, null);
                return token;
            }));
        }
        List<String> clerkTokens = new ArrayList<>();
        for (Future<String> t : tokens) {
            clerkTokens.add(t.get());
        }
        pool.shutdown();
        return new Site(code, paymentService, ids, clerkTokens);
    }

    private void header(String command) throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        String pg;
        try (Connection c = jdbc(); ResultSet rs = c.createStatement().executeQuery("SELECT version()")) {
            rs.next();
            pg = rs.getString(1).split(",")[0] + settings(c);
        } catch (Exception e) {
            pg = "?";
        }
        header.append("# Benchmarks\n\n")
                .append("Measured ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores (").append(cpu).append("), ").append(mem).append(", Java ").append(System.getProperty("java.version"))
                .append(", ").append(pg).append(". The server runs as its own process (`-Xmx1g`) on the same machine as the ")
                .append("database and this client, so all three share the two cores.\n\n")
                .append("Command: `java -cp tools/target/sportel-tools.jar ").append(Benchmarks.class.getName()).append(" ")
                .append(command.replaceAll("--db-password \\S+", "--db-password ***")).append("`\n\n");
    }

    /**
     * Settings that change every statement's cost. A profile's pg_stat_statements left loaded once ran under seven
     * rounds without anyone seeing it (nineteenth round), so the header names them. A user who is not a superuser
     * does not see shared_preload_libraries: then it says so.
     */
    private static String settings(Connection c) throws SQLException {
        Map<String, String> seen = new TreeMap<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT name, setting, unit FROM pg_settings WHERE name IN "
                + "('shared_preload_libraries', 'shared_buffers', 'synchronous_commit', 'fsync', 'max_connections')")) {
            while (rs.next()) {
                String unit = rs.getString(3);
                seen.put(rs.getString(1), rs.getString(2).isBlank() ? "none"
                        : rs.getString(2) + ("8kB".equals(unit) ? " × 8 kB" : unit == null ? "" : " " + unit));
            }
        }
        seen.putIfAbsent("shared_preload_libraries", "not visible to this user");
        return " (" + seen.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
    }

    /** A run's rate, its latencies and the CPU milliseconds each cycle (or floor claim) cost the processes. */
    private record Run(double rate, long[] nanos, ProcessCpu.Sample cpu) {
        double p(double pct) {
            return Percentiles.of(nanos, pct);
        }
    }

    /** The issue's table, each row a ratio against its baseline of the same round; then the raw figures. */
    private void callNext() throws Exception {
        List<Site> one = List.of(new Site("BM01", paymentServiceId, counters, clerks));
        List<double[]> oneCentre = new ArrayList<>(); // per round: api/s, floor/s, p50, p95, p99, floor p50, p95, p99
        List<double[]> spreadOut = new ArrayList<>();
        // one untimed round first, as JMH warms up: the server's first thousand requests run in the
        // interpreter and C1, and a round 1 measured there says more about the JIT than about the server
        measure(one);
        for (int r = 0; r < ROUNDS; r++) {
            oneCentre.add(measure(one));
            spreadOut.add(measure(spread));
        }
        List<double[]> events = callNextOnly ? List.of() : eventRounds();
        summary.append("## The issue's table, as ratios against baselines of the same run\n\n")
                .append(ROUNDS).append(" rounds; in each, the API and its floor run one after the other (and the subscriber ")
                .append("counts one after another), so a change of machine load shows on both sides of a ratio.\n\n")
                .append("| goal | round 1 | round 2 | round 3 | median | target |\n|---|---|---|---|---|---|\n");
        ratioRow("call-next cycles / floor claims, " + COUNTERS + " counters in one centre", oneCentre, x -> x[0] / x[1], "≥ 0.5");
        ratioRow("the same, " + COUNTERS + " counters over " + SPREAD_SITES + " centres", spreadOut, x -> x[0] / x[1], "≥ 0.5");
        ratioRow("call-next p99 / p50 (one centre)", oneCentre, x -> x[4] / x[2], "≤ 3");
        ratioRow("*(new)* call cycles in one request (end-and-call-next) / floor claims, one centre", oneCentre,
                x -> x[8] / x[1], "≥ 0.5");
        ratioRow("*(new)* the same, " + SPREAD_SITES + " centres", spreadOut, x -> x[8] / x[1], "≥ 0.5");
        ratioRow("*(new)* end-and-call-next p99 / p50 (one centre)", oneCentre, x -> x[11] / x[9], "≤ 3");
        ratioRow("(floor) a cycle's database work alone, two transactions / floor claims, one centre", oneCentre,
                x -> x[12] / x[1], "—");
        ratioRow("(floor) call-next cycles / that database work", oneCentre, x -> x[0] / x[12], "—");
        ratioRow("(floor) the same work in one transaction / floor claims, one centre", oneCentre, x -> x[13] / x[1], "—");
        ratioRow("(floor) end-and-call-next cycles / that database work", oneCentre, x -> x[8] / x[13], "—");
        if (!callNextOnly) {
            ratioRow("event p95 at 1,000 subscribers / at 10", events, this::eventRatio, "≤ 2");
            floorRows(events);
        }
        summary.append("\nThe p95 at 10 subscribers counts as at least 0.1 ms, so a near-zero baseline cannot inflate the ratio. ")
                .append(desktopJar == null ? "The desktop rows: `--desktop CLERK_JAR` (under `xvfb-run -a`). " : "")
                .append(day ? "" : "The 10× day: `--day` (5 to 10 minutes more).").append("\n\n");
        report.append("## Call-next against the database floor\n\n")
                .append("Each counter calls ").append(cyclesPerCounter).append(" tickets (call-next over HTTP, then no-show to free the ")
                .append("counter). The floor is a JDBC loop doing the same row-locking claim ")
                .append("(`UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED) RETURNING`) on the same table shape with the ")
                .append("same number of threads and connections. One untimed round of both warms the server (and PostgreSQL) up first, and the tickets table is analyzed after each round's tickets are issued, as autovacuum keeps a running database's statistics.\n\n")
                .append("| counters | round | call-next/s | p50 / p95 / p99 ms | floor claims/s | floor p50 / p95 / p99 ms | ratio API/floor |\n")
                .append("|---|---|---|---|---|---|---|\n");
        rawRows(COUNTERS + " in one centre", oneCentre);
        rawRows(COUNTERS + " in " + SPREAD_SITES + " centres of " + COUNTERS_PER_SPREAD_SITE, spreadOut);
        report.append("\nThe same cycles in one request each: `end-and-call-next` marks the counter's last ticket a no-show and ")
                .append("calls the next in one transaction (the desktop's \"no-show, call next\"), in the same round as the ")
                .append("two-request cycles (before them in every other round, after them in the others). Its latencies are ")
                .append("those of end-and-call-next alone (each counter's first call is a plain call-next).")
                .append(refused.get() == 0 ? "" : " **" + refused.get() + " answers were neither 200 nor 204**: those counters "
                        + "sat out the rest of their round.")
                .append("\n\n")
                .append("| counters | round | cycles/s | p50 / p95 / p99 ms | ratio to the floor | to the two-request cycles |\n")
                .append("|---|---|---|---|---|---|\n");
        oneRequestRows(COUNTERS + " in one centre", oneCentre);
        oneRequestRows(COUNTERS + " in " + SPREAD_SITES + " centres of " + COUNTERS_PER_SPREAD_SITE, spreadOut);
        report.append("\nThe database work of a cycle alone (`CycleFloor`): a JDBC loop on the floor's table shape and ")
                .append("connections that claims, ends the ticket and writes one display-sized event row for each, committed: ")
                .append("in two transactions as the two requests do, and in one as end-and-call-next does. No server, HTTP, ")
                .append("authentication, fairness rule or event numbering: the most any server keeping the event log could reach.\n\n")
                .append("| counters | round | two transactions cycles/s | / floor | one transaction cycles/s | / floor |\n")
                .append("|---|---|---|---|---|---|\n");
        workRows(COUNTERS + " in one centre", oneCentre);
        workRows(COUNTERS + " in " + SPREAD_SITES + " centres of " + COUNTERS_PER_SPREAD_SITE, spreadOut);
        int cores = Runtime.getRuntime().availableProcessors();
        report.append("\nWhere the CPU goes: milliseconds of CPU per cycle (per claim for the floor), medians of the rounds, ")
                .append("read from `/proc` before and after each timed run: the server's process (and its JIT compiler ")
                .append("threads within it), every PostgreSQL process, and this client; \"all\" adds the medians of the three. ")
                .append(String.format("%d cores give %,d ms a second, so a rate of 0.5 × the floor leaves the three together "
                        + "%2$,d / (0.5 × floor claims/s) ms per cycle. The floor's ", cores, 1000 * cores))
                .append("server column is what the idle server did meanwhile (its JIT finishing); its figures are short ")
                .append("runs read in 10 ms ticks, so they are rough.\n\n")
                .append("| counters | run | server | of which JIT | PostgreSQL | client | all |\n|---|---|---|---|---|---|---|\n");
        cpuRows(COUNTERS + " in one centre", oneCentre);
        cpuRows(COUNTERS + " in " + SPREAD_SITES + " centres of " + COUNTERS_PER_SPREAD_SITE, spreadOut);
        report.append('\n');
        if (!callNextOnly) {
            eventReport(events);
        }
    }

    /** The event row of the issue's table alone, against its baseline of the same round. */
    private void eventsOnly() throws Exception {
        List<double[]> events = eventRounds();
        summary.append("## The event row of the issue's table (--events-only)\n\n")
                .append("| goal | round 1 | round 2 | round 3 | median | target |\n|---|---|---|---|---|---|\n");
        ratioRow("event p95 at 1,000 subscribers / at 10", events, this::eventRatio, "≤ 2");
        floorRows(events);
        summary.append('\n');
        eventReport(events);
    }

    private void eventReport(List<double[]> events) {
        report.append("## Event latency\n\n")
                .append("Subscribers hold the public display stream of the branch; one counter makes 100 calls one after another. ")
                .append("Latency is from the moment the call's response arrives to the moment each subscriber reads the event ")
                .append("(an event that arrives before the response counts as 0).\n\n")
                .append("The screens are read by a few selector threads of this client, each time taken right after the read ")
                .append("that brought the event; \"received\" is the share of (calls × subscribers) events that arrived at all.\n\n")
                .append("| round | subscribers | p50 / p95 / p99 ms | received |\n|---|---|---|---|\n");
        for (int r = 0; r < events.size(); r++) {
            double[] e = events.get(r);
            for (int i = 0; i < subscribers.length; i++) {
                report.append(String.format("| %d | %d | %.1f / %.1f / %.1f | %.1f %% |%n", r + 1, subscribers[i],
                        e[i * 4] / 1e6, e[i * 4 + 1] / 1e6, e[i * 4 + 2] / 1e6, e[i * 4 + 3] * 100));
            }
        }
        report.append("\nThe floor (`SocketFloor`): the same client's screens on a bare NIO server in this process that writes a ")
                .append("display-sized `ticket.called` frame to every socket, on one thread per core, each time the counter would call; ")
                .append("latency from the start of that write to each read.\n\n")
                .append("| subscribers | median p50 / p95 / p99 ms | floor: median p50 / p95 / p99 ms | floor received |\n|---|---|---|---|\n");
        for (int i = 0; i < subscribers.length; i++) {
            report.append(String.format("| %d | %.1f / %.1f / %.1f | %.2f / %.2f / %.2f | %.1f %% |%n", subscribers[i],
                    median(events, i * 4) / 1e6, median(events, i * 4 + 1) / 1e6, median(events, i * 4 + 2) / 1e6,
                    median(eventFloor, i * 4) / 1e6, median(eventFloor, i * 4 + 1) / 1e6, median(eventFloor, i * 4 + 2) / 1e6,
                    median(eventFloor, i * 4 + 3) * 100));
        }
        report.append(String.format("%nServer resident memory: %d MB idle, %d MB at most with %d subscribers connected.%n%n",
                idleRss / 1024, peakRss / 1024, subscribers[subscribers.length - 1]));
    }

    private static double median(List<double[]> rounds, int column) {
        double[] v = rounds.stream().mapToDouble(x -> x[column]).sorted().toArray();
        return v[v.length / 2];
    }

    private interface Ratio {
        double of(double[] round);
    }

    private void ratioRow(String goal, List<double[]> rounds, Ratio ratio, String target) {
        summary.append(RatioRow.of(goal, rounds.stream().mapToDouble(ratio::of).toArray(), target));
    }

    private void workRows(String label, List<double[]> rounds) {
        for (int r = 0; r < rounds.size(); r++) {
            double[] x = rounds.get(r);
            report.append(String.format("| %s | %d | %.0f | %.2f | %.0f | %.2f |%n", label, r + 1, x[12], x[12] / x[1], x[13], x[13] / x[1]));
        }
    }

    private void oneRequestRows(String label, List<double[]> rounds) {
        for (int r = 0; r < rounds.size(); r++) {
            double[] x = rounds.get(r);
            report.append(String.format("| %s | %d | %.0f | %.1f / %.1f / %.1f | %.2f | %.2f |%n", label, r + 1,
                    x[8], x[9] / 1e6, x[10] / 1e6, x[11] / 1e6, x[8] / x[1], x[8] / x[0]));
        }
    }

    private void cpuRows(String label, List<double[]> rounds) {
        String[] runs = {"call-next + no-show", "end-and-call-next", "floor claim"};
        for (int r = 0; r < runs.length; r++) {
            int at = 14 + 4 * r;
            double server = median(rounds, at);
            double postgres = median(rounds, at + 2);
            double client = median(rounds, at + 3);
            report.append(String.format("| %s | %s | %s | %s | %s | %s | %s |%n", label, runs[r], ms(server),
                    ms(median(rounds, at + 1)), ms(postgres), ms(client), ms(server + postgres + client)));
        }
    }

    /** CPU milliseconds, or n/a where /proc could not be read. */
    private static String ms(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.2f", v);
    }

    private void rawRows(String label, List<double[]> rounds) {
        for (int r = 0; r < rounds.size(); r++) {
            double[] x = rounds.get(r);
            report.append(String.format("| %s | %d | %.0f | %.1f / %.1f / %.1f | %.0f | %.1f / %.1f / %.1f | %.2f |%n", label, r + 1,
                    x[0], x[2] / 1e6, x[3] / 1e6, x[4] / 1e6, x[1], x[5] / 1e6, x[6] / 1e6, x[7] / 1e6, x[0] / x[1]));
        }
    }

    /**
     * API (two requests per cycle), API (one request per cycle) then floor on these sites' counters: rates,
     * then p50/p95/p99 of each in nanoseconds: {api/s, floor/s, api p50, p95, p99, floor p50, p95, p99,
     * one-request/s, its p50, p95, p99, the cycle's database work alone in two transactions/s, in one/s
     * ({@link CycleFloor}), then CPU ms per cycle (server, its JIT, PostgreSQL, client) of the two-request
     * cycles, of the one-request cycles and per floor claim}.
     */
    private double[] measure(List<Site> sites) throws Exception {
        // which of the two goes first alternates, so neither always meets the warmer JIT or the shorter table
        boolean oneRequestFirst = measured++ % 2 == 1;
        Run combined = oneRequestFirst ? callNextCycles(sites, true) : null;
        Run api = callNextCycles(sites, false);
        if (!oneRequestFirst) {
            combined = callNextCycles(sites, true);
        }
        long[][] floor = new long[1][];
        int threads = sites.stream().mapToInt(x -> x.counters().size()).sum();
        ProcessCpu.Sample[] floorCpu = new ProcessCpu.Sample[1];
        double floorRate = floor(threads, threads * cyclesPerCounter, floor, floorCpu);
        Run f = new Run(floorRate, floor[0], floorCpu[0]);
        CycleFloor work = new CycleFloor(this::jdbc, schema);
        double twoTx = work.run(threads, cyclesPerCounter, false);
        double oneTx = work.run(threads, cyclesPerCounter, true);
        return new double[] {api.rate(), f.rate(), api.p(50), api.p(95), api.p(99), f.p(50), f.p(95), f.p(99),
            combined.rate(), combined.p(50), combined.p(95), combined.p(99), twoTx, oneTx,
            api.cpu().server(), api.cpu().jit(), api.cpu().postgres(), api.cpu().client(),
            combined.cpu().server(), combined.cpu().jit(), combined.cpu().postgres(), combined.cpu().client(),
            f.cpu().server(), f.cpu().jit(), f.cpu().postgres(), f.cpu().client()};
    }

    /**
     * Call cycles on every counter of these sites, one thread per counter: call-next then no-show to free the
     * counter, or ({@code oneRequest}) end-and-call-next, which marks the last ticket a no-show and calls the
     * next in one request, as the desktop's "no-show, call next" does.
     */
    private Run callNextCycles(List<Site> sites, boolean oneRequest) throws Exception {
        List<long[]> work = new ArrayList<>(); // per thread: counter id, site index, clerk index
        for (int s = 0; s < sites.size(); s++) {
            issue(sites.get(s), sites.get(s).counters().size() * cyclesPerCounter);
            for (int k = 0; k < sites.get(s).counters().size(); k++) {
                work.add(new long[] {sites.get(s).counters().get(k), s, k});
            }
        }
        // The statistics a running database has (autovacuum analyzes a busy table within a minute): this schema
        // was created seconds ago, and a claim planned for an empty tickets table scanned the whole day's
        // tickets per call (5.2 ms per claim instead of 0.8 in pg_stat_statements).
        try (Connection c = jdbc(); Statement st = c.createStatement()) {
            st.execute("ANALYZE " + schema + ".tickets");
        }
        ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
        AtomicInteger calls = new AtomicInteger();
        ProcessCpu.Sample before = cpu.sample();
        long t0 = System.nanoTime();
        runThreads(work.size(), i -> {
            long[] w = work.get(i);
            String token = sites.get((int) w[1]).clerks().get((int) w[2]);
            String last = null; // the ticket at the counter, to end with the next call
            for (int k = 0; k < cyclesPerCounter; k++) {
                boolean ending = last != null && oneRequest;
                HttpApi.Response r = ending
                        ? api.post("/api/v1/counters/" + w[0] + "/end-and-call-next", token, Map.of("ticketId", last, "outcome", "NO_SHOW"))
                        : api.post("/api/v1/counters/" + w[0] + "/call-next", token, null);
                if (r.status() != 200) {
                    if (r.status() != 204) {
                        refused.incrementAndGet(); // the ticket stays at the counter; the no-show below frees it
                    }
                    break;
                }
                if (ending || !oneRequest) { // a one-request run's first call is a plain call-next: not its figure
                    lat.add(r.nanos());
                }
                JsonNode called = ending ? r.body().get("called") : r.body();
                last = null;
                if (called.isNull()) {
                    break;
                }
                calls.incrementAndGet();
                last = called.get("id").asText();
                if (!oneRequest) {
                    freeCounter(last, token);
                    last = null;
                }
            }
            if (last != null) {
                freeCounter(last, token);
            }
        });
        double rate = calls.get() / ((System.nanoTime() - t0) / 1e9);
        ProcessCpu.Sample used = cpu.sample().minus(before).per(Math.max(1, calls.get()));
        return new Run(rate, lat.stream().mapToLong(Long::longValue).toArray(), used);
    }

    /** The no-show that frees a counter; a refusal would leave the counter busy for the rounds after it. */
    private void freeCounter(String ticketId, String token) throws IOException {
        if (api.post("/api/v1/tickets/" + ticketId + "/no-show", token, null).status() != 200) {
            refused.incrementAndGet();
        }
    }

    /** The floor's claims per second; its latencies and (sampled around the claims alone) its CPU per claim go out. */
    private double floor(int threads, int rows, long[][] latOut, ProcessCpu.Sample[] cpuOut) throws Exception {
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + schema + ".floor_tickets");
            s.execute("CREATE TABLE " + schema + ".floor_tickets (id BIGSERIAL PRIMARY KEY, status VARCHAR(10) NOT NULL, "
                    + "priority BOOLEAN NOT NULL, issued_at TIMESTAMPTZ NOT NULL, counter_id BIGINT)");
            s.execute("INSERT INTO " + schema + ".floor_tickets (status, priority, issued_at) SELECT 'WAITING', false, now() + "
                    + "(g * interval '1 millisecond') FROM generate_series(1, " + rows + ") g");
            s.execute("CREATE INDEX ON " + schema + ".floor_tickets (status, priority, issued_at)");
        }
        int connections = Math.min(threads, 60);
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            pool.add(jdbc());
        }
        ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
        AtomicInteger claimed = new AtomicInteger();
        String sql = "UPDATE " + schema + ".floor_tickets SET status = 'CALLED', counter_id = ? WHERE id = (SELECT id FROM "
                + schema + ".floor_tickets WHERE status = 'WAITING' ORDER BY priority DESC, issued_at LIMIT 1 FOR UPDATE SKIP LOCKED) "
                + "RETURNING id";
        ProcessCpu.Sample before = cpu.sample(); // the connections are open: their backends' time is in both samples
        long t0 = System.nanoTime();
        runThreads(threads, i -> {
            for (int k = 0; k < cyclesPerCounter; k++) {
                Connection c = pool.take();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, i);
                    long s0 = System.nanoTime();
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            claimed.incrementAndGet();
                        }
                    }
                    lat.add(System.nanoTime() - s0);
                } finally {
                    pool.put(c);
                }
            }
        });
        double rate = claimed.get() / ((System.nanoTime() - t0) / 1e9);
        cpuOut[0] = cpu.sample().minus(before).per(Math.max(1, claimed.get()));
        for (Connection c : pool) {
            c.close();
        }
        latOut[0] = lat.stream().mapToLong(Long::longValue).toArray();
        return rate;
    }

    /** Per round, p50/p95/p99 (ns) and the share received at each subscriber count (see {@link EventLatency}). */
    private List<double[]> eventRounds() throws Exception {
        Site site = new Site("BM01", paymentServiceId, counters, clerks);
        EventLatency latency = new EventLatency(api, site.code(), counters.get(0), clerks.get(0), n -> issue(site, n), this::rssKb);
        List<double[]> rounds;
        try (SocketFloor floor = new SocketFloor()) {
            rounds = latency.rounds(subscribers, ROUNDS, floor, eventFloor);
        }
        peakRss = Math.max(peakRss, latency.peakRssKb());
        return rounds;
    }

    /**
     * The event row's floor: the same ratio on bare sockets, and what going from the fewest screens to 1,000
     * adds to the server's p95 over what it adds to the floor's (the same client reads both).
     */
    private void floorRows(List<double[]> events) {
        ratioRow("(floor) the same on bare sockets, no server", eventFloor, this::eventRatio, "—");
        List<double[]> both = new ArrayList<>();
        for (int r = 0; r < events.size(); r++) {
            both.add(new double[] {added(events.get(r)), added(eventFloor.get(r))});
        }
        ratioRow("(floor) p95 added from the fewest screens to 1,000: server / bare sockets", both,
                x -> x[0] / Math.max(x[1], 1e5), "—");
    }

    private double added(double[] round) {
        return round[bigIndex() * 4 + 1] - round[1];
    }

    private int bigIndex() {
        int big = subscribers.length - 1;
        for (int i = 0; i < subscribers.length; i++) {
            if (subscribers[i] == 1000) {
                big = i;
            }
        }
        return big;
    }

    /** p95 at 1,000 subscribers (or the most measured) over p95 at the fewest, per round. */
    private double eventRatio(double[] round) {
        return round[bigIndex() * 4 + 1] / Math.max(round[1], 1e5);
    }

    private void payments() throws Exception {
        report.append("## Payments\n\n| clients | payments/s | p50 / p95 / p99 ms |\n|---|---|---|\n");
        for (int c : new int[] {8, 32}) {
            ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
            AtomicInteger made = new AtomicInteger();
            long t0 = System.nanoTime();
            runThreads(c, i -> {
                for (int k = 0; k < 40; k++) {
                    String customer = Integer.toString(100_001 + (i * 40 + k) % 200);
                    HttpApi.Response r = api.send("POST", "/api/v1/payments", clerks.get(i), Map.of("customerCode", customer,
                            "amount", "1.00", "method", "CARD", "counterId", counters.get(i)), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                    lat.add(r.nanos());
                    if (r.status() == 201) {
                        made.incrementAndGet();
                    }
                }
            });
            report.append(String.format("| %d | %.0f | %s |%n", c, made.get() / ((System.nanoTime() - t0) / 1e9),
                    Percentiles.millis(lat.stream().mapToLong(Long::longValue).toArray())));
        }
        report.append('\n');
    }

    private void issue(Site site, int count) throws Exception {
        String kiosk = api.login("admin", "sportel");
        runThreads(8, i -> {
            for (int k = i; k < count; k += 8) {
                api.post("/api/v1/branches/" + site.code() + "/tickets", kiosk, Map.of("serviceId", site.paymentServiceId()));
            }
        });
    }

    interface Work {
        void run(int index) throws Exception;
    }

    static void runThreads(int n, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            all.add(pool.submit(() -> {
                work.run(index);
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
    }

    private long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + server.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private Connection jdbc() throws Exception {
        return DriverManager.getConnection(dbUrl, dbUser, dbPassword);
    }
}
