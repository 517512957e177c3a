package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.billing.RawPrinter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A counter whose thermal printer has no driver: chosen once in the printer dialog, it prints every receipt. */
class ThermalPrinterTest extends DesktopTestBase {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @Test
    void aReceiptGoesToTheChosenNetworkThermalPrinterAsEscPos(FxRobot robot) throws Exception {
        try (RawPrinter thermal = new RawPrinter()) {
            openCounter(robot, "clerk1");
            robot.type(KeyCode.F3);
            Button printer = robot.lookup("#printerButton").queryAs(Button.class);
            Platform.runLater(printer::fire); // a modal dialog: do not wait for it to return
            assertEventually(() -> robot.lookup("#printerDialog").tryQuery().isPresent(), "the printer dialog opens");
            @SuppressWarnings("unchecked")
            ComboBox<Object> kind = robot.lookup("#printerKind").queryAs(ComboBox.class);
            TextField target = robot.lookup("#printerTarget").queryAs(ComboBox.class).getEditor();
            DialogPane dialog = robot.lookup("#printerDialog").queryAs(DialogPane.class);
            Node save = dialog.lookupButton(dialog.getButtonTypes().stream()
                    .filter(b -> b.getButtonData() == ButtonType.OK.getButtonData()).findFirst().orElseThrow());
            robot.interact(() -> kind.setValue(kind.getItems().get(2))); // ESC/POS on the network
            robot.interact(() -> target.setText("http://printer/"));
            assertThat(text(robot, "#printerProblem")).contains("host:port");
            assertThat(save.isDisabled()).as("a wrong address cannot be saved").isTrue();
            robot.interact(() -> target.setText(thermal.address()));
            assertThat(save.isDisabled()).isFalse();
            robot.interact(() -> ((Button) save).fire());
            assertEventually(() -> Files.exists(desktopData.resolve("settings.properties"))
                    && Files.readString(desktopData.resolve("settings.properties")).contains("printer.kind=ESCPOS_NETWORK"),
                    "the workstation remembers its printer");

            robot.clickOn("#customerCode").write("100001").type(KeyCode.ENTER);
            assertEventually(() -> !text(robot, "#customerName").isEmpty(), "the customer is found");
            robot.interact(() -> robot.lookup("#paymentAmount").queryAs(TextField.class).setText("20"));
            robot.interact(() -> robot.lookup("#tendered").queryAs(TextField.class).setText("20"));
            robot.type(KeyCode.F12);
            assertEventually(() -> robot.lookup("#paymentConfirm").tryQuery().isPresent(), "a confirmation shows");
            robot.type(KeyCode.ENTER);

            String job = new String(thermal.nextJob(), CP1252);
            assertEventually(() -> text(robot, "#paymentMessage").contains("u printua"), "the clerk is told it printed");
            String number = text(robot, "#paymentMessage").replaceAll(".*(TR01-\\d{4}-\\d{6}).*", "$1");
            assertThat(job).startsWith("\u001b@").contains("MANDAT PAGESE").contains(number).contains("20,00 L")
                    .contains("\u001d(k").contains(server.url() + "/public/receipts/").endsWith("\u001dV1")
                    .as("the QR holds the unguessable verification code, not the receipt number")
                    .doesNotContain("/public/receipts/" + number);
        }
    }
}
