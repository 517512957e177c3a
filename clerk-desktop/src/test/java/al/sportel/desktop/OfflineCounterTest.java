package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.Formats;
import al.sportel.model.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The counter without its link: money still taken for a known customer, told plainly, sent once when the link returns. */
class OfflineCounterTest extends DesktopTestBase {

    @Test
    void aPaymentTakenWithoutTheLinkIsReceiptedOfflineAndArrivesOnceWhenTheLinkReturns(FxRobot robot) throws Exception {
        openCounter(robot, "clerk1");
        BigDecimal before = new BigDecimal(server.get("/api/v1/customers/100001", server.token("admin")).get("balance").asText());
        robot.type(KeyCode.F3);
        robot.clickOn("#customerCode").write("100001").type(KeyCode.ENTER); // looked up while online: now in the local cache
        assertEventually(() -> !text(robot, "#customerName").isEmpty(), "the customer is found");

        // the counter's reference data and queue are in the local file, ready for an outage
        try (var store = al.sportel.desktop.offline.LocalStore.open(desktopData)) {
            var cache = new al.sportel.desktop.offline.LocalCache(store);
            waitUntil(() -> cache.get("branch", "TR01").isPresent());
            for (String kind : java.util.List.of("services", "counters", "queue", "branch")) {
                assertThat(cache.get(kind, "TR01")).as(kind).isPresent();
            }
            assertThat(cache.get("customer", "100001").orElseThrow().json()).contains("Dritan");
        }

        server.kill();
        assertEventually(() -> text(robot, "#connectionBanner").contains("0 veprime në pritje"), "the banner says the link is down");
        assertThat(robot.lookup("#callNextButton").queryAs(Button.class).isDisabled()).as("queue actions wait").isTrue();

        robot.clickOn("#customerCode").type(KeyCode.ENTER); // again, now from the local copy
        assertEventually(() -> text(robot, "#customerNote").contains("kopja lokale"), "the clerk sees it is the local copy");
        TextField amount = robot.lookup("#paymentAmount").queryAs(TextField.class);
        robot.interact(() -> amount.setText("40"));
        robot.interact(() -> robot.lookup("#tendered").queryAs(TextField.class).setText("50"));
        robot.type(KeyCode.F12);
        assertEventually(() -> robot.lookup("#paymentConfirm").tryQuery().isPresent(), "a confirmation shows");
        robot.type(KeyCode.ENTER);

        assertEventually(() -> text(robot, "#paymentMessage").contains("pa lidhje"), "the payment is taken offline");
        assertEventually(() -> text(robot, "#connectionBanner").contains("1 veprim në pritje"), "the banner counts it");
        Path receipt;
        try (Stream<Path> files = Files.list(desktopData.resolve("receipts"))) {
            receipt = files.filter(f -> f.getFileName().toString().startsWith("offline-")).findFirst().orElseThrow();
        }
        try (var doc = Loader.loadPDF(receipt.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("LËSHUAR PA LIDHJE").contains("Shuma: 40,00 L").contains("100001");
        }
        // the cached bills already show the 40 lek as paid: nobody is asked for them twice (as the clerk reads amounts)
        String expected = Formats.amount(Money.parse(before.subtract(new BigDecimal("40")).setScale(2).toPlainString()));
        assertEventually(() -> expected.equals(amount.getText()), "the local balance is less the payment");

        server.restart();
        assertEventually(() -> !robot.lookup("#connectionBanner").query().isVisible(), "the outbox drains by itself, banner gone");
        JsonNode after = server.get("/api/v1/customers/100001", server.token("admin"));
        assertThat(new BigDecimal(after.get("balance").asText())).isEqualByComparingTo(before.subtract(new BigDecimal("40")));
        long counterId = server.get("/api/v1/branches/TR01/counters", server.token("admin")).get(0).get("id").asLong();
        JsonNode cash = server.get("/api/v1/reports/cash?counterId=" + counterId, server.token("admin"));
        assertThat(cash.get("payments")).hasSize(1);
        assertThat(cash.get("payments").get(0).get("amount").asText()).isEqualTo("40.00");
        assertThat(robot.lookup("#callNextButton").queryAs(Button.class).isDisabled()).as("the queue is back").isFalse();
    }

    @Test
    void aDamagedLocalFileIsReportedAtStartKeptAsideAndTheCounterStillWorks(FxRobot robot) throws Exception {
        waitUntil(() -> app().context().local() != null); // opened and migrated
        restartClient(() -> Files.write(al.sportel.desktop.offline.LocalStore.fileIn(desktopData), "not a database".repeat(500).getBytes()));
        assertEventually(() -> robot.lookup("#localProblem").tryQuery().isPresent(), "a message at start-up");
        javafx.scene.control.DialogPane message = robot.lookup("#localProblem").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(message.getContentText()).contains("u vendos mënjanë").contains("local.corrupt-").contains("IT");
        try (Stream<Path> files = Files.list(desktopData)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("local.corrupt-") && n.endsWith(".mv.db"));
        }
        robot.type(KeyCode.ENTER);
        openCounter(robot, "clerk1"); // on a new file, announced: the counter works
        assertEventually(() -> !robot.lookup("#callNextButton").queryAs(Button.class).isDisabled(), "call-next is ready");
    }
}
