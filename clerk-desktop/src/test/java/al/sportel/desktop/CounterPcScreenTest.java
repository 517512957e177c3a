package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The screens on the 1366×768 counter PC they are made for (the surefire configuration sets that
 * screen): nothing a clerk needs is pushed out of view or cut short, and the Albanian screens carry
 * none of JavaFX's built-in English.
 */
class CounterPcScreenTest extends DesktopTestBase {

    /** What JavaFX and ControlsFX show by themselves when nobody gave them a text. */
    private static final Set<String> JAVAFX_ENGLISH = Set.of("OK", "Cancel", "Yes", "No", "Close", "Apply", "Finish",
            "No content in table", "Please Wait...", "Show Details", "Hide Details", "Search...");

    @Test
    void payButtonMessageAndReprintStayInViewWithTheOfflineBanner(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        assertThat(robot.lookup("#queueTable").query().getScene().getWindow().getHeight()).isLessThanOrEqualTo(768);
        robot.type(KeyCode.F3);
        server.kill();
        assertEventually(() -> robot.lookup("#connectionBanner").query().isVisible(), "the offline banner shows");

        for (String id : List.of("#payButton", "#paymentMessage", "#reprintButton")) {
            Node node = robot.lookup(id).query();
            assertThat(inView(node)).as(id + " is visible without scrolling").isTrue();
        }
        assertNoJavaFxEnglish(robot);
    }

    @Test
    void theBoardHeadersAreNotCutAndTheConsoleSpeaksAlbanian(FxRobot robot) throws Exception {
        logIn(robot, "supervisor1", "sportel");
        waitUntil(() -> robot.lookup("#consoleButton").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#consoleButton");
        waitUntil(() -> robot.lookup("#serviceTable").tryQuery().isPresent()
                && !robot.lookup("#serviceTable").queryAs(TableView.class).getItems().isEmpty());

        List<String> cut = new ArrayList<>();
        for (String table : List.of("#serviceTable", "#counterTable", "#waitingTable")) {
            for (Node header : robot.lookup(table + " .column-header .label").queryAll()) {
                Labeled label = (Labeled) header;
                Text shown = (Text) label.lookup(".text");
                if (shown != null && !label.getText().isEmpty() && !shown.getText().equals(label.getText())) {
                    cut.add(label.getText() + " → " + shown.getText());
                }
            }
        }
        assertThat(cut).as("headers cut short").isEmpty();
        assertThat(robot.lookup("#serviceTable .column-header .label").queryAll()).hasSizeGreaterThanOrEqualTo(9);

        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        for (Tab tab : List.copyOf(tabs.getTabs())) {
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            assertNoJavaFxEnglish(robot);
        }
    }

    /** Inside the window and inside every scroll pane around it, at the scroll position it opens with. */
    private static boolean inView(Node node) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        if (b.getMaxY() > node.getScene().getHeight() || b.getMaxX() > node.getScene().getWidth() || b.getHeight() == 0) {
            return false;
        }
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                Bounds viewport = sp.localToScene(sp.getLayoutBounds());
                if (b.getMaxY() > viewport.getMaxY() + 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void assertNoJavaFxEnglish(FxRobot robot) {
        List<String> english = new ArrayList<>();
        for (Window w : robot.listWindows()) {
            if (w.getScene() == null) {
                continue;
            }
            collect(w.getScene().getRoot(), english);
        }
        assertThat(english).as("JavaFX's default English on a visible control").isEmpty();
    }

    private static void collect(Node node, List<String> english) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && JAVAFX_ENGLISH.contains(l.getText())) {
            english.add(l.getText() + " in " + l);
        }
        if (node instanceof Text t && t.getText() != null && JAVAFX_ENGLISH.contains(t.getText())) {
            english.add(t.getText() + " in " + t.getParent());
        }
        if (node instanceof TableView<?> t && t.getItems().isEmpty() && (t.getPlaceholder() == null)) {
            english.add("No content in table in #" + t.getId());
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, english);
            }
        }
    }
}
