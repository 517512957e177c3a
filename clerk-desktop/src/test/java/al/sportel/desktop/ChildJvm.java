package al.sportel.desktop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of a JVM a test starts (the server, a second client, the tax authority's double).
 * Its flags come from {@code sportel.test.childJvmArgs} (the pom sets them): these JVMs live seconds
 * to minutes, so on CI's two cores the C2 compiler threads cost more start-up time than they repay.
 */
final class ChildJvm {

    private ChildJvm() {
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
