package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.app.DesktopConfig;
import al.sportel.desktop.app.LinkTimings;
import al.sportel.desktop.offline.Backoff;
import java.math.BigDecimal;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxToolkit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A real window (headless through Monocle) of the real client against a real server process. */
@ExtendWith(ApplicationExtension.class)
abstract class DesktopTestBase {

    /**
     * The tests kill and restart the server: the client retries within a second, so a test waits for
     * the server to be back, not for a retry the standard timings would schedule up to 15 s later.
     */
    private static final LinkTimings QUICK_RETRIES = new LinkTimings(new Backoff(Duration.ofMillis(50), Duration.ofMillis(800)),
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));

    protected ServerProcess server;
    protected Path desktopData;
    private SportelApp app;

    @BeforeEach
    void startServerAndClient() throws Exception {
        server = startServer();
        desktopData = Files.createTempDirectory("sportel-desktop-data");
        FxToolkit.registerPrimaryStage();
        DesktopConfig config = config();
        FxToolkit.setupStage(stage -> {
            app = SportelApp.startOn(stage, config);
            stage.show();
            stage.toFront();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stopServerAndClient() throws Exception {
        if (app != null) {
            FxToolkit.setupFixture(app::shutdown);
        }
        if (server != null) {
            server.close();
        }
    }

    /** The demo install; a test of a real install's first day starts its own. */
    protected ServerProcess startServer() throws Exception {
        return new ServerProcess();
    }

    private DesktopConfig config() throws Exception {
        return new DesktopConfig(serverUrl(), "sq", desktopData, QUICK_RETRIES);
    }

    /** The address the client is given: the server's own, or a test's proxy in front of it. */
    protected String serverUrl() throws Exception {
        return server.url();
    }

    protected SportelApp app() {
        return app;
    }

    protected interface WhileStopped {
        void run() throws Exception;
    }

    /** Closes the client (window content, background, local file), runs {@code whileStopped}, starts it again. */
    protected void restartClient(WhileStopped whileStopped) throws Exception {
        FxToolkit.setupFixture(app::shutdown);
        whileStopped.run();
        DesktopConfig config = config();
        FxToolkit.setupStage(stage -> app = SportelApp.startOn(stage, config));
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected void logIn(FxRobot robot, String user, String password) {
        robot.clickOn("#loginUsername").write(user);
        robot.clickOn("#loginPassword").write(password);
        robot.clickOn("#loginButton");
    }

    /** Logs in and opens the preselected counter (the first closed one for a new clerk). */
    protected void openCounter(FxRobot robot, String user) throws Exception {
        logIn(robot, user, "sportel");
        waitUntil(() -> robot.lookup("#counterPane").query().isVisible());
        robot.clickOn("#openCounterButton");
        waitUntil(() -> robot.lookup("#queueTable").tryQuery().isPresent());
        waitUntil(() -> !robot.lookup("#queueTable").queryAs(TableView.class).isDisabled());
    }

    /** What the server says a customer owes. */
    protected BigDecimal balance(String code) throws Exception {
        return new BigDecimal(server.get("/api/v1/customers/" + code, server.token("admin")).get("balance").asText());
    }

    /** An amount as a field shows it, "16 263,19" in Albanian. */
    protected static BigDecimal amountOf(String text) {
        return new BigDecimal(text.replace(" ", "").replace(",", "."));
    }

    protected static String text(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return ((Label) n).getText();
    }

    /**
     * Polls {@code condition} (for up to 15 s unless told). A poll that throws counts as "not yet": a check read from the test
     * thread can meet the FX thread replacing a list or a scene (TestFX itself would give up at the first throw).
     * On timeout the last such exception is the cause.
     */
    protected static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitUntil(15, condition);
    }

    protected static void waitUntil(long seconds, Callable<Boolean> condition) throws Exception {
        AtomicReference<Exception> last = new AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                try {
                    return condition.call();
                } catch (Exception e) {
                    last.set(e);
                    return false;
                }
            });
        } catch (TimeoutException e) {
            if (last.get() != null && e.getCause() == null) {
                e.initCause(last.get());
            }
            throw e;
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Fails with what was awaited, the messages on screen and the server's last requests: a failure on a
     * CI machine is then explained by its one line of output.
     */
    protected void assertEventually(Callable<Boolean> condition, String what) {
        try {
            waitUntil(condition);
        } catch (Exception e) {
            assertThat(false).as("%s%n last check threw: %s%n on screen: %s%n server's last lines:%n%s", what,
                    e.getCause() == null ? "-" : e.getCause().toString(), messagesOnScreen(),
                    server == null ? "-" : server.logTail(12)).isTrue();
        }
    }

    /** The texts of the visible inline and error messages of every window. */
    private static String messagesOnScreen() {
        java.util.List<String> texts = new java.util.ArrayList<>();
        try {
            WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().forEach(w -> {
                if (w.getScene() != null) {
                    w.getScene().getRoot().lookupAll(".label").forEach(n -> {
                        if (n instanceof Label l && l.isVisible() && l.getText() != null && !l.getText().isBlank()
                                && l.getStyleClass().stream().anyMatch(c -> c.contains("message") || c.contains("error"))) {
                            texts.add(l.getText());
                        }
                    });
                }
            })).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            texts.add("(could not read the screen: " + e + ")");
        }
        return texts.toString();
    }
}
