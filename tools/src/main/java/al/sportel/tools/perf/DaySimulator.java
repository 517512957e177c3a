package al.sportel.tools.perf;

import al.sportel.model.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays a day in N centres against a running server, over HTTP only, faster than real time, then
 * checks the books: every ticket ended exactly once, every payment recorded exactly once, and the
 * totals match what the clerks took. Customers come with priority categories, a few by appointment
 * (booked for the next hour and checked in at the kiosk), and half of the no-shows come back within
 * the grace period (reactivated). A clerk finishes a served ticket and calls the next in one request
 * (end-and-call-next), as the desktop's "finish, call next" does.
 *
 * <pre>java -cp tools/target/sportel-tools.jar al.sportel.tools.perf.DaySimulator --server http://127.0.0.1:8080
 *      [--branches 18] [--tickets 300] [--counters 6] [--speed 600] [--end-of-month]</pre>
 */
public final class DaySimulator {

    private static final String PASSWORD = "sportel-sim-1";
    private static final int SET_UP_THREADS = 8;
    /** The server's business day turns at midnight here (BusinessTime.ZONE), not at the machine's. */
    private static final ZoneId TIRANE = ZoneId.of("Europe/Tirane");
    private static final int BUSY_RETRIES = 50;
    /** Arrival weight per hour from 08:00 to 16:00: a morning peak and a smaller one after lunch. */
    private static final double[] HOURLY = {1.0, 1.8, 1.6, 1.2, 0.8, 0.9, 1.2, 0.9};
    private static final String[] LETTERS = {"P", "A", "K", "I"};
    private static final String[] CATEGORIES = {"ELDERLY", "DISABILITY", "PREGNANCY"};

    private final HttpApi api;
    private final int branches;
    private final int ticketsPerBranch;
    private final int countersPerBranch;
    private final double speed;
    private final boolean endOfMonth;
    private final String run = Long.toString(System.currentTimeMillis() % 100_000, 36);

    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger noShows = new AtomicInteger();
    private final AtomicInteger transfers = new AtomicInteger();
    private final AtomicInteger recovered = new AtomicInteger();
    private final AtomicInteger kioskLost = new AtomicInteger();
    private final AtomicInteger paymentsMade = new AtomicInteger();
    private final AtomicLong paidQindarka = new AtomicLong();
    private final AtomicInteger paymentsRefused = new AtomicInteger();
    private final AtomicInteger endedEvents = new AtomicInteger();
    private final AtomicInteger reactivated = new AtomicInteger();
    private final AtomicInteger appointments = new AtomicInteger();
    private final AtomicInteger withCategory = new AtomicInteger();
    private final AtomicBoolean unservedWarned = new AtomicBoolean();
    /** Calls that found nobody: [0] for a ticket on the clerk's picture or finishing one, [1] a look at none, [2] after the doors closed. */
    private final AtomicInteger[] emptyCalls = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
    /** How far into the day every centre's doors had closed; 0 until then. */
    private volatile long doorsClosedAfterNanos;
    private final AtomicInteger displayReconnects = new AtomicInteger();
    /** Set once the books are checked: the screens stop connecting again. */
    private volatile boolean screensOff;
    private final ScheduledExecutorService comebacks = Executors.newScheduledThreadPool(2);
    private final ConcurrentLinkedQueue<Long> callNanos = new ConcurrentLinkedQueue<>();
    private final Map<Long, long[]> takenPerCounter = new ConcurrentHashMap<>();
    private volatile long dayMillis;

    DaySimulator(String server, int branches, int tickets, int counters, double speed, boolean endOfMonth) {
        this.api = new HttpApi(server);
        this.branches = branches;
        this.ticketsPerBranch = tickets;
        this.countersPerBranch = counters;
        this.speed = speed;
        this.endOfMonth = endOfMonth;
    }

    public static void main(String[] args) throws Exception {
        String server = null;
        int branches = 18;
        int tickets = 300;
        int counters = 6;
        double speed = 600;
        boolean eom = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = args[++i];
                case "--branches" -> branches = Integer.parseInt(args[++i]);
                case "--tickets" -> tickets = Integer.parseInt(args[++i]);
                case "--counters" -> counters = Integer.parseInt(args[++i]);
                case "--speed" -> speed = Double.parseDouble(args[++i]);
                case "--end-of-month" -> eom = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (server == null) {
            throw new IllegalArgumentException("--server URL is required (a running server with --demo data)");
        }
        boolean ok = new DaySimulator(server, branches, tickets, counters, speed, eom).play();
        System.exit(ok ? 0 : 1);
    }

    /** How long the played day took (wall clock, set-up excluded), once {@link #play} returned. */
    long dayMillis() {
        return dayMillis;
    }

    /** Plays the day and prints the report; true when the books balance. */
    boolean play() throws Exception {
        long t0 = System.nanoTime();
        LocalDate firstDay = LocalDate.now(TIRANE);
        String admin = api.login("admin", "sportel");
        // centres are set up side by side: each one's users cost two password hashes, and 180 centres
        // one after another took a quarter of an hour before the day could start
        ExecutorService setUps = Executors.newFixedThreadPool(SET_UP_THREADS);
        List<Future<Branch>> pending = new ArrayList<>();
        for (int b = 1; b <= branches; b++) {
            int n = b;
            pending.add(setUps.submit(() -> setUp(admin, n)));
        }
        List<Branch> centres = new ArrayList<>();
        for (Future<Branch> f : pending) {
            centres.add(f.get());
        }
        setUps.shutdown();
        long setUpMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("set up %d centres with %d counters each in %d ms; playing the day at %.0fx%n",
                branches, countersPerBranch, setUpMs, speed);

        // the screens are on before the doors open, so they see every call and every end
        CountDownLatch screensOn = new CountDownLatch(centres.size());
        for (Branch c : centres) {
            start(true, () -> display(c, screensOn));
        }
        screensOn.await();
        Thread.sleep(500);
        long dayStart = System.nanoTime();
        CountDownLatch arrivalsDone = new CountDownLatch(centres.size());
        List<Thread> threads = new ArrayList<>();
        for (Branch c : centres) {
            threads.add(start(false, () -> {
                try {
                    arrivals(c);
                } finally {
                    arrivalsDone.countDown();
                    if (arrivalsDone.getCount() == 0) {
                        doorsClosedAfterNanos = System.nanoTime() - dayStart;
                        centres.forEach(b -> b.arrivals().doorsClosed());
                    }
                }
            }));
            for (int i = 0; i < c.counterIds.size(); i++) {
                long counter = c.counterIds.get(i);
                String token = c.clerkTokens.get(i);
                threads.add(start(false, () -> clerk(c, counter, token, arrivalsDone)));
            }
        }
        for (Thread t : threads) {
            if (!t.isDaemon()) {
                t.join();
            }
        }
        long dayMs = (System.nanoTime() - dayStart) / 1_000_000;
        dayMillis = dayMs;
        Thread.sleep(1500); // the last events reach the displays
        try {
            return checkBooks(admin, centres, firstDay, dayMs);
        } finally {
            screensOff = true;
        }
    }

    private static Thread start(boolean daemon, Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(daemon);
        t.start();
        return t;
    }

    private record Branch(String code, String kioskToken, List<Long> counterIds, List<String> clerkTokens, Map<String, Long> services,
                          Map<Long, Set<Long>> counterServices, Arrivals arrivals) {
    }

    /**
     * What a clerk's screen shows: the desktop lists the centre's waiting tickets from its event stream, so a
     * clerk calls when the screen shows a ticket of the counter's services waiting (issued, checked in,
     * transferred, back after a no-show), not on a timer, and not when it shows nobody. Counting those moves
     * here gives the clerk the same picture without a staff stream per simulated desktop. A clerk about to
     * call takes one of the waiting tickets off the picture, as the ticket leaves the others' screens when
     * it is called: six idle clerks do not all call for one new ticket.
     * <p>
     * After the doors close this goes on (a transfer or a no-show back still joins a queue) until no ticket of
     * the centre can join one again; then each clerk looks three last times and goes home. Until the
     * twenty-first round a clerk looked every 250 ms once the doors had closed: 1,080 clerks with nobody to
     * call sent about 2,400 empty calls a second, which slowed the centres still serving and made the end of
     * the day swing by minutes between runs.
     */
    private static final class Arrivals {
        /** Per service, how many tickets have joined its queue (or came back to the picture). */
        private final Map<Long, Long> joined = new HashMap<>();
        /** Per service, how many tickets wait that no clerk has set out to call. */
        private final Map<Long, Integer> waiting = new HashMap<>();

        /** Bumped when the doors close (and when the centre goes quiet after), so a clerk waiting for a ticket looks at once. */
        private long closings;
        /**
         * Tickets some clerk here is serving, no-shows due to come back and calls out: while any is in flight, a
         * transfer or a reactivation may still put a ticket in a queue, so no clerk here may call it a day yet.
         */
        private int inService;

        /** How many tickets have joined the queues of these services (and whether the doors have closed since). */
        synchronized long version(Set<Long> services) {
            return closings + services.stream().mapToLong(s -> joined.getOrDefault(s, 0L)).sum();
        }

        synchronized void doorsClosed() {
            closings++;
            notifyAll();
        }

        /**
         * A ticket of this centre is being served, or went as a no-show and is due back, or a clerk's call is out
         * (it may bring one): a ticket may yet join a queue.
         */
        synchronized void serving() {
            inService++;
        }

        /** One of those is done; the last one after the doors closed wakes the waiting clerks, who may go home. */
        synchronized void served() {
            if (--inService == 0 && closings > 0) {
                closings++;
                notifyAll();
            }
        }

        /** The doors have closed and no ticket of this centre can join a queue again. */
        synchronized boolean quiet() {
            return closings > 0 && inService == 0;
        }

        synchronized void arrived(long service) {
            joined.merge(service, 1L, Long::sum);
            waiting.merge(service, 1, Integer::sum);
            notifyAll();
        }

        /** A clerk sets out to call one of the waiting tickets of these services: its service, or null if none waits. */
        synchronized Long take(Set<Long> services) {
            for (long s : services) {
                if (waiting.getOrDefault(s, 0) > 0) {
                    waiting.merge(s, -1, Integer::sum);
                    return s;
                }
            }
            return null;
        }

        /**
         * The call's answer for a clerk who took a ticket of {@code taken} (null: none): it called one of
         * {@code service} (null: nobody). Another service's ticket gives the taken one back; nobody means
         * the picture was ahead of the server, which self-corrects as the taken one stays off.
         */
        synchronized void called(Long taken, Long service) {
            if (Objects.equals(taken, service) || service == null) {
                return;
            }
            giveBack(taken);
            waiting.computeIfPresent(service, (s, n) -> Math.max(0, n - 1));
        }

        /** The call did not happen (refused, or its answer is unknown): the taken ticket is on the picture again. */
        synchronized void giveBack(Long taken) {
            if (taken != null) {
                arrived(taken);
            }
        }

        /** Returns once a ticket of these services joined after {@code seen}, or after {@code millis} at most. */
        synchronized void awaitAfter(Set<Long> services, long seen, long millis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + millis;
            while (version(services) == seen) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return;
                }
                wait(left);
            }
        }
    }

    private Branch setUp(String admin, int n) throws IOException {
        String code = "S" + (char) ('A' + (n - 1) / 100 % 26) + String.format("%02d", (n - 1) % 100);
        HttpApi.Response created = api.post("/api/v1/branches", admin, Map.of("code", code, "name", "Qendra " + code,
                "city", "Simulim", "address", "Rruga e Simulimit " + n, "counters", countersPerBranch));
        if (created.status() != 201 && created.status() != 409) {
            throw new IOException("branch " + code + ": " + created.status() + " " + created.body());
        }
        String kiosk = user(admin, "k-" + run + "-" + code, "KIOSK", code);
        List<Long> counters = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        Set<Long> served = new HashSet<>();
        Map<Long, Set<Long>> counterServices = new HashMap<>();
        for (JsonNode c : api.get("/api/v1/branches/" + code + "/counters", admin).body()) {
            if (counters.size() == countersPerBranch) {
                break;
            }
            Set<Long> its = new HashSet<>();
            c.path("serviceIds").forEach(id -> its.add(id.asLong()));
            served.addAll(its);
            counterServices.put(c.get("id").asLong(), its);
            String token = user(admin, "c-" + run + "-" + code + "-" + c.get("number").asInt(), "CLERK", code);
            api.post("/api/v1/counters/" + c.get("id").asLong() + "/open", token, null);
            counters.add(c.get("id").asLong());
            tokens.add(token);
            takenPerCounter.put(c.get("id").asLong(), new long[2]);
        }
        Map<String, Long> services = new ConcurrentHashMap<>();
        for (JsonNode s : api.get("/api/v1/branches/" + code + "/services", admin).body()) {
            services.put(s.get("letter").asText(), s.get("id").asLong());
        }
        List<String> unserved = services.entrySet().stream().filter(e -> !served.contains(e.getValue())).map(Map.Entry::getKey)
                .sorted().toList();
        if (!unserved.isEmpty() && unservedWarned.compareAndSet(false, true)) {
            System.err.printf("day-simulator: warning: with %d counters per centre no counter serves %s; those tickets will wait "
                    + "all day and the day will not balance (give every service a counter: a larger --counters)%n", countersPerBranch, unserved);
        }
        List<Map<String, Integer>> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(Map.of("hour", h, "capacity", 100));
        }
        for (long service : services.values()) {
            api.send("PUT", "/api/v1/services/" + service + "/appointment-capacity", admin, Map.of("hours", hours), Map.of());
        }
        return new Branch(code, kiosk, counters, tokens, services, counterServices, new Arrivals());
    }

    private String user(String admin, String username, String role, String branch) throws IOException {
        HttpApi.Response r = api.post("/api/v1/users", admin, Map.of("username", username, "displayName", username, "role", role,
                "branchCode", branch, "password", PASSWORD));
        if (r.status() != 201 && r.status() != 409) {
            throw new IOException("user " + username + ": " + r.status() + " " + r.body());
        }
        return api.login(username, PASSWORD);
    }

    /** Tickets through an 8-hour day with the HOURLY profile; more payments at the end of the month. */
    private void arrivals(Branch c) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        double total = 0;
        for (double w : HOURLY) {
            total += w;
        }
        List<Double> at = new ArrayList<>();
        for (int i = 0; i < ticketsPerBranch; i++) {
            double x = rnd.nextDouble() * total;
            int hour = 0;
            while (x > HOURLY[hour]) {
                x -= HOURLY[hour];
                hour++;
            }
            at.add((hour + rnd.nextDouble()) * 3600.0);
        }
        at.sort(Double::compare);
        long start = System.nanoTime();
        double paymentShare = endOfMonth ? 0.75 : 0.6;
        for (double seconds : at) {
            sleepUntil(start, seconds);
            double r = rnd.nextDouble();
            String letter = r < paymentShare ? "P" : r < paymentShare + 0.15 ? "I" : r < paymentShare + 0.28 ? "A" : "K";
            try {
                if (rnd.nextDouble() < 0.03 && byAppointment(c, letter)) {
                    continue;
                }
                Map<String, Object> body = new HashMap<>();
                body.put("serviceId", c.services.get(letter));
                if (rnd.nextDouble() < 0.12) {
                    body.put("priorityCategory", CATEGORIES[rnd.nextInt(CATEGORIES.length)]);
                }
                // a lost answer is sent again with the same key (five tries), as the kiosk page does: one tap, one ticket
                HttpApi.Response t = api.sendUntilAnswered("POST", "/api/v1/branches/" + c.code + "/tickets", c.kioskToken, body,
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()), 5);
                if (t.status() == 201) {
                    c.arrivals().arrived(c.services.get(letter));
                    issued.add(t.body().get("id").asText());
                    if (body.containsKey("priorityCategory")) {
                        withCategory.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                kioskLost.incrementAndGet(); // five tries failed; the server may have issued it: the queues are checked at the end
                System.err.println("kiosk " + c.code + ": " + e.getMessage());
            }
        }
    }

    /**
     * Books the next full hour (the server's clock is real time) and checks in at once: the ticket waits
     * as a regular one until its slot begins. False when the hour is full or the service takes none.
     */
    private boolean byAppointment(Branch c, String letter) throws IOException {
        Instant slot = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        HttpApi.Response booked = api.post("/api/v1/public/branches/" + c.code + "/appointments", null, Map.of(
                "serviceId", c.services.get(letter), "start", slot.toString(), "name", "Klient Simulimi"));
        if (booked.status() != 201) {
            return false;
        }
        HttpApi.Response in = api.post("/api/v1/branches/" + c.code + "/appointments/check-in", c.kioskToken,
                Map.of("code", booked.body().get("code").asText()));
        if (in.status() != 201) {
            return false;
        }
        c.arrivals().arrived(in.body().get("ticket").get("serviceId").asLong());
        issued.add(in.body().get("ticket").get("id").asText());
        appointments.incrementAndGet();
        return true;
    }

    private void clerk(Branch c, long counter, String token, CountDownLatch arrivalsDone) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        int idle = 0;
        Set<Long> mine = c.counterServices().get(counter);
        String served = null; // served and not yet finished: finished by the next call, as "finish, call next" does
        int refusals = 0; // of end-and-call-next for the served ticket, in a row
        // with nobody on the screen a clerk still calls 30 simulated minutes after its last call (and at the start)
        long lookEvery = TimeUnit.MILLISECONDS.toNanos(Math.max(250, (long) (1_800_000 / speed)));
        long lastCall = System.nanoTime() - lookEvery;
        String lastCalled = null; // the ticket this clerk was last given
        while (arrivalsDone.getCount() > 0 || idle < 3 || served != null) {
            Long taken = null;
            boolean inCall = false; // counted in the centre's tickets in service from the call until its outcome is known
            try {
                long seen = c.arrivals().version(mine);
                boolean open = arrivalsDone.getCount() > 0;
                taken = c.arrivals().take(mine);
                long sinceCall = System.nanoTime() - lastCall;
                if (served == null && taken == null && sinceCall < lookEvery && !c.arrivals().quiet()) {
                    // until a ticket joins the queue, or 30 simulated minutes after the last call; after the doors
                    // close as well (a transfer or a no-show back still joins), until nothing here can join again
                    c.arrivals().awaitAfter(mine, seen, Math.max(1, TimeUnit.NANOSECONDS.toMillis(lookEvery - sinceCall)));
                    continue;
                }
                lastCall = System.nanoTime();
                // the call may bring a ticket (which may yet be transferred): until its outcome is known, the centre is not done
                c.arrivals().serving();
                inCall = true;
                HttpApi.Response r = served == null
                        ? api.sendUntilAnswered("POST", "/api/v1/counters/" + counter + "/call-next", token, null, Map.of(), 30)
                        : api.sendUntilAnswered("POST", "/api/v1/counters/" + counter + "/end-and-call-next", token,
                                Map.of("ticketId", served, "outcome", "DONE"), Map.of(), 30);
                callNanos.add(r.nanos());
                int emptyKind = !open ? 2 : taken != null || served != null ? 0 : 1;
                JsonNode t;
                boolean stillHeld = false; // the counter still holds the ticket it was given before: no new call
                if (served != null && r.status() == 200) {
                    t = r.body().get("called").isNull() ? null : r.body().get("called");
                    served = null;
                } else if (r.status() == 204) {
                    t = null;
                } else if (r.status() == 409 && (served != null || r.body().toString().contains("counter-busy"))) {
                    t = currentTicket(c, counter, token);
                    if (served != null && t != null && served.equals(t.get("id").asText())) {
                        // refused and nothing changed (the ticket is still being served here): try again
                        c.arrivals().giveBack(taken);
                        taken = null;
                        served = giveUpAfter(++refusals, served, token, r);
                        continue;
                    }
                    // an earlier attempt went through but its answer was lost: carry on with what it called
                    served = null;
                    stillHeld = t != null && t.get("id").asText().equals(lastCalled);
                    if (t != null) {
                        recovered.incrementAndGet();
                    }
                } else if (r.status() != 200) {
                    System.err.println("call-next " + r.status() + " " + r.body());
                    c.arrivals().giveBack(taken);
                    taken = null;
                    served = served == null ? null : giveUpAfter(++refusals, served, token, r);
                    Thread.sleep(50);
                    continue;
                } else {
                    t = r.body();
                }
                if (stillHeld) {
                    c.arrivals().giveBack(taken);
                } else {
                    c.arrivals().called(taken, t == null ? null : t.get("serviceId").asLong());
                }
                taken = null;
                if (t == null) {
                    inCall = false;
                    c.arrivals().served(); // before the look below: this clerk's own call no longer keeps the centre open
                    emptyCalls[emptyKind].incrementAndGet();
                    // a look counts once nothing here can join a queue (none served, no call out, no no-show due
                    // back); one made while another clerk's call is out counts for nothing, and takes nothing back
                    idle = open ? 0 : c.arrivals().quiet() ? idle + 1 : idle;
                    if (idle > 0) {
                        Thread.sleep(250); // the day is over here: three empty looks and the clerk goes home
                    }
                    continue;
                }
                idle = 0;
                refusals = 0;
                lastCalled = t.get("id").asText();
                served = serve(c, counter, token, t, rnd);
            } catch (IOException e) {
                c.arrivals().giveBack(taken);
                System.err.println("clerk at counter " + counter + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                if (inCall) {
                    c.arrivals().served();
                }
            }
        }
    }

    /**
     * The served ticket after another refused end-and-call-next: still to end by the next call, or after
     * {@link #BUSY_RETRIES} refusals finished on its own (so a server that keeps refusing cannot keep the day open).
     */
    private String giveUpAfter(int refusals, String served, String token, HttpApi.Response last) throws IOException {
        if (refusals < BUSY_RETRIES) {
            return served;
        }
        System.err.println("end-and-call-next refused " + refusals + " times (" + last.status() + " " + last.body()
                + "); finishing " + served + " on its own");
        act("POST", "/api/v1/tickets/" + served + "/finish", token, null);
        return null;
    }

    private JsonNode currentTicket(Branch c, long counter, String token) throws IOException {
        for (JsonNode k : act("GET", "/api/v1/branches/" + c.code + "/counters", token, null).body()) {
            if (k.get("id").asLong() == counter && k.hasNonNull("currentTicket")) {
                return k.get("currentTicket");
            }
        }
        return null;
    }

    /** Repeated until answered; a 409 on a repeat means the first attempt already did it. */
    /**
     * A clerk's move, repeated while the server answers 503 (busy, nothing changed) as the desktop does:
     * a no-show counted here but refused as busy used to leave the books one ticket apart.
     */
    private HttpApi.Response act(String method, String path, String token, Object body) throws IOException {
        HttpApi.Response r = api.sendUntilAnswered(method, path, token, body, Map.of(), 30);
        for (int i = 0; r.status() == 503 && i < BUSY_RETRIES; i++) {
            try {
                Thread.sleep(100L * (i + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
            r = api.sendUntilAnswered(method, path, token, body, Map.of(), 30);
        }
        return r;
    }

    /** Serves the ticket; its id when it is served and left for the next call to finish, null when it ended otherwise. */
    private String serve(Branch c, long counter, String token, JsonNode t, ThreadLocalRandom rnd) throws IOException, InterruptedException {
        String id = t.get("id").asText();
        boolean serving = "SERVING".equals(t.path("status").asText());
        if (!serving && rnd.nextDouble() < 0.04) {
            act("POST", "/api/v1/tickets/" + id + "/no-show", token, null);
            noShows.incrementAndGet();
            if (rnd.nextBoolean()) {
                // back two simulated minutes later, well within the 15-minute grace period
                c.arrivals().serving();
                comebacks.schedule(() -> comeBack(c, token, id), Math.max(1, (long) (120_000 / speed)), TimeUnit.MILLISECONDS);
            }
            return null;
        }
        if (!serving) {
            act("POST", "/api/v1/tickets/" + id + "/start", token, null);
        }
        String letter = t.get("serviceLetter").asText();
        double mean = switch (letter) {
            case "P" -> 180;
            case "A" -> 600;
            case "K" -> 480;
            default -> 240;
        };
        Thread.sleep((long) (-Math.log(1 - rnd.nextDouble()) * mean * 1000 / speed));
        if (!letter.equals("I") && rnd.nextDouble() < 0.03) {
            act("POST", "/api/v1/tickets/" + id + "/transfer", token, Map.of("serviceId", c.services.get("I")));
            c.arrivals().arrived(c.services.get("I"));
            transfers.incrementAndGet();
            return null;
        }
        if (letter.equals("P") && rnd.nextDouble() < 0.9) {
            pay(counter, token, id);
        }
        return id;
    }

    private void comeBack(Branch c, String token, String ticketId) {
        try {
            HttpApi.Response back = act("POST", "/api/v1/tickets/" + ticketId + "/reactivate", token, null);
            if (back.status() == 200) {
                c.arrivals().arrived(back.body().get("serviceId").asLong());
                reactivated.incrementAndGet();
            }
        } catch (IOException e) {
            System.err.println("reactivate " + ticketId + ": " + e.getMessage());
        } finally {
            c.arrivals().served();
        }
    }

    /** A small cash payment; a customer who owes less is skipped; a lost answer is retried with the same key. */
    private void pay(long counter, String token, String ticketId) throws IOException {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 3; attempt++) {
            long amount = 500 + rnd.nextLong(2_500);
            String customer = Integer.toString(100_001 + rnd.nextInt(200));
            Map<String, Object> body = Map.of("customerCode", customer, "amount", Money.format(amount), "method", "CASH",
                    "tendered", Money.format((amount / 1000 + 1) * 1000), "counterId", counter, "ticketId", ticketId);
            String key = UUID.randomUUID().toString();
            // the same key until the server answers: a lost answer must not become a second payment
            HttpApi.Response r = api.sendUntilAnswered("POST", "/api/v1/payments", token, body, Map.of("Idempotency-Key", key), 60);
            if (r.status() == 201) {
                paymentsMade.incrementAndGet();
                paidQindarka.addAndGet(amount);
                long[] mine = takenPerCounter.get(counter);
                synchronized (mine) {
                    mine[0]++;
                    mine[1] += amount;
                }
                return;
            }
            paymentsRefused.incrementAndGet();
        }
    }

    /**
     * A waiting-room screen: counts the ends it is told about. As the page's EventSource does, it connects again
     * with Last-Event-ID when its stream ends, so a broken connection loses no event; each time is reported.
     */
    private void display(Branch c, CountDownLatch on) {
        String[] lastId = {null}; // the id of the last whole frame read, kept when a connection breaks mid-stream
        boolean first = true;
        while (!screensOff) {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/public/branches/" + c.code + "/display/events"))
                    .header("Accept", "text/event-stream");
            if (lastId[0] != null) {
                req.header("Last-Event-ID", lastId[0]);
            }
            String why;
            try {
                HttpResponse<InputStream> r = api.client().send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    if (first) {
                        first = false;
                        on.countDown();
                    }
                    why = r.statusCode() == 200 ? "the stream ended" : "answered " + r.statusCode();
                    if (r.statusCode() == 200) {
                        readFrames(c, in, lastId);
                    }
                }
            } catch (IOException e) {
                why = e.toString();
            } catch (InterruptedException e) {
                return;
            }
            if (screensOff) {
                return;
            }
            displayReconnects.incrementAndGet();
            System.err.printf("display %s: %s; connecting again from event %s%n", c.code, why, lastId[0]);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reads whole frames (an event counts once its blank line arrived) until the stream ends; {@code lastId[0]}: the last one's id. */
    private void readFrames(Branch c, BufferedReader in, String[] lastId) throws IOException {
        String id = null;
        String event = null;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.isEmpty()) {
                if ("ticket.finished".equals(event) || "ticket.no_show".equals(event)) {
                    endedEvents.incrementAndGet();
                } else if ("snapshot.required".equals(event)) {
                    System.err.printf("display %s: snapshot.required after event %s (the ends in between are not counted)%n", c.code, lastId[0]);
                }
                lastId[0] = id != null ? id : lastId[0];
                id = null;
                event = null;
            }
        }
    }

    private boolean checkBooks(String admin, List<Branch> centres, LocalDate firstDay, long dayMs) throws IOException {
        int done = 0;
        int noShow = 0;
        int open = 0;
        for (String id : issued) {
            String status = api.get("/api/v1/tickets/" + id, admin).body().get("status").asText();
            switch (status) {
                case "DONE" -> done++;
                case "NO_SHOW" -> noShow++;
                default -> open++;
            }
        }
        int leftInQueues = 0;
        for (Branch c : centres) {
            JsonNode q = api.get("/api/v1/branches/" + c.code + "/queue", admin).body();
            leftInQueues += q.get("waiting").size() + q.get("called").size() + q.get("serving").size();
        }
        long serverCount = 0;
        long serverSum = 0;
        boolean countersMatch = true;
        // a long day may cross midnight in Tirane: its payments are then in two days' books
        LocalDate lastDay = LocalDate.now(TIRANE);
        for (Branch c : centres) {
            for (long counter : c.counterIds) {
                long sum = 0;
                int count = 0;
                for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
                    JsonNode cash = api.get("/api/v1/reports/cash?counterId=" + counter + "&date=" + d, admin).body();
                    sum += Money.parse(cash.get("total").asText());
                    count += cash.get("payments").size();
                }
                long[] mine = takenPerCounter.get(counter);
                countersMatch &= mine[0] == count && mine[1] == sum;
                serverCount += count;
                serverSum += sum;
                api.post("/api/v1/counters/" + counter + "/close", admin, null);
            }
        }
        long[] calls = callNanos.stream().mapToLong(Long::longValue).toArray();
        comebacks.shutdown();
        // a reactivated no-show ends twice on the display (no-show, then finished) but once in the books
        boolean ticketsOk = open == 0 && leftInQueues == 0 && done + noShow == issued.size()
                && noShow == noShows.get() - reactivated.get();
        boolean paymentsOk = serverCount == paymentsMade.get() && serverSum == paidQindarka.get() && countersMatch;
        // a ticket whose kiosk answer was lost is still served and ended, and seen by the display
        int ends = issued.size() + reactivated.get();
        boolean eventsOk = endedEvents.get() >= ends && endedEvents.get() <= ends + kioskLost.get();
        System.out.println();
        System.out.println("| centres | tickets | served | no-shows | transfers | payments | taken (lek) | refused (owed less) | day (wall) | call p50/p95/p99 ms (call-next, end-and-call-next) | display ends seen |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        System.out.printf("| %d | %d | %d | %d | %d | %d | %s | %d | %.1f s | %s | %d |%n", centres.size(), issued.size(), done, noShow,
                transfers.get(), paymentsMade.get(), Money.format(paidQindarka.get()), paymentsRefused.get(), dayMs / 1000.0,
                Percentiles.millis(calls), endedEvents.get());
        System.out.println();
        System.out.printf("tickets: every one ended exactly once: %s (still open: %d, left in the queues: %d; kiosk answers lost: %d,"
                + " call answers lost and recovered: %d)%n", ticketsOk ? "YES" : "NO", open, leftInQueues, kioskLost.get(), recovered.get());
        System.out.printf("fair queue: %d with a priority category, %d by appointment, %d no-shows of which %d came back and were"
                + " served or ended again%n", withCategory.get(), appointments.get(), noShows.get(), reactivated.get());
        System.out.printf("payments: server has %d for %s lek, clerks took %d for %s lek, per counter equal: %s -> %s%n",
                serverCount, Money.format(serverSum), paymentsMade.get(), Money.format(paidQindarka.get()), countersMatch,
                paymentsOk ? "BALANCED" : "NOT BALANCED");
        System.out.printf("calls that found nobody: %d with a ticket on the clerk's picture (or finishing one), %d looks with none,"
                + " %d after the doors closed (%.1f s into the day)%n", emptyCalls[0].get(), emptyCalls[1].get(), emptyCalls[2].get(),
                doorsClosedAfterNanos / 1e9);
        System.out.printf("displays: %d ends seen for %d tickets -> %s (streams connected again: %d)%n", endedEvents.get(), issued.size(),
                eventsOk ? "OK" : "MISMATCH", displayReconnects.get());
        return ticketsOk && paymentsOk && eventsOk;
    }

    private void sleepUntil(long startNanos, double simulatedSeconds) {
        long due = startNanos + (long) (simulatedSeconds / speed * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
