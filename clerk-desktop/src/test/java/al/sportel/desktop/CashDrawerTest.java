package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Fiscal counters: the day's initial cash in the drawer is asked for once, before the first cash payment. */
class CashDrawerTest extends DesktopTestBase {

    private static AuthorityDoubleProcess authority;

    /** Started first so that it loads its schemas while the server starts. */
    @BeforeAll
    static void startAuthority() throws Exception {
        authority = new AuthorityDoubleProcess();
    }

    @BeforeEach
    void fiscalizationOn() throws Exception {
        authority.configure(server);
    }

    @AfterAll
    static void stopAuthority() throws Exception {
        if (authority != null) {
            authority.close();
        }
    }

    @Test
    void theFirstCashPaymentOfTheDayAsksForTheInitialCashOnceAndTheServerRegistersIt(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        long counter = counterOf(server, "clerk1");
        authority.registerTcr(server, counter);
        JsonNode before = server.get("/api/v1/fiscal/counters/" + counter + "/cash-deposits/today", server.token("clerk1"));
        assertThat(before.get("required").asBoolean()).isTrue();
        assertThat(before.get("initialRegistered").asBoolean()).isFalse();

        payCash(robot, "100001", "10,00");
        assertEventually(() -> robot.lookup("#cashInitialDialog").tryQuery().isPresent(), "the initial cash is asked for first");
        assertThat(robot.lookup("#paymentConfirm").tryQuery()).as("no payment before the drawer is known").isEmpty();
        robot.clickOn("#cashAmount").write("50,5x");
        robot.clickOn("#cashRegisterButton");
        assertThat(text(robot, "#cashError")).contains("5000,50");
        assertThat(robot.lookup("#cashInitialDialog").tryQuery()).as("a bad amount keeps the question open").isPresent();
        robot.interact(() -> robot.lookup("#cashAmount").queryAs(TextField.class).setText("5 000,50"));
        robot.clickOn("#cashRegisterButton");

        assertEventually(() -> robot.lookup("#paymentConfirm").tryQuery().isPresent(), "then the payment's confirmation");
        assertThat(robot.lookup("#cashInitialDialog").tryQuery()).isEmpty();
        JsonNode after = server.get("/api/v1/fiscal/counters/" + counter + "/cash-deposits/today", server.token("clerk1"));
        assertThat(after.get("initialRegistered").asBoolean()).as("registered on the server").isTrue();
        robot.type(KeyCode.ENTER);
        assertEventually(() -> text(robot, "#paymentMessage").contains("u ruajt"), "paid");

        payCash(robot, "100001", "5,00");
        assertEventually(() -> robot.lookup("#paymentConfirm").tryQuery().isPresent(), "the second payment goes straight to confirm");
        assertThat(robot.lookup("#cashInitialDialog").tryQuery()).as("asked once a day").isEmpty();
        robot.type(KeyCode.ENTER);
        assertEventually(() -> text(robot, "#paymentMessage").contains("u ruajt"), "the second payment is taken");

        JsonNode payments = server.get("/api/v1/reports/cash?counterId=" + counter, server.token("admin")).get("payments");
        assertThat(payments).hasSize(2);
        JsonNode fiscal = server.get("/api/v1/fiscal/payments/" + payments.get(0).get("id").asLong(), server.token("admin"));
        assertThat(fiscal.get("fic").asText()).as("the payment after the deposit is fiscalized").hasSize(36);

        // during the day, cash taken out of the drawer is registered from the shift screen
        Button shift = robot.lookup("#shiftButton").queryAs(Button.class);
        Platform.runLater(shift::fire); // a modal dialog: do not wait for it to return
        assertEventually(() -> robot.lookup("#cashMoveButton").tryQuery().isPresent(), "the shift screen shows");
        robot.interactNoWait(() -> robot.lookup("#cashMoveButton").queryAs(Button.class).fire());
        assertEventually(() -> robot.lookup("#cashMoveDialog").tryQuery().isPresent(), "the cash in/out question");
        assertThat(robot.lookup("#cashWithdraw").queryAs(ToggleButton.class).isSelected()).isTrue();
        robot.clickOn("#cashAmount").write("0");
        robot.clickOn("#cashRegisterButton");
        assertThat(text(robot, "#cashError")).contains("më e madhe se zero");
        robot.interact(() -> robot.lookup("#cashAmount").queryAs(TextField.class).setText("2000"));
        robot.clickOn("#cashRegisterButton");
        assertEventually(() -> text(robot, "#shiftStatus").contains("Tërheqje: 2 000,00 L u regjistrua"), "the withdrawal is registered");
    }

    private void payCash(FxRobot robot, String customer, String amount) throws Exception {
        robot.type(KeyCode.F3);
        TextField code = robot.lookup("#customerCode").queryAs(TextField.class);
        robot.interact(code::clear);
        robot.clickOn("#customerCode").write(customer).type(KeyCode.ENTER);
        assertEventually(() -> !text(robot, "#customerName").isEmpty()
                && !robot.lookup("#paymentAmount").queryAs(TextField.class).getText().isEmpty(), "the customer is found");
        robot.interact(() -> {
            robot.lookup("#paymentAmount").queryAs(TextField.class).setText(amount);
            robot.lookup("#tendered").queryAs(TextField.class).setText("100");
        });
        assertThat(robot.lookup("#payButton").queryAs(Button.class).isDisabled()).as("a valid cash payment").isFalse();
        robot.type(KeyCode.F12);
    }

    private static long counterOf(ServerProcess server, String clerk) throws Exception {
        for (JsonNode c : server.get("/api/v1/branches/TR01/counters", server.token("admin"))) {
            if (clerk.equals(c.path("clerk").path("username").asText())) {
                return c.get("id").asLong();
            }
        }
        throw new AssertionError(clerk + " has no open counter");
    }
}
