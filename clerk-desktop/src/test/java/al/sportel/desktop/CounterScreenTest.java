package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.Ticket;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class CounterScreenTest extends DesktopTestBase {

    /** Each window test starts its own server: the one-step endings follow the two-step ones on the same counter. */
    @Test
    void aTicketIssuedElsewhereAppearsLiveThenCallNextAndFinishThenEndAndCallNextInOneStep(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        assertThat(text(robot, "#connectionStatus")).contains("Lidhur");
        assertThat(text(robot, "#currentTicketNumber")).isEqualTo("—");
        @SuppressWarnings("unchecked")
        TableView<Ticket> table = robot.lookup("#queueTable").queryAs(TableView.class);
        assertThat(table.getItems()).isEmpty();

        JsonNode issued = server.issue("P"); // at the kiosk, not in this window
        String number = issued.get("number").asText();
        assertEventually(() -> table.getItems().size() == 1 && table.getItems().get(0).number().equals(number),
                "the new ticket appears in the queue without a click");
        assertThat(text(robot, "#waitingCount")).contains("1");

        robot.clickOn("#callNextButton");
        assertEventually(() -> number.equals(text(robot, "#currentTicketNumber")), "call next shows the ticket");
        assertThat(table.getItems()).isEmpty();
        assertThat(robot.lookup("#callNextButton").queryButton().isDisabled()).as("one ticket at a time").isTrue();

        robot.type(KeyCode.F8); // finish by keyboard
        assertEventually(() -> "—".equals(text(robot, "#currentTicketNumber")), "finish clears the ticket");
        JsonNode after = server.get("/api/v1/tickets/" + issued.get("id").asText(), server.token("clerk1"));
        assertThat(after.get("status").asText()).isEqualTo("DONE");
        assertEventually(() -> text(robot, "#statusServed").contains("1"), "served today counts it");

        finishAndNoShowEachCallTheNextTicket(robot, table);
    }

    /** On a free counter: "finish and call next" and "no-show, call next" end the ticket and call the next at once. */
    private void finishAndNoShowEachCallTheNextTicket(FxRobot robot, TableView<Ticket> table) throws Exception {
        JsonNode first = server.issue("P");
        JsonNode second = server.issue("P");
        JsonNode third = server.issue("P");
        assertEventually(() -> table.getItems().size() == 3, "the three tickets arrive");
        for (String id : List.of("#finishAndNextButton", "#noShowAndNextButton")) {
            assertThat(onScreen(robot.lookup(id).query())).as(id + " fits the 1366×768 screen").isTrue();
            Text shown = (Text) robot.lookup(id).query().lookup(".text");
            assertThat(shown.getText()).as(id + " is not cut short").isEqualTo(robot.lookup(id).queryButton().getText());
            assertThat(robot.lookup(id).queryButton().isDisabled()).as("no ticket yet").isTrue();
        }
        robot.clickOn("#callNextButton");
        assertEventually(() -> number(first).equals(text(robot, "#currentTicketNumber")), "the first is called");
        robot.clickOn("#startButton");
        assertEventually(() -> "Në shërbim".equals(text(robot, "#currentStatus")), "the first is served");
        assertThat(robot.lookup("#noShowAndNextButton").queryButton().isDisabled()).as("it came").isTrue();

        robot.clickOn("#finishAndNextButton");
        assertEventually(() -> number(second).equals(text(robot, "#currentTicketNumber")), "the second is called at once");
        assertThat(status(first)).isEqualTo("DONE");
        assertEventually(() -> "Shërbyer sot: 2".equals(text(robot, "#statusServed")), "served today counts it");
        assertThat(table.getItems()).extracting(Ticket::number).containsExactly(number(third));

        robot.push(KeyCode.SHIFT, KeyCode.F9); // no-show and call next, by keyboard
        assertEventually(() -> number(third).equals(text(robot, "#currentTicketNumber")), "the third is called");
        assertThat(status(second)).isEqualTo("NO_SHOW");

        robot.clickOn("#noShowAndNextButton");
        assertEventually(() -> "—".equals(text(robot, "#currentTicketNumber")), "the counter is free");
        assertThat(status(third)).isEqualTo("NO_SHOW");
        assertThat(text(robot, "#actionMessage")).isEqualTo("Nuk pret asnjë klient për këtë sportel.");
        Node message = robot.lookup("#actionMessage").query();
        Bounds card = message.getParent().localToScene(message.getParent().getLayoutBounds());
        assertThat(message.localToScene(message.getBoundsInLocal()).getMaxY()).as("the message stays on its card")
                .isLessThanOrEqualTo(card.getMaxY());
    }

    private static String number(JsonNode ticket) {
        return ticket.get("number").asText();
    }

    private String status(JsonNode ticket) throws Exception {
        return server.get("/api/v1/tickets/" + ticket.get("id").asText(), server.token("clerk1")).get("status").asText();
    }

    private static boolean onScreen(Node node) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        return b.getHeight() > 0 && b.getMaxY() <= node.getScene().getHeight() && b.getMaxX() <= node.getScene().getWidth();
    }

    @Test
    void aDoubleClickOnCallNextCallsOneTicket(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        server.issue("P");
        server.issue("P");
        @SuppressWarnings("unchecked")
        TableView<Ticket> table = robot.lookup("#queueTable").queryAs(TableView.class);
        assertEventually(() -> table.getItems().size() == 2, "both tickets arrive");
        robot.doubleClickOn("#callNextButton");
        assertEventually(() -> "P001".equals(text(robot, "#currentTicketNumber")), "the first is called");
        Thread.sleep(500);
        JsonNode queue = server.get("/api/v1/branches/TR01/queue", server.token("admin"));
        assertThat(queue.get("called")).hasSize(1);
        assertThat(queue.get("waiting")).hasSize(1);
        assertThat(table.getItems()).extracting(Ticket::number).containsExactly("P002");
    }

    @Test
    void aWrongPasswordShowsTheErrorInline(FxRobot robot) throws Exception {
        logIn(robot, "clerk1", "wrong-password");
        assertEventually(() -> robot.lookup("#loginError").queryAs(Label.class).isVisible(), "the error shows");
        assertThat(text(robot, "#loginError")).isEqualTo("Përdoruesi ose fjalëkalimi është i gabuar.");
        assertThat(robot.lookup("#counterPane").query().isVisible()).as("no counter step without a login").isFalse();
    }

    @Test
    void transferSendsTheTicketToAnotherService(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        JsonNode issued = server.issue("P");
        robot.clickOn("#callNextButton");
        assertEventually(() -> issued.get("number").asText().equals(text(robot, "#currentTicketNumber")), "called");

        robot.clickOn("#transferButton");
        waitUntil(() -> robot.lookup("#transferService").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<al.sportel.model.ServiceInfo> services = robot.lookup("#transferService").queryAs(ComboBox.class);
        robot.interact(() -> services.setValue(services.getItems().stream().filter(s -> s.letter().equals("K")).findFirst().orElseThrow()));
        robot.type(KeyCode.ENTER);

        assertEventually(() -> "—".equals(text(robot, "#currentTicketNumber")), "the ticket leaves this counter");
        JsonNode moved = server.get("/api/v1/tickets/" + issued.get("id").asText(), server.token("clerk1"));
        assertThat(moved.get("status").asText()).isEqualTo("WAITING");
        assertThat(moved.get("serviceLetter").asText()).isEqualTo("K");
        assertThat(moved.get("issuedAt")).isEqualTo(issued.get("issuedAt"));
    }
}
