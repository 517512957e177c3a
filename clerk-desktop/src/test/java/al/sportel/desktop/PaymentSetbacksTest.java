package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Once a payment is in the outbox, the counter never says it failed: a clerk told "try again" takes the
 * money a second time. Two ways that used to happen: a second login in the same run, and a receipt that
 * could not be printed while the link was down.
 */
class PaymentSetbacksTest extends DesktopTestBase {

    private void pay(FxRobot robot, String code, String lek) throws Exception {
        robot.type(KeyCode.F3);
        TextField customer = robot.lookup("#customerCode").queryAs(TextField.class);
        robot.interact(() -> customer.setText(code));
        robot.clickOn(customer).type(KeyCode.ENTER);
        assertEventually(() -> !text(robot, "#customerName").isEmpty(), "the customer is found");
        TextField amount = robot.lookup("#paymentAmount").queryAs(TextField.class);
        robot.interact(() -> amount.setText(lek));
        robot.interact(() -> robot.lookup("#tendered").queryAs(TextField.class).setText(lek));
        robot.type(KeyCode.F12);
        assertEventually(() -> robot.lookup("#paymentConfirm").tryQuery().isPresent(), "a confirmation shows");
        robot.type(KeyCode.ENTER);
    }

    /** clerk1 at her counter, customer 100001 looked up (so in the local copy), then the server gone; his balance before. */
    private BigDecimal atTheCounterThenCutOff(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        BigDecimal before = balance("100001");
        robot.type(KeyCode.F3);
        robot.clickOn("#customerCode").write("100001").type(KeyCode.ENTER);
        assertEventually(() -> !text(robot, "#customerName").isEmpty(), "the customer is found");
        server.kill();
        assertEventually(() -> text(robot, "#connectionBanner").contains("0 veprime në pritje"), "the link is down");
        return before;
    }

    private int paymentsAtCounter() throws Exception {
        String admin = server.token("admin");
        long counterId = server.get("/api/v1/branches/TR01/counters", admin).get(0).get("id").asLong();
        return server.get("/api/v1/reports/cash?counterId=" + counterId, admin).get("payments").size();
    }

    @Test
    void aPaymentAfterLoggingOutAndInAgainIsReceiptedNotReportedAsAnError(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        String waiting = server.issue("I").get("number").asText();
        assertEventually(() -> !robot.lookup("#callNextButton").queryAs(Button.class).isDisabled(), "a ticket waits");
        robot.clickOn("#logoutButton");
        waitUntil(() -> robot.lookup("#loginButton").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#loginPassword").write("sportel");
        // The counter's keys are gone with its screen: F5 here used to press the old call-next button, whose
        // refused call sent the clerk back to an empty login form.
        robot.type(KeyCode.F5);
        Thread.sleep(1_500);
        assertThat(robot.lookup("#loginPassword").queryAs(TextField.class).getText()).isEqualTo("sportel");
        assertThat(server.get("/api/v1/branches/TR01/queue", server.token("admin")).get("waiting").toString()).contains(waiting);
        robot.clickOn("#loginButton");
        waitUntil(() -> robot.lookup("#counterPane").query().isVisible());
        robot.clickOn("#openCounterButton");
        waitUntil(() -> robot.lookup("#queueTable").tryQuery().isPresent());
        BigDecimal before = balance("100001");

        pay(robot, "100001", "40");

        assertEventually(() -> text(robot, "#paymentMessage").contains("u pagua"), "the payment is receipted");
        assertThat(text(robot, "#paymentMessage")).doesNotContain("gabim");
        assertThat(balance("100001")).isEqualByComparingTo(before.subtract(new BigDecimal("40")));
        assertThat(paymentsAtCounter()).isEqualTo(1);
    }

    @Test
    void aCustomerWhoPaidAtAnotherCounterMeanwhileIsRefusedInTheClerksLanguage(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        robot.type(KeyCode.F3);
        robot.clickOn("#customerCode").write("100001").type(KeyCode.ENTER);
        assertEventually(() -> !text(robot, "#customerName").isEmpty(), "the customer is found");
        BigDecimal owed = balance("100001");
        // while he stands here, the rest of his family pays it all at counter of clerk2
        long other = 0;
        for (JsonNode c : server.get("/api/v1/branches/TR01/counters", server.token("admin"))) {
            if (c.get("status").asText().equals("CLOSED")) {
                other = c.get("id").asLong();
            }
        }
        server.openCounter("clerk2", other);
        server.create("/api/v1/payments", server.token("clerk2"), "{\"customerCode\":\"100001\",\"amount\":\"" + owed.toPlainString()
                + "\",\"method\":\"CARD\",\"counterId\":" + other + "}");

        String lek = owed.toPlainString().replace('.', ',');
        robot.interact(() -> robot.lookup("#paymentAmount").queryAs(TextField.class).setText(lek));
        robot.interact(() -> robot.lookup("#tendered").queryAs(TextField.class).setText(lek));
        robot.type(KeyCode.F12);
        assertEventually(() -> robot.lookup("#paymentConfirm").tryQuery().isPresent(), "a confirmation shows");
        robot.type(KeyCode.ENTER);

        assertEventually(() -> text(robot, "#paymentMessage").startsWith("Serveri nuk e pranoi pagesën"), "the server refuses it");
        assertThat(text(robot, "#paymentMessage"))
                .isEqualTo("Serveri nuk e pranoi pagesën: Shuma është më e madhe se sa detyrohet klienti tani: 0,00 L.");
        assertThat(balance("100001")).as("paid once, at the other counter").isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void aClerkLeavingWithUnsentPaymentsIsToldAndTheNextClerkSeesThemWaiting(FxRobot robot) throws Exception {
        BigDecimal before = atTheCounterThenCutOff(robot);
        pay(robot, "100001", "40");
        assertEventually(() -> text(robot, "#connectionBanner").contains("1 veprim në pritje"), "the outbox holds it");
        assertEventually(() -> !robot.lookup("#logoutButton").queryAs(Button.class).isDisabled(), "nothing in progress");

        robot.clickOn("#logoutButton");
        assertEventually(() -> robot.lookup("#logoutUnsent").tryQuery().isPresent(), "she is asked first");
        assertThat(robot.lookup("#logoutUnsent").queryAs(DialogPane.class).getHeaderText()).contains("1 veprim juaji");
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#queueTable").tryQuery()).as("cancelled: still at the counter").isPresent();
        robot.clickOn("#logoutButton");
        assertEventually(() -> robot.lookup("#logoutUnsent").tryQuery().isPresent(), "asked again");
        robot.type(KeyCode.ENTER);
        // without the link she still gets out (the counter is closed by the day's end or a supervisor)
        waitUntil(30, () -> robot.lookup("#loginButton").tryQuery().map(n -> n.isVisible()).orElse(false));

        server.restart();
        TextField username = robot.lookup("#loginUsername").queryAs(TextField.class);
        robot.interact(() -> username.setText("clerk2"));
        robot.clickOn("#loginPassword").write("sportel");
        robot.clickOn("#loginButton");
        waitUntil(() -> robot.lookup("#counterPane").query().isVisible());
        robot.clickOn("#openCounterButton");
        waitUntil(() -> robot.lookup("#queueTable").tryQuery().isPresent());
        assertEventually(() -> text(robot, "#statusPending").contains("1 i një përdoruesi tjetër"),
                "clerk2 sees clerk1's payment waiting for clerk1, not as her own");
        assertThat(text(robot, "#statusPending")).startsWith("0 veprime në pritje");
        assertThat(balance("100001")).as("booked only under clerk1's name, when she is back").isEqualByComparingTo(before);
    }

    @Test
    void anOfflineReceiptThatCannotBeSavedStillSaysThePaymentWasTaken(FxRobot robot) throws Exception {
        BigDecimal before = atTheCounterThenCutOff(robot);
        // No printer here, so receipts are PDFs in this folder; a file in its place makes every print fail.
        Path receipts = desktopData.resolve("receipts");
        if (Files.isDirectory(receipts)) {
            try (Stream<Path> files = Files.walk(receipts)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.writeString(receipts, "not a folder");

        pay(robot, "100001", "40");

        assertEventually(() -> text(robot, "#paymentMessage").contains("nuk u printua"), "taken, and the receipt is missing");
        assertThat(text(robot, "#paymentMessage")).contains("mos e merrni pagesën përsëri").doesNotContain("Nuk ka lidhje");
        assertEventually(() -> text(robot, "#connectionBanner").contains("1 veprim në pritje"), "the outbox holds it");

        server.restart();
        assertEventually(() -> !robot.lookup("#connectionBanner").query().isVisible(), "the outbox drains");
        assertThat(balance("100001")).isEqualByComparingTo(before.subtract(new BigDecimal("40")));
        assertThat(paymentsAtCounter()).isEqualTo(1);
    }
}
