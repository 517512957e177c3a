package al.sportel.server.forecast;

/**
 * The mean wait of the customers who will arrive for one service in the next hour, in seconds:
 *
 * <pre>
 *   λ  arrivals expected in the hour        μ  mean service time (s)        c  counters serving it (fractional
 *   q0 customers waiting now                                                    when a counter shares services)
 *   C  = c × 3600 / μ   customers the counters can serve in the hour
 *
 *   backlog  q(t) = max(0, q0 + (λ − C) t)             (t in hours; the queue drains or grows linearly)
 *   fluid    = mean over t in [0, 1] of q(t) × μ / c   (a newcomer waits for those ahead of them)
 *   random   = Erlang C wait of an M/M/c queue at load a = λμ/3600 when a &lt; c (arrivals bunch even
 *              when the counters keep up on average), 0 when the queue only grows
 *   forecast = fluid + random
 * </pre>
 *
 * The fluid part carries the queue as it stands and the load of the hour; the random part keeps a
 * lightly loaded hour from forecasting zero.
 */
public final class WaitForecaster {

    private static final int STEPS = 60;

    private WaitForecaster() {
    }

    public static double forecastSeconds(double arrivalsPerHour, double serviceSeconds, double counters, int waitingNow) {
        if (counters <= 0) {
            // nobody serves it: whoever comes waits at least the rest of the hour; nobody waits if nobody comes
            return waitingNow == 0 && arrivalsPerHour <= 0 ? 0 : 3600;
        }
        double capacity = counters * 3600 / serviceSeconds;
        double fluid = 0;
        for (int i = 0; i < STEPS; i++) {
            double t = (i + 0.5) / STEPS;
            double backlog = Math.max(0, waitingNow + (arrivalsPerHour - capacity) * t);
            fluid += backlog * serviceSeconds / counters;
        }
        fluid /= STEPS;
        double load = arrivalsPerHour * serviceSeconds / 3600;
        double random = load < counters ? erlangC(counters, load) * serviceSeconds / (counters - load) : 0;
        return fluid + random;
    }

    /**
     * Probability that an arrival waits in an M/M/c queue with {@code c} servers at offered load
     * {@code a}; a fractional {@code c} is rounded down for the sum and kept for the ratio.
     */
    static double erlangC(double c, double a) {
        if (a <= 0) {
            return 0;
        }
        int n = Math.max(1, (int) Math.floor(c));
        double term = 1;
        double sum = 1;
        for (int k = 1; k < n; k++) {
            term *= a / k;
            sum += term;
        }
        double last = term * a / n * (c / (c - a));
        return last / (sum + last);
    }
}
