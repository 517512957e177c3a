package al.sportel.desktop.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * How the client was started: options win over environment variables, which win over the centre's
 * preset file ({@code /etc/sportel/clerk.properties}, or the file named by {@code -Dsportel.preset}),
 * which wins over what the client remembered last time ({@link Settings}).
 */
public record DesktopConfig(String serverUrl, String lang, Path dataDir, LinkTimings linkTimings) {

    public DesktopConfig(String serverUrl, String lang, Path dataDir) {
        this(serverUrl, lang, dataDir, LinkTimings.standard());
    }

    /** Where a centre's IT presets the server for every user of the computer (issue 17). */
    public static final Path SYSTEM_PRESET = Path.of("/etc/sportel/clerk.properties");

    public static DesktopConfig parse(String[] args, Map<String, String> env) {
        String preset = System.getProperty("sportel.preset");
        return parse(args, env, preset != null ? Path.of(preset) : SYSTEM_PRESET);
    }

    public static DesktopConfig parse(String[] args, Map<String, String> env, Path presetFile) {
        String server = env.get("SPORTEL_SERVER");
        if (server == null) {
            server = Preset.read(presetFile).getProperty("server");
        }
        String lang = env.get("SPORTEL_LANG");
        String dir = env.get("SPORTEL_DESKTOP_DATA");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--server" -> server = require(a, v);
                case "--lang" -> lang = require(a, v);
                case "--data-dir" -> dir = require(a, v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
            i++;
        }
        if (lang != null && !lang.equals("sq") && !lang.equals("en")) {
            throw new IllegalArgumentException("--lang must be sq or en");
        }
        Path dataDir = dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".sportel");
        return new DesktopConfig(server, lang, dataDir);
    }

    private static String require(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
