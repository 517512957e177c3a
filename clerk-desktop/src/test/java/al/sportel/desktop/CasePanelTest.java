package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class CasePanelTest extends DesktopTestBase {

    @Test
    void aComplaintForTheLookedUpCustomerIsSavedWithASlipAndWorkedFromTheList(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        robot.type(KeyCode.F3);
        robot.clickOn("#customerCode").write("100001").type(KeyCode.ENTER);
        assertEventually(() -> !text(robot, "#customerName").isEmpty(), "customer found");
        String customerName = text(robot, "#customerName");

        robot.type(KeyCode.F4);
        assertEventually(() -> customerName.equals(robot.lookup("#caseName").queryAs(TextField.class).getText()), "prefilled");
        assertThat(robot.lookup("#caseCustomer").queryAs(TextField.class).getText()).isEqualTo("100001");
        TextArea description = robot.lookup("#caseDescription").queryAs(TextArea.class);
        robot.interact(() -> description.setText("short"));
        robot.interact(() -> robot.lookup("#saveCaseButton").queryAs(Button.class).fire());
        assertThat(description.getStyleClass()).as("the description is marked too short").contains("error");
        robot.interact(() -> description.setText("Fatura e tetorit ka lexim të gabuar të matësit."));
        assertThat(description.getStyleClass()).doesNotContain("error");
        robot.interact(() -> robot.lookup("#saveCaseButton").queryAs(Button.class).fire());
        assertEventually(() -> text(robot, "#caseMessage").contains("ANK-"), "saved with a tracking code");
        String code = text(robot, "#caseMessage").replaceAll(".*(ANK-\\d{4}-[A-Z0-9]{6}).*", "$1");
        assertThat(Files.exists(desktopData.resolve("receipts").resolve(code + ".pdf"))).as("the slip is kept").isTrue();

        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup("#caseTable").queryAs(TableView.class);
        assertEventually(() -> table.getItems().stream().anyMatch(c -> c.toString().contains(code)), "listed among open cases");
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream().filter(c -> c.toString().contains(code))
                .findFirst().orElseThrow()));
        robot.interact(() -> robot.lookup("#statusNote").queryAs(TextField.class).setText("Po kontrollojmë matësin"));
        // the note reaches the citizen's tracking page only when the clerk says so
        robot.interact(() -> robot.lookup("#notePublic").queryAs(CheckBox.class).setSelected(true));
        robot.interact(() -> robot.lookup("#reviewButton").queryAs(Button.class).fire());
        assertEventually(() -> {
            JsonNode t = server.get("/api/v1/public/track/" + code, server.token("admin"));
            return t.get("status").asText().equals("IN_REVIEW");
        }, "the status change reaches the server");
        JsonNode t = server.get("/api/v1/public/track/" + code, server.token("admin"));
        assertThat(t.get("history").get(1).get("note").asText()).isEqualTo("Po kontrollojmë matësin");
    }
}
