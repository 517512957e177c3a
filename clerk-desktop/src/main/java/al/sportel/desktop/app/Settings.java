package al.sportel.desktop.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/** What the client remembers between runs: the last server, counter and language. */
public final class Settings {

    private final Path file;
    private final Properties props = new Properties();

    public Settings(Path dataDir) {
        this.file = dataDir.resolve("settings.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException ignored) {
                // unreadable settings only lose the remembered choices
            }
        }
    }

    public String get(String key, String fallback) {
        return props.getProperty(key, fallback);
    }

    public void put(String key, String value) {
        props.setProperty(key, value);
    }

    /** Writes to a temporary file and renames it, so a crash never leaves half a file. Disk I/O: call off the FX thread. */
    public synchronized void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("settings.properties.tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            props.store(out, "Sportel clerk desktop");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
