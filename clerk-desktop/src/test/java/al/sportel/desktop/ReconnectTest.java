package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.Ticket;
import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
}
