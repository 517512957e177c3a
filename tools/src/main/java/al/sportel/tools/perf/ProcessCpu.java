package al.sportel.tools.perf;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the processes a benchmark runs against, read from {@code /proc} (Linux; the benchmark runs the
 * server and PostgreSQL on its own machine): the server's threads with its JIT compilers apart, every
 * {@code postgres} process, and this client. It says where a cycle's CPU goes, so a ratio that moves can be
 * told apart from a machine that did.
 */
final class ProcessCpu {

    /** Linux's USER_HZ: the unit of {@code /proc/…/stat}'s times on every common kernel. */
    private static final double MS_PER_TICK = 10.0;

    /** CPU milliseconds at one moment: the server (all threads), its JIT compiler threads, PostgreSQL, this client. */
    record Sample(double server, double jit, double postgres, double client) {
        Sample minus(Sample o) {
            return new Sample(server - o.server, jit - o.jit, postgres - o.postgres, client - o.client);
        }

        Sample per(double n) {
            return new Sample(server / n, jit / n, postgres / n, client / n);
        }
    }

    private final long serverPid;

    ProcessCpu(long serverPid) {
        this.serverPid = serverPid;
    }

    /** Now; zeros where {@code /proc} cannot be read (another system, or PostgreSQL on another machine). */
    Sample sample() {
        double server = 0;
        double jit = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(serverPid), "task"))) {
            for (Path task : tasks) {
                String[] stat = stat(task.resolve("stat"));
                if (stat == null) {
                    continue;
                }
                double ms = ticks(stat) * MS_PER_TICK;
                server += ms;
                if (stat[0].contains("CompilerThre")) { // "C2 CompilerThre", "C1 CompilerThre" (comm is cut at 15)
                    jit += ms;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Sample(0, 0, 0, 0);
        }
        return new Sample(server, jit, postgresMs(), processMs(ProcessHandle.current().pid()));
    }

    private static double postgresMs() {
        double ms = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : procs) {
                String[] stat = stat(p.resolve("stat"));
                if (stat != null && stat[0].equals("postgres")) {
                    ms += ticks(stat) * MS_PER_TICK;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ms;
    }

    private static double processMs(long pid) {
        String[] stat = stat(Path.of("/proc", Long.toString(pid), "stat"));
        return stat == null ? 0 : ticks(stat) * MS_PER_TICK;
    }

    /** {comm, then the fields after it}; null when the task ended meanwhile. */
    private static String[] stat(Path file) {
        String line;
        try {
            line = Files.readString(file);
        } catch (IOException e) {
            return null;
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')'); // a thread's name may hold spaces and parentheses
        String[] rest = line.substring(close + 2).split(" ");
        String[] out = new String[rest.length + 1];
        out[0] = line.substring(open + 1, close);
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    /** utime + stime: fields 14 and 15 of stat, so 12 and 13 after the comm (state is the first after it). */
    private static long ticks(String[] stat) {
        return Long.parseLong(stat[12]) + Long.parseLong(stat[13]);
    }
}
