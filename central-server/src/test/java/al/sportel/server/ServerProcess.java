package al.sportel.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server (or one of its commands) as a separate JVM on the test classpath, as operators run it:
 * for what cannot be shown inside one process (a locked H2 file, two nodes on one database).
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Sportel server listening on (http://\\S+)");

    private final Process process;
    private final String baseUrl;

    private ServerProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static ProcessBuilder builder(Map<String, String> env, String... args) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dlogback.configurationFile=logback.xml", "-cp", classpath, Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("SPORTEL_"));
        pb.environment().putAll(env);
        return pb;
    }

    /** Starts a server and waits for its ready line. */
    static ServerProcess start(Map<String, String> env, String... args) throws IOException {
        Process p = builder(env, args).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = READY.matcher(line);
            if (m.find()) {
                // keep draining the output so the server never blocks on a full pipe
                CompletableFuture.runAsync(() -> out.lines().forEach(l -> { }));
                return new ServerProcess(p, m.group(1));
            }
        }
        throw new IllegalStateException("server did not start:\n" + seen);
    }

    /** Runs a command to its end; returns its exit code and its output. */
    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process p = builder(env, args).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("command did not end: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), output);
    }

    record Result(int exitCode, String output) {
    }

    String baseUrl() {
        return baseUrl;
    }

    int port() {
        return Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
    }

    /** SIGTERM, as systemd stops it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
