package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.fees.Fee;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A fee sale the server made whose answer was lost on the line: the client is closed (as if it crashed) and the
 * clerk logs in again. The fee form still holds the unconfirmed sale with its warning, and its retry is answered
 * with that same sale, so the customer pays once and gets one fiscal receipt.
 */
class FeeSaleRestartTest extends ProxiedDesktopTest {

    @Test
    void aFeeSaleWhoseAnswerWasLostStaysLockedAfterARestartAndIsSoldOnce(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        long counter = server.counterId(1);
        ComboBox<Fee> choice = openFeeForm(robot);
        robot.interact(() -> {
            choice.getItems().stream().filter(f -> f.code().equals("RECONNECTION")).findFirst().ifPresent(choice::setValue);
            robot.lookup("#feeCard").queryAs(ToggleButton.class).setSelected(true);
        });
        // the server sells it; its answer, and every resend, is lost on the line
        proxy.onceWhenAnswering("POST /api/v1/fee-sales", () -> proxy.cutRequests("POST /api/v1/fee-sales"));
        robot.clickOn("#feeSellButton");
        assertEventually(() -> text(robot, "#feeError").contains("nuk u konfirmua"), "the sale is unconfirmed: the form is locked");
        assertThat(sales(counter)).as("the server made the sale").isEqualTo(1);

        restartClient(() -> robot.interact(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane).toList()
                .forEach(Window::hide))); // a crash takes the form with it
        openCounter(robot, "clerk1");
        ComboBox<Fee> again = openFeeForm(robot);
        assertEventually(() -> text(robot, "#feeError").contains("nuk u konfirmua"), "the restarted client still warns of the sale");
        assertThat(again.getValue().code()).as("locked on the fee that was sent").isEqualTo("RECONNECTION");
        assertThat(again.isDisabled()).isTrue();
        assertThat(robot.lookup("#feeCard").queryAs(ToggleButton.class).isSelected()).isTrue();
        Button retry = robot.lookup("#feeSellButton").queryAs(Button.class);
        assertThat(retry.getText()).isEqualTo("Provo përsëri");
        assertThat(robot.lookup("#feeCancelButton").queryAs(Button.class).getText()).contains("Hiqni dorë");

        proxy.cutRequests(null); // the line is back
        robot.clickOn("#feeSellButton");
        assertEventually(() -> robot.lookup("#feeDialog").tryQuery().isEmpty(), "the retry is answered: the form closes");
        assertThat(sales(counter)).as("sold once, not twice").isEqualTo(1);
    }

    private ComboBox<Fee> openFeeForm(FxRobot robot) {
        robot.type(KeyCode.F3);
        Button fee = robot.lookup("#feeButton").queryAs(Button.class);
        Platform.runLater(fee::fire); // a dialog: do not wait for it to return
        assertEventually(() -> robot.lookup("#feeDialog").tryQuery().isPresent()
                && !robot.lookup("#feeChoice").queryAs(ComboBox.class).getItems().isEmpty(), "the fee form with the catalogue");
        @SuppressWarnings("unchecked")
        ComboBox<Fee> choice = robot.lookup("#feeChoice").queryAs(ComboBox.class);
        return choice;
    }

    private int sales(long counter) throws Exception {
        return server.get("/api/v1/fee-sales?counterId=" + counter, server.token("admin")).size();
    }
}
