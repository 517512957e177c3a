package al.sportel.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The centre's IT presets the server once per computer; a clerk's option or variable still wins. */
class DesktopConfigTest {

    @TempDir
    Path dir;

    @Test
    void thePresetFileGivesTheServerWhenNothingElseDoes() throws Exception {
        Path preset = Files.writeString(dir.resolve("clerk.properties"), "# set by IT\nserver=http://sportel.qendra.local:8080\n");
        assertThat(DesktopConfig.parse(new String[0], Map.of(), preset).serverUrl()).isEqualTo("http://sportel.qendra.local:8080");
        assertThat(DesktopConfig.parse(new String[] {"--server", "http://other:1"}, Map.of(), preset).serverUrl())
                .isEqualTo("http://other:1");
        assertThat(DesktopConfig.parse(new String[0], Map.of("SPORTEL_SERVER", "http://env:2"), preset).serverUrl())
                .isEqualTo("http://env:2");
    }

    @Test
    void aMissingOrEmptyPresetMeansNoPreset() throws Exception {
        assertThat(DesktopConfig.parse(new String[0], Map.of(), dir.resolve("none.properties")).serverUrl()).isNull();
        Path empty = Files.writeString(dir.resolve("empty.properties"), "server=\n");
        assertThat(DesktopConfig.parse(new String[0], Map.of(), empty).serverUrl()).isNull();
    }
}
