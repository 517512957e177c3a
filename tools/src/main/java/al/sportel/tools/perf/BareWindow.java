package al.sportel.tools.perf;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The baseline of the desktop rows: a bare JavaFX window of the clerk window's size with one label,
 * started from the clerk jar's JavaFX (run with {@code -cp sportel-clerk.jar:sportel-tools.jar}).
 * Prints the same line as the clerk desktop's start probe, measured the same way.
 */
public final class BareWindow {

    private BareWindow() {
    }

    /** A plain main class (as the clerk's Main), so the JavaFX runtime starts from the classpath. */
    public static void main(String[] args) {
        Thread probe = new Thread(BareWindow::reportFirstWindow, "start-probe");
        probe.setDaemon(true);
        probe.start();
        Application.launch(App.class, args);
    }

    /** The window. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("bare");
            stage.setScene(new Scene(new StackPane(new Label("bare JavaFX window")), 1440, 900));
            stage.show();
        }
    }

    private static void reportFirstWindow() {
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
    }
}
