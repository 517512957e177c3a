package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The counter through a line that loses the payment's answer after the server booked it, then cuts every
 * resend: the counter prints an offline receipt, and the customer's balance it shows next counts the payment
 * once (the server's balance has it, and says so for the payment still in the outbox), not twice.
 */
class LostAnswerPaymentTest extends ProxiedDesktopTest {

    @Test
    void aPaymentBookedWhoseAnswerWasLostIsTakenOffTheBalanceOnce(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        BigDecimal before = balance("100001");
        robot.type(KeyCode.F3);
        robot.clickOn("#customerCode").write("100001").type(KeyCode.ENTER);
        assertEventually(() -> !text(robot, "#customerName").isEmpty(), "the customer is found");
        TextField amount = robot.lookup("#paymentAmount").queryAs(TextField.class);
        robot.interact(() -> amount.setText("10,00"));
        robot.interact(() -> robot.lookup("#tendered").queryAs(TextField.class).setText("10"));
        proxy.onceWhenAnswering("POST /api/v1/payments", () -> proxy.cutRequests("POST /api/v1/payments"));

        robot.type(KeyCode.F12);
        assertEventually(() -> robot.lookup("#paymentConfirm").tryQuery().isPresent(), "a confirmation shows");
        robot.type(KeyCode.ENTER);

        BigDecimal after = before.subtract(new BigDecimal("10.00"));
        waitUntil(30, () -> proxy.triggered.get() == 1 && balance("100001").compareTo(after) == 0);
        // past the counter's wait it says the payment is kept offline, then shows the customer again
        waitUntil(30, () -> !amount.getText().isEmpty() && amountOf(amount.getText()).compareTo(after) == 0);
        assertThat(amountOf(amount.getText())).as("taken off once, not twice").isEqualByComparingTo(after);
    }
}
