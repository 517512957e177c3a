package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.Ticket;
import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class ReconnectTest extends DesktopTestBase {

    @Test
    void killingAndRestartingTheServerBringsTheScreenBackByItself(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        @SuppressWarnings("unchecked")
        TableView<Ticket> table = robot.lookup("#queueTable").queryAs(TableView.class);

        server.kill();
        assertEventually(() -> robot.lookup("#connectionBanner").queryAs(Label.class).isVisible(), "a banner says the link is down");
        assertThat(text(robot, "#connectionStatus")).contains("po rilidhet");
        // only the server can call the queue: the button waits, and the banner says why
        assertEventually(() -> robot.lookup("#callNextButton").queryAs(javafx.scene.control.Button.class).isDisabled(),
                "call-next waits for the link");
        assertThat(text(robot, "#connectionBanner")).contains("Nuk ka lidhje").contains("0 veprime në pritje")
                .contains("thirrja e radhës pret lidhjen");

        server.restart();
        assertEventually(() -> !robot.lookup("#connectionBanner").queryAs(Label.class).isVisible(), "live again without a click");
        assertThat(text(robot, "#connectionStatus")).contains("Lidhur");
        JsonNode issued = server.issue("I");
        assertEventually(() -> table.getItems().stream().anyMatch(t -> t.number().equals(issued.get("number").asText())),
                "a ticket issued after the restart appears live");
    }

    @Test
    void aSessionTheServerEndsTakesTheClerkBackToTheLoginWithAReason(FxRobot robot) throws Exception {
        openCounter(robot, "clerk2");
        String admin = server.token("admin");
        long clerk2 = 0;
        for (JsonNode u : server.get("/api/v1/users?branchCode=TR01", admin)) {
            if (u.get("username").asText().equals("clerk2")) {
                clerk2 = u.get("id").asLong();
            }
        }

        server.patch("/api/v1/users/" + clerk2, admin, "{\"active\":false}");

        // The server closes her live stream within its 5 s check; the reconnect is refused, and the window
        // says why instead of reconnecting for ever.
        waitUntil(30, () -> robot.lookup("#loginButton").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(text(robot, "#loginError")).contains("Seanca juaj mbaroi");
        assertThat(robot.lookup("#loginUsername").queryAs(TextField.class).getText()).isEqualTo("clerk2");
    }
}
