package al.sportel.desktop;

import al.sportel.desktop.app.DesktopConfig;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Window;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar sportel-clerk.jar [--server URL] [--lang sq|en] [--data-dir DIR]}. A plain class,
 * not an Application, so the JavaFX runtime inside the fat jar starts from the classpath.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Logback reads its configuration in about a quarter of a second: on a thread of its own, beside
        // the JavaFX start, rather than before it (a logger asked for meanwhile is a stand-in that SLF4J
        // connects once logging is up, without waiting)
        Thread logging = new Thread(() -> LoggerFactory.getLogger(Main.class), "sportel-logging-start");
        logging.setDaemon(true);
        logging.start();
        DesktopConfig config;
        try {
            config = DesktopConfig.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("sportel-clerk: " + e.getMessage());
            System.err.println("Usage: java -jar sportel-clerk.jar [--server URL] [--lang sq|en] [--data-dir DIR]");
            System.exit(2);
            return;
        }
        if (System.getProperty("sportel.startProbe") != null) {
            reportFirstWindow();
        }
        SportelApp.launchWith(config);
    }

    /**
     * For the start-up benchmark (tools DesktopStart): prints one line once the first window is showing
     * and the FX thread has run again after it, so the line marks a window on screen, not one queued.
     */
    private static void reportFirstWindow() {
        Thread probe = new Thread(() -> {
            CountDownLatch shown = new CountDownLatch(1);
            while (shown.getCount() > 0) {
                try {
                    Thread.sleep(5);
                    Platform.runLater(() -> {
                        if (Window.getWindows().stream().anyMatch(Window::isShowing)) {
                            Platform.runLater(shown::countDown);
                        }
                    });
                    shown.await(5, TimeUnit.MILLISECONDS);
                } catch (IllegalStateException notYetStarted) {
                    // the JavaFX runtime is not up yet
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.out.println("sportel-start: window shown");
            if ("exit".equals(System.getProperty("sportel.startProbe"))) {
                System.exit(0); // a normal exit, so -XX:ArchiveClassesAtExit writes its archive
            }
        }, "sportel-start-probe");
        probe.setDaemon(true);
        probe.start();
    }
}
