package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import al.sportel.model.Formats;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class PaymentPanelTest extends DesktopTestBase {

    @Test
    void aCashPartPaymentWithChangeIsTakenOnceAndItsReceiptKept(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        BigDecimal before = balance("100001");
        robot.type(KeyCode.F3);
        robot.clickOn("#customerCode").write("100001").type(KeyCode.ENTER);
        assertEventually(() -> !text(robot, "#customerName").isEmpty(), "the customer is found");
        assertThat(robot.lookup(".bills .check-box").queryAll()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(robot.lookup(".bills .check-box").queryAll()).allMatch(n -> ((CheckBox) n).isSelected());
        TextField amount = robot.lookup("#paymentAmount").queryAs(TextField.class);
        assertThat(amountOf(amount.getText())).isEqualByComparingTo(before);

        robot.interact(() -> amount.setText("12.345"));
        assertThat(amount.getStyleClass()).as("the amount is marked wrong").contains("error");
        assertThat(robot.lookup("#payButton").queryAs(Button.class).isDisabled()).isTrue();

        robot.interact(() -> amount.setText("100,50"));
        robot.clickOn("#tendered").write("50");
        assertThat(robot.lookup("#tendered").queryAs(TextField.class).getStyleClass()).as("too little tendered is marked").contains("error");
        assertThat(amount.getStyleClass()).doesNotContain("error");
        robot.interact(() -> robot.lookup("#tendered").queryAs(TextField.class).setText("200"));
        assertThat(text(robot, "#changeLabel")).isEqualTo("Kusuri: 99,50 L");
        assertThat(robot.lookup("#payButton").queryAs(Button.class).isDisabled()).isFalse();

        robot.type(KeyCode.F12);
        assertEventually(() -> robot.lookup("#paymentConfirm").tryQuery().isPresent(), "a confirmation shows");
        DialogPane confirm = robot.lookup("#paymentConfirm").queryAs(DialogPane.class);
        assertThat(confirm.getButtonTypes()).extracting(ButtonType::getText).containsExactlyInAnyOrder("Në rregull", "Anulo");
        assertThat(confirm.getContentText()).contains("100,50").contains("njëqind lekë e 50 qindarka").contains("99,50");
        robot.type(KeyCode.ENTER);

        assertEventually(() -> text(robot, "#paymentMessage").contains("u ruajt"), "paid; no printer here, so the PDF is kept");
        assertThat(balance("100001")).isEqualByComparingTo(before.subtract(new BigDecimal("100.50")));
        try (Stream<Path> files = Files.list(desktopData.resolve("receipts"))) {
            Path receipt = files.findFirst().orElseThrow();
            assertThat(receipt.getFileName().toString()).matches("TR01-\\d{4}-\\d{6}\\.pdf");
            assertThat(Files.readAllBytes(receipt)).startsWith("%PDF".getBytes());
        }
        BigDecimal newBalance = before.subtract(new BigDecimal("100.50"));
        assertEventually(() -> !amount.getText().isEmpty() && amountOf(amount.getText()).compareTo(newBalance) == 0, "the panel reloads the customer with the new balance");

        // the button sits low in the scrolled panel; fire it as a keyboard user would
        Button shift = robot.lookup("#shiftButton").queryAs(Button.class);
        javafx.application.Platform.runLater(shift::fire); // opens a modal dialog: do not wait for it to return
        assertEventually(() -> robot.lookup("#shiftTable").tryQuery().isPresent()
                && robot.lookup("#shiftTable").queryAs(TableView.class).getItems().size() == 1, "the shift lists the payment");
        assertThat(text(robot, "#shiftTotals")).contains("100,50 L");
        // the day as every screen writes it, and a window title that ends with the counter, not a dangling comma
        assertThat(text(robot, "#shiftHeader")).startsWith("Mbyllja e turnit — Sporteli ")
                .endsWith(", " + Formats.date(LocalDate.now(ZoneId.of("Europe/Tirane"))));
        assertThat(((Stage) robot.lookup("#shiftDialog").query().getScene().getWindow()).getTitle())
                .matches("Mbyllja e turnit — Sporteli \\d+");
        robot.interactNoWait(() -> robot.lookup("#shiftCsvButton").queryAs(Button.class).fire());
        assertEventually(() -> text(robot, "#shiftStatus").contains(".csv"), "the CSV is saved");
        assertThat(Files.readString(desktopData.resolve("reports").resolve(
                Files.list(desktopData.resolve("reports")).findFirst().orElseThrow().getFileName()))).contains("100.50");
        robot.type(KeyCode.ESCAPE);
        JsonNode cash = server.get("/api/v1/reports/cash?counterId=" + server.get("/api/v1/branches/TR01/counters",
                server.token("admin")).get(0).get("id").asLong(), server.token("admin"));
        assertThat(cash.get("payments")).hasSize(1);
    }
}
