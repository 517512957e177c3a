package al.sportel.tools.perf;

import al.sportel.tools.perf.DisplayStreams.Arrival;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event rows of docs/benchmarks.md: N waiting-room screens hold the public display stream of a branch
 * while one counter makes 100 calls, one after another; each latency is from the call's HTTP response to
 * a screen reading that call's {@code ticket.called} event.
 */
final class EventLatency {

    /** Calls per measurement. */
    static final int CALLS = 100;

    /** Puts {@code count} tickets into the counter's queue. */
    interface Issuer {
        void issue(int count) throws Exception;
    }

    /** The server's resident memory in kB. */
    interface Rss {
        long kb() throws Exception;
    }

    /** One measurement: latencies in nanoseconds, and how many of the expected arrivals came at all. */
    record Measured(long[] nanos, long received, long expected) {
    }

    private final HttpApi api;
    private final String branch;
    private final long counter;
    private final String clerk;
    private final Issuer issuer;
    private final Rss rss;
    private long peakRssKb;

    EventLatency(HttpApi api, String branch, long counter, String clerk, Issuer issuer, Rss rss) {
        this.api = api;
        this.branch = branch;
        this.counter = counter;
        this.clerk = clerk;
        this.issuer = issuer;
        this.rss = rss;
    }

    long peakRssKb() {
        return peakRssKb;
    }

    /**
     * Per round, p50/p95/p99 (ns) and the share of arrivals received at each subscriber count, the counts
     * taken in turn so that a change of machine load hits all of them.
     */
    List<double[]> rounds(int[] subscribers, int rounds) throws Exception {
        return rounds(subscribers, rounds, null, new ArrayList<>());
    }

    /** The same, each measurement followed by the same on the bare-socket floor (its rounds go to {@code floorOut}). */
    List<double[]> rounds(int[] subscribers, int rounds, SocketFloor floor, List<double[]> floorOut) throws Exception {
        List<double[]> out = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            double[] round = new double[subscribers.length * 4];
            double[] floorRound = new double[subscribers.length * 4];
            for (int i = 0; i < subscribers.length; i++) {
                put(round, i, measure(subscribers[i]));
                if (floor != null) {
                    put(floorRound, i, measureFloor(subscribers[i], floor));
                }
            }
            out.add(round);
            floorOut.add(floorRound);
        }
        return out;
    }

    private static void put(double[] round, int i, Measured m) {
        round[i * 4] = Percentiles.of(m.nanos(), 50);
        round[i * 4 + 1] = Percentiles.of(m.nanos(), 95);
        round[i * 4 + 2] = Percentiles.of(m.nanos(), 99);
        round[i * 4 + 3] = m.expected() == 0 ? 0 : (double) m.received() / m.expected();
    }

    /**
     * The floor: the same screens (same client) on {@link SocketFloor}, which writes a display-sized
     * {@code ticket.called} frame to all of them as often as the counter calls; each latency is from the
     * start of that write to a screen reading it.
     */
    Measured measureFloor(int n, SocketFloor floor) throws Exception {
        Map<Integer, Long> sentAt = new HashMap<>();
        List<Arrival> arrivals = new ArrayList<>();
        try (DisplayStreams streams = new DisplayStreams(floor.base(), "/display/events", n)) {
            if (!streams.awaitConnected(Math.max(60, n / 20))) {
                floor.base(); // says why, when the floor stopped accepting
                throw new IllegalStateException("only some of " + n + " floor streams connected");
            }
            Thread.sleep(1000);
            for (int k = 0; k < CALLS; k++) {
                String number = "F%03d".formatted(k);
                byte[] frame = ("id: " + (k + 1) + "\nevent: ticket.called\ndata: {\"type\":\"ticket.called\",\"at\":\""
                        + Instant.now() + "\",\"ticket\":{\"number\":\"" + number + "\",\"serviceId\":1,\"serviceLetter\":\"F\","
                        + "\"status\":\"CALLED\",\"calledAt\":\"" + Instant.now() + "\",\"counterNumber\":1},"
                        + "\"counter\":{\"number\":1,\"status\":\"OPEN\"}}\n\n").getBytes(StandardCharsets.UTF_8);
                long at = System.nanoTime();
                sentAt.put(number.hashCode(), at);
                floor.broadcast(frame);
                Thread.sleep(20);
            }
            arrivals.addAll(awaitArrivals(streams, (long) CALLS * n));
        } finally {
            floor.disconnectAll();
        }
        return latencies(arrivals, sentAt, (long) CALLS * n);
    }

    /** Time from each call's HTTP response to its ticket.called event at every subscriber of the display stream. */
    Measured measure(int n) throws Exception {
        Map<Integer, Long> responseAt = new HashMap<>();
        List<Arrival> arrivals = new ArrayList<>();
        int calls = 0;
        try (DisplayStreams streams = new DisplayStreams(api.base(), "/api/v1/public/branches/" + branch + "/display/events", n)) {
            if (!streams.awaitConnected(Math.max(60, n / 20))) {
                throw new IllegalStateException("only some of " + n + " display streams connected (" + streams.refused() + " refused)");
            }
            Thread.sleep(1000);
            peakRssKb = Math.max(peakRssKb, rss.kb());
            issuer.issue(CALLS);
            for (int k = 0; k < CALLS; k++) {
                HttpApi.Response r = api.post("/api/v1/counters/" + counter + "/call-next", clerk, null);
                long at = System.nanoTime();
                if (r.status() != 200) {
                    break;
                }
                calls++;
                responseAt.put(r.body().get("number").asText().hashCode(), at);
                api.post("/api/v1/tickets/" + r.body().get("id").asText() + "/no-show", clerk, null);
                Thread.sleep(20);
            }
            arrivals.addAll(awaitArrivals(streams, (long) calls * n));
        }
        Thread.sleep(1500);
        return latencies(arrivals, responseAt, (long) calls * n);
    }

    /** What the screens read, once every expected event came or after 10 s. */
    private static Collection<Arrival> awaitArrivals(DisplayStreams streams, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (streams.arrivals().size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return streams.arrivals();
    }

    /** Each arrival's latency from the moment its event was sent (by ticket number); 0 when it came first. */
    private static Measured latencies(List<Arrival> arrivals, Map<Integer, Long> sentAt, long expected) {
        List<Long> lat = new ArrayList<>();
        for (Arrival a : arrivals) {
            Long sent = sentAt.get(a.numberHash());
            if (sent != null) {
                lat.add(Math.max(0, a.nanos() - sent));
            }
        }
        return new Measured(lat.stream().mapToLong(Long::longValue).toArray(), lat.size(), expected);
    }
}
