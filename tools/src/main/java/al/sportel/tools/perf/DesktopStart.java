package al.sportel.tools.perf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The desktop rows of docs/benchmarks.md: time from process start to the clerk's login window on
 * screen, and resident memory two seconds later, each against a bare JavaFX window started from the
 * same jar's JavaFX in the same round (3 rounds, the order alternating), plus the clerk desktop with
 * an AppCDS archive made by a first start. Needs a display: run under {@code xvfb-run -a}.
 *
 * <pre>xvfb-run -a java -cp tools/target/sportel-tools.jar al.sportel.tools.perf.DesktopStart \
 *      --clerk-jar clerk-desktop/target/sportel-clerk.jar [--out target/desktop-start.md]</pre>
 */
public final class DesktopStart {

    private static final int ROUNDS = 3;
    private static final long SETTLE_MILLIS = 2_000;

    private final Path clerkJar;
    /** Optional: an earlier clerk jar started in the same rounds, for a before/after of a change. */
    private final Path beforeJar;
    private final Path toolsJar;
    private final Path work;
    private final Path archive;

    private DesktopStart(Path clerkJar, Path beforeJar, Path toolsJar, Path work) {
        this.clerkJar = clerkJar;
        this.beforeJar = beforeJar;
        this.toolsJar = toolsJar;
        this.work = work;
        this.archive = work.resolve("sportel-clerk.jsa");
    }

    /** One start: milliseconds to the window, resident MiB after settling. */
    record Start(long millis, long rssMib) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        Path clerk = Path.of(o.getOrDefault("--clerk-jar", "clerk-desktop/target/sportel-clerk.jar"));
        if (!Files.isRegularFile(clerk) || System.getenv("DISPLAY") == null) {
            System.err.println("desktop-start: needs --clerk-jar (built) and a display (run under xvfb-run -a)");
            System.exit(2);
        }
        Path tools = Path.of(DesktopStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path before = o.containsKey("--before-jar") ? Path.of(o.get("--before-jar")) : null;
        DesktopStart d = new DesktopStart(clerk, before, tools, Files.createTempDirectory("desktop-start"));
        String out = d.run();
        Path file = Path.of(o.getOrDefault("--out", "target/desktop-start.md"));
        Files.writeString(file, out);
        System.out.println(out);
    }

    /** The desktop rows for {@link Benchmarks}: the same rounds, from this tools jar, in a temporary folder. */
    static String rows(Path clerkJar) throws Exception {
        Path tools = Path.of(DesktopStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return new DesktopStart(clerkJar, null, tools, Files.createTempDirectory("desktop-start")).run();
    }

    private String run() throws Exception {
        // A first start makes the data folder and the AppCDS archive (dumped as the probe exits).
        start(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dsportel.startProbe=exit"), desktopMain(clerkJar), true);
        List<long[]> rows = new ArrayList<>();
        StringBuilder detail = new StringBuilder("| round | bare JavaFX ms / MiB | clerk desktop ms / MiB | with AppCDS ms / MiB |"
                + (beforeJar == null ? "" : " before ms / MiB |") + "\n|---|---|---|---|" + (beforeJar == null ? "" : "---|") + "\n");
        for (int r = 1; r <= ROUNDS; r++) {
            List<Start> got = new ArrayList<>(List.of(new Start(0, 0), new Start(0, 0), new Start(0, 0), new Start(0, 0)));
            List<Integer> order = new ArrayList<>(beforeJar == null ? List.of(0, 1, 2) : List.of(0, 1, 2, 3));
            if (r % 2 == 0) {
                Collections.reverse(order);
            }
            for (int which : order) {
                got.set(which, switch (which) {
                    case 0 -> start(List.of(), bareMain(), false);
                    case 1 -> start(List.of("-Dsportel.startProbe=stay"), desktopMain(clerkJar), false);
                    case 2 -> start(List.of("-XX:SharedArchiveFile=" + archive, "-Dsportel.startProbe=stay"), desktopMain(clerkJar), false);
                    default -> start(List.of("-Dsportel.startProbe=stay"), desktopMain(beforeJar), false);
                });
            }
            Start bare = got.get(0);
            Start desk = got.get(1);
            Start cds = got.get(2);
            Start old = got.get(3);
            rows.add(new long[] {bare.millis(), bare.rssMib(), desk.millis(), desk.rssMib(), cds.millis(), cds.rssMib(),
                old.millis(), old.rssMib()});
            detail.append("| %d | %d / %d | %d / %d | %d / %d |".formatted(r, bare.millis(), bare.rssMib(),
                    desk.millis(), desk.rssMib(), cds.millis(), cds.rssMib()))
                    .append(beforeJar == null ? "" : " %d / %d |".formatted(old.millis(), old.rssMib())).append('\n');
        }
        StringBuilder s = new StringBuilder("| goal | round 1 | round 2 | round 3 | median | target |\n|---|---|---|---|---|---|\n");
        s.append(ratioRow("clerk desktop start to login window / bare JavaFX window", rows, 2, 0, "≤ 1.5"));
        s.append(ratioRow("the same with the AppCDS archive", rows, 4, 0, "≤ 1.5"));
        s.append(ratioRow("desktop RSS after start / bare JavaFX", rows, 3, 1, "≤ 1.5"));
        s.append(ratioRow("the same with the AppCDS archive", rows, 5, 1, "≤ 1.5"));
        if (beforeJar != null) {
            s.append(ratioRow("before this change: start / bare JavaFX", rows, 6, 0, "≤ 1.5"));
            s.append(ratioRow("before this change: RSS / bare JavaFX", rows, 7, 1, "≤ 1.5"));
        }
        return s + "\n" + detail;
    }

    private static String ratioRow(String goal, List<long[]> rows, int num, int den, String target) {
        return RatioRow.of(goal, rows.stream().mapToDouble(r -> (double) r[num] / Math.max(1, r[den])).toArray(), target);
    }

    private List<String> desktopMain(Path jar) {
        return List.of("-cp", jar.toString(), "al.sportel.desktop.Main", "--server", "http://127.0.0.1:9",
                "--data-dir", work.resolve("data").toString());
    }

    private List<String> bareMain() {
        // by name: this JVM has no JavaFX to load the class with
        return List.of("-cp", clerkJar + ":" + toolsJar, "al.sportel.tools.perf.BareWindow");
    }

    private Start start(List<String> flags, List<String> main, boolean waitForExit) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(flags);
        cmd.addAll(main);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<Long> shown = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                Long at = null;
                while ((line = r.readLine()) != null) {
                    if (at == null && line.startsWith("sportel-start: window shown")) {
                        at = (System.nanoTime() - t0) / 1_000_000;
                        return at;
                    }
                }
                return -1L;
            } catch (IOException e) {
                return -1L;
            }
        });
        try {
            long millis = shown.get(90, TimeUnit.SECONDS);
            if (millis < 0) {
                throw new IllegalStateException("no window from " + String.join(" ", cmd));
            }
            if (waitForExit) {
                p.waitFor(60, TimeUnit.SECONDS);
                return new Start(millis, 0);
            }
            Thread.sleep(SETTLE_MILLIS);
            return new Start(millis, rssMib(p.pid()));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no window from " + String.join(" ", cmd), e);
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
    }

    private static long rssMib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
