package al.sportel.tools.perf;

import java.util.Arrays;

/** A row of the table: one ratio per round, their median in bold, and the target. */
final class RatioRow {

    private RatioRow() {
    }

    /** "| goal | r1 | r2 | r3 | **median** | target |" and a line break. */
    static String of(String goal, double[] perRound, String target) {
        StringBuilder b = new StringBuilder("| " + goal + " |");
        for (double v : perRound) {
            b.append(String.format(" %.2f |", v));
        }
        double[] sorted = perRound.clone();
        Arrays.sort(sorted);
        return b.append(String.format(" **%.2f** | %s |%n", sorted[sorted.length / 2], target)).toString();
    }
}
