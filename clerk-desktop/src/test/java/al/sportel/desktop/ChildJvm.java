package al.sportel.desktop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of a JVM a test starts (the server, a second client, the tax authority's double).
 * Its flags come from {@code sportel.test.childJvmArgs} (the pom sets them): these JVMs live seconds
 * to minutes, so on CI's two cores the C2 compiler threads cost more start-up time than they repay.
 * The server, started some thirty times a run, also loads its classes from a class-data archive
 * ({@code sportel.test.serverClassArchive}) that its first start of the run writes when it stops.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /** The server's command for its jar: with the class-data archive when the build names a folder for it. */
    static List<String> server(Path jar, String... args) throws IOException {
        String folder = System.getProperty("sportel.test.serverClassArchive", "");
        List<String> all = new ArrayList<>(List.of("-jar", jar.toString()));
        all.addAll(Arrays.asList(args));
        if (folder.isBlank()) {
            return command(all.toArray(String[]::new));
        }
        // one archive per build of the jar (the JVM ignores one made from another); a stale or half-written
        // archive is only a warning, and -Xlog:disable keeps warnings off the server's ready line
        Path archive = Path.of(folder).resolve("sportel-server-" + Files.getLastModifiedTime(jar).toMillis() + ".jsa");
        Files.createDirectories(archive.getParent());
        String use = Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" : "-XX:ArchiveClassesAtExit=";
        List<String> flags = new ArrayList<>(List.of("-Xlog:disable", use + archive));
        flags.addAll(all);
        return command(flags.toArray(String[]::new));
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : System.getProperty("sportel.test.childJvmArgs", "").trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.addAll(Arrays.asList(args));
        return command;
    }
}
