package al.sportel.desktop.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.LoggerFactory;

/** The centre's preset file: {@code server=https://…}; missing or unreadable means no preset. */
final class Preset {

    private Preset() {
    }

    static Properties read(Path file) {
        Properties p = new Properties();
        if (file == null || !Files.isReadable(file)) {
            return p;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            String server = p.getProperty("server");
            if (server != null && server.isBlank()) {
                p.remove("server");
            }
        } catch (IOException | IllegalArgumentException e) {
            // the logger only when there is something to say: Main starts logging beside the window
            LoggerFactory.getLogger(Preset.class).warn("cannot read the preset file {}; ignoring it", file, e);
        }
        return p;
    }
}
