package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.app.Background;
import al.sportel.model.Ticket;
import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The supervisor's console on a busy day: the board refreshing after every live event leaves the buttons
 * usable, and a slow report neither lets the user click again nor holds the board up. The server's answers
 * are slowed down by a proxy, as a loaded server would be.
 */
class ConsoleStaysUsableTest extends ProxiedDesktopTest {

    private static final String BOARD_REQUEST = "/board HTTP";
    private static final String REPORT_REQUEST = "/api/v1/reports/branch";

    @SuppressWarnings("unchecked")
    private static TableView<Ticket> waiting(FxRobot robot) {
        return robot.lookup("#waitingTable").queryAs(TableView.class);
    }

    private static boolean disabled(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class).isDisabled();
    }

    private Background background() {
        return app().context().background();
    }

    private void openConsole(FxRobot robot) throws Exception {
        logIn(robot, "supervisor1", "sportel");
        waitUntil(() -> robot.lookup("#consoleButton").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#consoleButton");
        waitUntil(() -> robot.lookup("#waitingTable").tryQuery().isPresent() && !waiting(robot).getItems().isEmpty());
    }

    @Test
    void whileTheBoardRefreshesTheButtonsStayEnabledAndAClickIsNotLost(FxRobot robot) throws Exception {
        JsonNode first = server.issue("I");
        openConsole(robot);
        robot.interact(() -> waiting(robot).getSelectionModel().select(
                waiting(robot).getItems().stream().filter(t -> t.id().equals(first.get("id").asText())).findFirst().orElseThrow()));

        proxy.hold(BOARD_REQUEST);
        String next = server.issue("P").get("number").asText(); // a live event: the console asks for a new board
        waitUntil(() -> proxy.held.get() >= 1);
        robot.interact(() -> { }); // whatever the FX thread had queued has run

        assertThat(background().refreshing().get()).as("a board request is in flight").isTrue();
        assertThat(background().busy().get()).as("and it does not make the console busy").isFalse();
        assertThat(robot.lookup("#busyIndicator").query().isVisible()).as("only the small spinner says so").isTrue();
        assertThat(disabled(robot, "#priorityButton")).isFalse();
        assertThat(disabled(robot, "#cancelButton")).isFalse();
        assertThat(disabled(robot, "#logoutButton")).isFalse();
        assertThat(disabled(robot, "#runReport")).isFalse();

        robot.clickOn("#priorityButton");
        assertEventually(() -> priorityOnServer(first.get("id").asText()), "the click reached the server while the board was loading");

        proxy.release();
        assertEventually(() -> waiting(robot).getItems().stream().anyMatch(t -> t.number().equals(next)), "the new ticket shows");
        assertEventually(() -> waiting(robot).getItems().stream().anyMatch(t -> t.id().equals(first.get("id").asText()) && t.priority()),
                "and the ticket is shown with priority");
        assertEventually(() -> !background().refreshing().get(), "the refresh is over");
    }

    private boolean priorityOnServer(String ticketId) throws Exception {
        for (JsonNode t : server.get("/api/v1/branches/TR01/board", server.token("supervisor1")).get("waiting")) {
            if (t.get("id").asText().equals(ticketId)) {
                return t.get("priority").asBoolean();
            }
        }
        return false;
    }

    @Test
    void aSlowReportShowsBusyButTheBoardKeepsFollowingTheCentre(FxRobot robot) throws Exception {
        server.issue("I");
        openConsole(robot);
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "reportsTab".equals(t.getId())).findFirst().orElseThrow());
        });
        waitUntil(() -> robot.lookup("#runReport").tryQuery().map(n -> n.isVisible() && !((Button) n).isDisabled()).orElse(false));

        proxy.hold(REPORT_REQUEST);
        robot.clickOn("#runReport");
        waitUntil(() -> proxy.held.get() >= 1);
        robot.interact(() -> { });
        assertThat(background().busy().get()).as("the report the supervisor asked for makes the console busy").isTrue();
        assertThat(disabled(robot, "#runReport")).as("so a second click cannot ask again").isTrue();
        assertThat(robot.lookup("#busyIndicator").query().isVisible()).isTrue();

        String number = server.issue("A").get("number").asText();
        assertEventually(() -> waiting(robot).getItems().stream().anyMatch(t -> t.number().equals(number)),
                "the board shows a new ticket while the report is still being computed");

        proxy.release();
        assertEventually(() -> !robot.lookup("#reportServices").queryAs(TableView.class).getItems().isEmpty(), "the report arrives");
        assertEventually(() -> !disabled(robot, "#runReport"), "and the button is usable again");
    }
}
