package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.fees.Fee;
import al.sportel.model.fees.FeeSale;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The counter's "Tarifë" screen: a reconnection fee paid with its application, fiscalized and printed. */
class FeeSaleTest extends DesktopTestBase {

    private static AuthorityDoubleProcess authority;

    @BeforeAll
    static void startAuthority() throws Exception {
        authority = new AuthorityDoubleProcess();
    }

    @AfterAll
    static void stopAuthority() throws Exception {
        if (authority != null) {
            authority.close();
        }
    }

    @Test
    void aReconnectionFeeIsSoldWithItsApplicationItsFiscalReceiptPrintedAndItIsInTheCounterSalesOfTheDay(FxRobot robot) throws Exception {
        authority.configure(server);
        openCounter(robot, "clerk1");
        long counter = server.counterId(1);
        authority.registerTcr(server, counter);
        String tracking = server.create("/api/v1/applications", server.token("clerk1"), ServerProcess.JSON.writeValueAsString(
                Map.of("customerCode", "100001", "name", "Arta Hoxha", "phone", "+355 69 123 4567", "type", "RECONNECTION",
                        "branchCode", "TR01", "description", "Rilidhje pas shkëputjes për mospagesë.")))
                .get("trackingCode").asText();

        robot.type(KeyCode.F3);
        Button fee = robot.lookup("#feeButton").queryAs(Button.class);
        Platform.runLater(fee::fire); // a dialog: do not wait for it to return
        assertEventually(() -> robot.lookup("#feeDialog").tryQuery().isPresent()
                && !robot.lookup("#feeChoice").queryAs(ComboBox.class).getItems().isEmpty(), "the fee form with the catalogue");

        robot.clickOn("#feeSellButton");
        assertThat(text(robot, "#feeError")).contains("Zgjidhni një tarifë");
        @SuppressWarnings("unchecked")
        ComboBox<Fee> choice = robot.lookup("#feeChoice").queryAs(ComboBox.class);
        robot.interact(() -> choice.getItems().stream().filter(f -> f.code().equals("RECONNECTION")).findFirst()
                .ifPresent(choice::setValue));
        assertThat(text(robot, "#feePrice")).contains("1 500,00 L", "me TVSH 20%)");
        robot.interact(() -> robot.lookup("#feeTendered").queryAs(TextField.class).setText("1000"));
        robot.clickOn("#feeSellButton");
        assertThat(text(robot, "#feeError")).contains("më pak se tarifa");

        // the server's refusal (no such application) shows under the form, after the day's initial cash
        robot.interact(() -> {
            robot.lookup("#feeTendered").queryAs(TextField.class).setText("2000");
            robot.lookup("#feeCase").queryAs(TextField.class).setText("APL-2026-NOPE99");
        });
        assertThat(text(robot, "#feeChange")).contains("500,00 L");
        robot.clickOn("#feeSellButton");
        assertEventually(() -> robot.lookup("#cashInitialDialog").tryQuery().isPresent(), "the initial cash is asked for first");
        robot.clickOn("#cashAmount").write("0");
        robot.clickOn("#cashRegisterButton");
        assertEventually(() -> text(robot, "#feeError").contains("caseTrackingCode"), "the refusal is shown in the form");
        assertThat(robot.lookup("#feeDialog").tryQuery()).as("the form stays open to be corrected").isPresent();

        robot.interact(() -> robot.lookup("#feeCase").queryAs(TextField.class).setText(tracking));
        robot.clickOn("#feeSellButton");
        assertEventually(() -> robot.lookup("#feeDialog").tryQuery().isEmpty(), "sold: the form closes");
        assertThat(robot.lookup("#cashInitialDialog").tryQuery()).as("the initial cash is asked once a day").isEmpty();

        JsonNode sale = server.get("/api/v1/fee-sales/1", server.token("admin"));
        assertThat(sale.get("caseTrackingCode").asText()).isEqualTo(tracking);
        assertThat(sale.get("change").asText()).isEqualTo("500.00");
        JsonNode fiscal = server.get("/api/v1/fiscal/fee-sales/1", server.token("admin"));
        assertThat(fiscal.get("fic").asText()).as("fiscalized with its NIVF").hasSize(36);

        Path receipt = desktopData.resolve("receipts").resolve(sale.get("receiptNumber").asText() + ".pdf");
        assertEventually(() -> Files.exists(receipt), "the fiscal receipt went to the printer path");
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(receipt))) {
            String printed = new PDFTextStripper().getText(doc);
            assertThat(printed).contains("Tarifë rilidhjeje", tracking, "NSLF", fiscal.get("iic").asText(), "NIVF",
                    fiscal.get("fic").asText(), "TVSH 20%");
        }
        try (Stream<Path> files = Files.list(desktopData.resolve("receipts"))) {
            List<Path> all = files.toList();
            assertThat(all).as("one sale, one receipt").hasSize(1);
        }

        // the counter's sales of the day, where a clerk checks a sale whose answer was lost
        Platform.runLater(fee::fire);
        assertEventually(() -> robot.lookup("#feeSalesButton").tryQuery().isPresent(), "the fee form again");
        robot.clickOn("#feeSalesButton");
        @SuppressWarnings("unchecked")
        TableView<FeeSale> sales = robot.lookup("#feeSalesTable").queryAs(TableView.class);
        assertEventually(() -> sales.getItems().size() == 1, "today's sale is listed");
        FeeSale listed = sales.getItems().get(0);
        assertThat(listed.receiptNumber()).isEqualTo(sale.get("receiptNumber").asText());
        assertThat(cell(sales, 2)).isEqualTo("1 500,00 L");
        assertThat(cell(sales, 3)).isEqualTo(sale.get("receiptNumber").asText());
        assertThat(cell(sales, 4)).isEqualTo("Fiskalizuar");
        assertThat(robot.lookup("#feeSalesError").queryAs(Label.class).isVisible()).isFalse();
    }

    /** The first row's text in a column, as the table shows it. */
    private static String cell(TableView<FeeSale> table, int column) {
        return String.valueOf(table.getColumns().get(column).getCellData(0));
    }
}
