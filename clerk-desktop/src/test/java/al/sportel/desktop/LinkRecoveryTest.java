package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.Ticket;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The counter after one request failed while the server itself was fine: it comes back by itself, not at the next
 * lucky look-up; the local copy of a customer counts payments booked since it was saved; and a counter whose very
 * first queue load failed still gets its live queue.
 */
class LinkRecoveryTest extends ProxiedDesktopTest {

    @Test
    void oneFailedLookUpDoesNotLeaveTheCounterOfflineAndTheLocalCopyKnowsWhatWasPaidSince(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        BigDecimal before = balance("100001");
        robot.type(KeyCode.F3);
        robot.clickOn("#customerCode").write("100001").type(KeyCode.ENTER); // online: the local copy is saved now
        assertEventually(() -> !text(robot, "#customerName").isEmpty(), "the customer is found");

        server.kill(); // taken offline, sent by the outbox once the server is back: booked after the copy was saved
        TextField amount = robot.lookup("#paymentAmount").queryAs(TextField.class);
        robot.interact(() -> amount.setText("25,00"));
        robot.interact(() -> robot.lookup("#tendered").queryAs(TextField.class).setText("25"));
        robot.type(KeyCode.F12);
        assertEventually(() -> robot.lookup("#paymentConfirm").tryQuery().isPresent(), "a confirmation shows");
        robot.type(KeyCode.ENTER);
        assertEventually(() -> text(robot, "#paymentMessage").contains("pa lidhje"), "the payment is taken offline");
        server.restart();
        BigDecimal after = before.subtract(new BigDecimal("25.00"));
        waitUntil(30, () -> balance("100001").compareTo(after) == 0);
        assertEventually(() -> !robot.lookup("#connectionBanner").queryAs(Label.class).isVisible(), "the outbox is sent: "
                + text(robot, "#connectionBanner") + " / " + text(robot, "#connectionStatus"));

        proxy.cutRequests("GET /api/v1/customers/");
        robot.clickOn("#customerCode").type(KeyCode.ENTER);
        assertEventually(() -> text(robot, "#customerNote").contains("kopja lokale"), "the clerk sees it is the local copy");
        assertEventually(() -> !amount.getText().isEmpty() && amountOf(amount.getText()).compareTo(after) == 0,
                "the copy less the payment booked since: the customer is not asked for it again");
        // The failed look-up marked the link down. The stream never dropped and the outbox is empty: only the link's own
        // look at the server brings it back (within the tests' short retry times, so the banner may not stay long).
        proxy.cutRequests(null);
        assertEventually(() -> !robot.lookup("#connectionBanner").queryAs(Label.class).isVisible(), "live again without a click");
        assertThat(robot.lookup("#callNextButton").queryAs(Button.class).isDisabled()).as("call-next is back").isFalse();
    }

    @Test
    void aCounterWhoseFirstQueueLoadFailedGetsItsLiveQueueWhenTheServerAnswers(FxRobot robot) throws Exception {
        proxy.cutRequests("GET /api/v1/branches/TR01/queue");
        logIn(robot, "clerk1", "sportel");
        waitUntil(() -> robot.lookup("#counterPane").query().isVisible());
        robot.clickOn("#openCounterButton");
        waitUntil(() -> robot.lookup("#queueTable").tryQuery().isPresent());
        waitUntil(() -> proxy.dropped.get() > 0);

        proxy.cutRequests(null);
        @SuppressWarnings("unchecked")
        TableView<Ticket> table = robot.lookup("#queueTable").queryAs(TableView.class);
        JsonNode issued = server.issue("P"); // at the kiosk: reaches this screen only through the live stream
        String number = issued.get("number").asText();
        assertEventually(() -> table.getItems().stream().anyMatch(t -> t.number().equals(number)), "the queue is live");
        JsonNode later = server.issue("P");
        assertEventually(() -> table.getItems().stream().anyMatch(t -> t.number().equals(later.get("number").asText())),
                "and stays live");
    }
}
