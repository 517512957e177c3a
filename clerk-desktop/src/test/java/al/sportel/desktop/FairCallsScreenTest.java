package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.Ticket;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * Issue 20 at the counter: the clerk calls a waiting ticket out of order from the queue list's menu
 * with a reason (audited by the server), and brings back a ticket just marked a no-show.
 */
class FairCallsScreenTest extends DesktopTestBase {

    @Test
    void aTicketIsCalledOutOfOrderWithAReasonAndANoShowComesBack(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        String first = server.issue("P").get("number").asText();
        server.issue("P");
        JsonNode third = server.issue("P");
        String number = third.get("number").asText();
        @SuppressWarnings("unchecked")
        TableView<Ticket> table = robot.lookup("#queueTable").queryAs(TableView.class);
        assertEventually(() -> table.getItems().size() == 3, "the three tickets arrive");

        assertThat(robot.lookup("#callOutOfOrderButton").queryButton().isDisabled()).as("no ticket chosen yet").isTrue();
        // Selected through the model: the table's cells are rebuilt every second (the waited column ticks).
        robot.interact(() -> table.getSelectionModel().select(
                table.getItems().stream().filter(t -> t.number().equals(number)).findFirst().orElseThrow()));
        robot.clickOn("#callOutOfOrderButton");
        waitUntil(() -> robot.lookup("#outOfOrderReason").tryQuery().isPresent());
        Button ok = robot.lookup("#outOfOrderDialog .button").match(LabeledMatchers.hasText("Thirr")).queryButton();
        assertThat(ok.isDisabled()).as("no call without a reason").isTrue();
        @SuppressWarnings("unchecked")
        ComboBox<Object> reasons = robot.lookup("#outOfOrderReason").queryAs(ComboBox.class);
        robot.interact(() -> reasons.getSelectionModel().select(0));
        assertThat(reasons.getConverter().toString(reasons.getValue())).isEqualTo("Klienti u kthye");
        robot.clickOn(ok);

        assertEventually(() -> number.equals(text(robot, "#currentTicketNumber")), "the chosen ticket is at the counter");
        assertThat(table.getItems()).extracting(Ticket::number).doesNotContain(number).hasSize(2);
        String today = LocalDate.now(ZoneId.of("Europe/Tirane")).toString();
        JsonNode audit = server.get("/api/v1/branches/TR01/out-of-order-calls?from=" + today + "&to=" + today,
                server.token("supervisor1"));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("ticketNumber").asText()).isEqualTo(number);
        assertThat(audit.get(0).get("reason").asText()).isEqualTo("CAME_BACK");
        assertThat(audit.get(0).get("placesSkipped").asInt()).isEqualTo(2);

        robot.type(KeyCode.F8);
        assertEventually(() -> "—".equals(text(robot, "#currentTicketNumber")), "finished");
        assertThat(robot.lookup("#reactivateButton").queryButton().isDisabled()).as("nothing to bring back yet").isTrue();
        robot.clickOn("#callNextButton");
        assertEventually(() -> first.equals(text(robot, "#currentTicketNumber")), "call next takes the oldest");
        robot.type(KeyCode.F9); // no-show
        assertEventually(() -> "—".equals(text(robot, "#currentTicketNumber")), "the no-show leaves the counter");
        assertEventually(() -> !robot.lookup("#reactivateButton").queryButton().isDisabled(), "it can come back");
        assertThat(robot.lookup("#reactivateButton").queryButton().getText()).isEqualTo("Rikthe " + first + " në radhë");

        robot.clickOn("#reactivateButton");
        assertEventually(() -> table.getItems().stream().anyMatch(t -> t.number().equals(first)), "it is back in the queue");
        assertThat(table.getItems().get(0).number()).as("at its original place").isEqualTo(first);
        assertEventually(() -> robot.lookup("#reactivateButton").queryButton().isDisabled(), "once only");
        JsonNode queue = server.get("/api/v1/branches/TR01/queue", server.token("admin"));
        assertThat(queue.get("waiting").findValuesAsText("number")).contains(first);
    }
}
