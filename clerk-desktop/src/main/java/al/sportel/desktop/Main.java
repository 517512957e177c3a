package al.sportel.desktop;

import al.sportel.desktop.app.DesktopConfig;

/**
 * {@code java -jar sportel-clerk.jar [--server URL] [--lang sq|en] [--data-dir DIR]}. A plain class,
 * not an Application, so the JavaFX runtime inside the fat jar starts from the classpath.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        DesktopConfig config;
        try {
            config = DesktopConfig.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("sportel-clerk: " + e.getMessage());
            System.err.println("Usage: java -jar sportel-clerk.jar [--server URL] [--lang sq|en] [--data-dir DIR]");
            System.exit(2);
            return;
        }
        SportelApp.launchWith(config);
    }
}
