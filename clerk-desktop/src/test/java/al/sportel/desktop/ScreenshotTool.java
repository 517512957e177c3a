package al.sportel.desktop;

import al.sportel.desktop.app.DesktopConfig;
import java.io.File;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Takes the README's screenshot from a real window: starts a server, issues a few tickets, logs in as
 * clerk1 through the UI, calls the next ticket and writes the scene as PNG. Run under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1366x768x24" java -cp <test classpath> al.sportel.desktop.ScreenshotTool docs/counter-screen.png}.
 */
public final class ScreenshotTool {

    private ScreenshotTool() {
    }

    public static void main(String[] args) throws Exception {
        File out = new File(args.length > 0 ? args[0] : "counter-screen.png");
        try (ServerProcess server = new ServerProcess()) {
            for (String letter : new String[] {"P", "I", "P", "A", "P", "I", "P"}) {
                server.issue(letter);
            }
            server.post("/api/v1/branches/TR01/tickets", server.token("kiosk1"),
                    "{\"serviceId\":" + server.serviceId("P") + ",\"priority\":true}");
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            AtomicReference<Scene> scene = new AtomicReference<>();
            fx(() -> {
                Stage stage = new Stage();
                stage.setWidth(1366);
                stage.setHeight(768);
                SportelApp.startOn(stage, new DesktopConfig(server.url(), "sq", Files.createTempDirectory("shot")));
                stage.show();
                scene.set(stage.getScene());
                return null;
            });
            Thread.sleep(1500);
            if (args.length > 1 && args[1].equals("board")) {
                board(server, scene.get());
            } else {
                counter(scene.get());
            }
            var image = fx(() -> scene.get().snapshot(null));
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
            System.out.println("wrote " + out.getAbsolutePath());
        }
        Platform.exit();
        System.exit(0);
    }

    /** The supervisor's live board with a few counters at work: {@code ScreenshotTool docs/supervisor-board.png board}. */
    private static void board(ServerProcess server, Scene scene) throws Exception {
        for (int i = 0; i < 3; i++) {
            for (String letter : new String[] {"P", "I", "A", "K"}) {
                server.issue(letter);
            }
        }
        for (int n = 1; n <= 3; n++) {
            String clerk = server.token("clerk" + n);
            long counter = server.counterId(n);
            server.post("/api/v1/counters/" + counter + "/open", clerk, "");
            server.post("/api/v1/counters/" + counter + "/call-next", clerk, "");
        }
        // the local file opens first and keeps the button disabled meanwhile: a fire() then does nothing
        waitFor(() -> fx(() -> !find(scene, "#loginButton").isDisabled()));
        fx(() -> {
            ((TextInputControl) find(scene, "#loginUsername")).setText("supervisor1");
            ((TextInputControl) find(scene, "#loginPassword")).setText("sportel");
            ((Button) find(scene, "#loginButton")).fire();
            return null;
        });
        waitFor(() -> fx(() -> find(scene, "#consoleButton").isVisible()));
        fx(() -> {
            ((Button) find(scene, "#consoleButton")).fire();
            return null;
        });
        waitFor(() -> fx(() -> scene.lookup("#counterTable") != null
                && !((TableView<?>) find(scene, "#counterTable")).getItems().isEmpty()));
        Thread.sleep(2500);
    }

    private static void counter(Scene scene0) throws Exception {
        AtomicReference<Scene> scene = new AtomicReference<>(scene0);
            waitFor(() -> fx(() -> !find(scene.get(), "#loginButton").isDisabled()));
            fx(() -> {
                ((TextInputControl) find(scene.get(), "#loginUsername")).setText("clerk1");
                ((TextInputControl) find(scene.get(), "#loginPassword")).setText("sportel");
                ((Button) find(scene.get(), "#loginButton")).fire();
                return null;
            });
            waitFor(() -> fx(() -> find(scene.get(), "#counterPane").isVisible()));
            fx(() -> {
                ((Button) find(scene.get(), "#openCounterButton")).fire();
                return null;
            });
            waitFor(() -> fx(() -> scene.get().lookup("#callNextButton") != null && !find(scene.get(), "#callNextButton").isDisabled()));
            Thread.sleep(1500);
            fx(() -> {
                ((Button) find(scene.get(), "#callNextButton")).fire();
                return null;
            });
            waitFor(() -> fx(() -> !"—".equals(((Label) find(scene.get(), "#currentTicketNumber")).getText())));
            // the payment panel with a customer and a tendered amount too small: its validation mark shows
            fx(() -> {
                TabPane tabs = (TabPane) find(scene.get(), "#sideTabs");
                tabs.getSelectionModel().select(1);
                ((TextInputControl) find(scene.get(), "#customerCode")).setText("100001");
                ((Button) find(scene.get(), "#lookupButton")).fire();
                return null;
            });
            waitFor(() -> fx(() -> !((Label) find(scene.get(), "#customerName")).getText().isEmpty()));
            fx(() -> {
                ((TextInputControl) find(scene.get(), "#tendered")).setText("50");
                return null;
            });
            Thread.sleep(2500); // let the waited-time clock tick and the table settle
    }

    private static Node find(Scene scene, String id) {
        Node n = scene.lookup(id);
        if (n == null) {
            throw new IllegalStateException("no " + id);
        }
        return n;
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(c.call());
            } catch (Exception e) {
                error.set(e);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        for (int i = 0; i < 900; i++) { // up to 90 s: a loaded build machine is slow to start a server
            try {
                if (condition.call()) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // the node is not there yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out");
    }
}
