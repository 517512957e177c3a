package al.sportel.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Albanian and English say the same things, and every key the views and code ask for exists. */
class BundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path SOURCES = Path.of("src/main/java");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve("al/sportel/desktop").resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void albanianAndEnglishHoldTheSameKeys() throws IOException {
        Set<String> sq = load("messages.properties").stringPropertyNames();
        Set<String> en = load("messages_en.properties").stringPropertyNames();
        assertThat(new TreeSet<>(sq)).as("keys only in Albanian / only in English").isEqualTo(new TreeSet<>(en));
    }

    @Test
    void everyKeyInTheViewsAndTheCodeExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> asked = new TreeSet<>();
        collect(RESOURCES, ".fxml", Pattern.compile("\"%([\\w.]+)\""), asked);
        collect(SOURCES, ".java", Pattern.compile("\\bt\\(\"([\\w.]+)\"\\s*[,)]"), asked);
        assertThat(asked).as("keys asked for").hasSizeGreaterThan(100);
        assertThat(asked.stream().filter(k -> !keys.contains(k)).toList()).as("keys missing from the bundles").isEmpty();
    }

    private static void collect(Path root, String suffix, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(f));
                while (m.find()) {
                    into.add(m.group(1));
                }
            }
        }
    }
}
