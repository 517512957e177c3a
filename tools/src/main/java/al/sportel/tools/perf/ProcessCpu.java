package al.sportel.tools.perf;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
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

    /**
     * Now; NaN where {@code /proc} cannot be read (another system). The server's figure is its process's own
     * (threads that ended meanwhile stay in it); the JIT's is its live compiler threads' (one that ended is
     * missed). PostgreSQL's adds, for every {@code postgres} process of this machine, the time of its ended
     * children, so the backends a pool closed meanwhile stay counted (through the postmaster).
     */
    Sample sample() {
        double jit = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(serverPid), "task"))) {
            for (Path task : tasks) {
                String[] stat = stat(task.resolve("stat"));
                if (stat != null && stat[0].contains("CompilerThre")) { // "C2 CompilerThre", "C1 CompilerThre": comm is cut at 15
                    jit += ticks(stat, false) * MS_PER_TICK;
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            return new Sample(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Sample(processMs(serverPid), jit, postgresMs(), processMs(ProcessHandle.current().pid()));
    }

    private static double postgresMs() {
        double ms = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : procs) {
                String[] stat = stat(p.resolve("stat"));
                if (stat != null && stat[0].equals("postgres")) {
                    ms += ticks(stat, true) * MS_PER_TICK;
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            return Double.NaN;
        }
        return ms;
    }

    private static double processMs(long pid) {
        String[] stat = stat(Path.of("/proc", Long.toString(pid), "stat"));
        return stat == null ? Double.NaN : ticks(stat, false) * MS_PER_TICK;
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

    /**
     * utime + stime (fields 14 and 15 of stat, so 12 and 13 after the comm, the state being the first after it),
     * and with {@code children} cutime + cstime (16 and 17): the ended children's, which the kernel adds there
     * once they were waited for.
     */
    private static long ticks(String[] stat, boolean children) {
        long t = Long.parseLong(stat[12]) + Long.parseLong(stat[13]);
        return children ? t + Long.parseLong(stat[14]) + Long.parseLong(stat[15]) : t;
    }
}
