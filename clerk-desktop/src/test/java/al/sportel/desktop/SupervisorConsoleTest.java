package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.Counter;
import al.sportel.model.Formats;
import al.sportel.model.Ticket;
import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The supervisor's console on a real window against the real server. */
class SupervisorConsoleTest extends DesktopTestBase {

    private void openConsole(FxRobot robot) throws Exception {
        logIn(robot, "supervisor1", "sportel");
        waitUntil(() -> robot.lookup("#consoleButton").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#consoleButton");
        waitUntil(() -> robot.lookup("#counterTable").tryQuery().isPresent()
                && !robot.lookup("#counterTable").queryAs(TableView.class).getItems().isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static TableView<Counter> counters(FxRobot robot) {
        return robot.lookup("#counterTable").queryAs(TableView.class);
    }

    @Test
    void theBoardFollowsACallMadeThroughTheApiWithoutAClick(FxRobot robot) throws Exception {
        openConsole(robot);
        @SuppressWarnings("unchecked")
        TableView<Ticket> waiting = robot.lookup("#waitingTable").queryAs(TableView.class);
        JsonNode ticket = server.issue("I");
        String number = ticket.get("number").asText();
        assertEventually(() -> waiting.getItems().stream().anyMatch(t -> t.number().equals(number)), "the new ticket appears as waiting");

        for (String letter : java.util.List.of("P", "A", "K")) {
            server.issue(letter); // whatever counter 3 serves, something waits for it
        }
        String clerk = server.token("clerk3");
        long counterId = server.counterId(3);
        server.post("/api/v1/counters/" + counterId + "/open", clerk, "");
        JsonNode called = server.post("/api/v1/counters/" + counterId + "/call-next", clerk, "");
        String calledNumber = called.get("number").asText();
        assertEventually(() -> counters(robot).getItems().stream().anyMatch(c -> c.id() == counterId && c.currentTicket() != null
                && c.currentTicket().number().equals(calledNumber)), "counter 3 shows the called ticket");
        assertEventually(() -> waiting.getItems().stream().noneMatch(t -> t.number().equals(calledNumber)), "and it left the waiting list");
        assertThat(((Label) robot.lookup("#connectionStatus").query()).getText()).contains("Lidhur");
    }

    @Test
    void reassigningACounterServicesChangesWhatItsCallNextReturns(FxRobot robot) throws Exception {
        JsonNode info = server.issue("I");
        JsonNode contract = server.issue("K");
        openConsole(robot);
        long counterId = server.counterId(2);
        robot.interact(() -> counters(robot).getSelectionModel().select(
                counters(robot).getItems().stream().filter(c -> c.id() == counterId).findFirst().orElseThrow()));
        waitUntil(() -> !robot.lookup("#counterServices .check-box").queryAll().isEmpty());
        // only K: untick everything else, tick K — on the cells the list really shows
        for (var node : robot.lookup("#counterServices .list-cell").queryAll()) {
            var cell = (javafx.scene.control.ListCell<?>) node;
            if (cell.getItem() == null || !cell.isVisible()) {
                continue;
            }
            CheckBox box = (CheckBox) cell.getGraphic();
            boolean wanted = cell.getText().startsWith("K ");
            if (box.isSelected() != wanted) {
                robot.clickOn(box);
            }
        }
        robot.clickOn("#saveServicesButton");
        long kontrata = server.serviceId("K");
        assertEventually(() -> counters(robot).getItems().stream()
                .anyMatch(c -> c.id() == counterId && c.serviceIds().equals(java.util.List.of(kontrata))), "the board shows the new profile");

        String clerk = server.token("clerk2");
        server.post("/api/v1/counters/" + counterId + "/open", clerk, "");
        JsonNode called = server.post("/api/v1/counters/" + counterId + "/call-next", clerk, "");
        assertThat(called.get("id").asText()).as("the K ticket, though the I ticket came first")
                .isEqualTo(contract.get("id").asText()).isNotEqualTo(info.get("id").asText());
    }

    @Test
    void theCentresReportShowsTheFeesSoldBesideTheBillPayments(FxRobot robot) throws Exception {
        long counterId = server.counterId(4);
        server.openCounter("clerk4", counterId);
        String clerk = server.token("clerk4");
        JsonNode sale = server.create("/api/v1/fee-sales", clerk,
                "{\"feeCode\":\"METER_TEST\",\"method\":\"CARD\",\"counterId\":" + counterId + "}");
        openConsole(robot);
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "reportsTab".equals(t.getId())).findFirst().orElseThrow());
        });
        waitUntil(() -> robot.lookup("#runReport").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#runReport");
        String amount = Formats.amount(sale.get("amount").asText());
        assertEventually(() -> ((Label) robot.lookup("#reportFees").query()).getText().contains(amount),
                "the report shows the fee's " + amount + " lek");
        assertThat(((Label) robot.lookup("#reportFees").query()).getText()).startsWith("Tarifat e shërbimit");
    }
}
