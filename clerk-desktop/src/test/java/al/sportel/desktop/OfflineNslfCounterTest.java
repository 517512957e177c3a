package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.offline.LocalStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A counter with a counter key (ADR 0007 section 3), cut off from the server, prints a receipt with a valid NSLF
 * and no NIVF; when the link returns the outbox delivers the payment and the server registers that same NSLF
 * with the authority (NOINTERNET), storing its NIVF.
 */
class OfflineNslfCounterTest extends DesktopTestBase {

    private static final Path FISCAL = Path.of(System.getProperty("sportel.server.testClasses", "../central-server/target/test-classes"))
            .resolve("fiscal");
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
    void aReceiptPrintedOfflineCarriesAnNslfThatTheServerLaterRegistersUnchanged(FxRobot robot) throws Exception {
        authority.configure(server);
        long counter = server.counterId(1);
        authority.registerTcr(server, counter);
        restartClient(() -> Files.writeString(desktopData.resolve("settings.properties"),
                "\nfiscal.keystore=" + FISCAL.resolve("taxpayer.p12").toAbsolutePath().toString().replace("\\", "/")
                        + "\nfiscal.keystorePasswordFile=" + FISCAL.resolve("taxpayer.password").toAbsolutePath().toString().replace("\\", "/")
                        + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        openCounter(robot, "clerk1");
        server.post("/api/v1/fiscal/counters/" + counter + "/cash-deposits", server.token("clerk1"),
                "{\"operation\":\"INITIAL\",\"amount\":\"0\"}");
        robot.type(KeyCode.F3);
        robot.clickOn("#customerCode").write("100001").type(KeyCode.ENTER); // looked up while online: in the local cache
        assertEventually(() -> !text(robot, "#customerName").isEmpty(), "the customer is found");
        try (LocalStore store = LocalStore.open(desktopData)) {
            assertEventually(() -> store.tx(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM fiscal_blocks")) {
                    return rs.next() && rs.getInt(1) == 1;
                }
            }), "the counter holds a block of receipt numbers");
        }

        server.kill();
        robot.clickOn("#customerCode").type(KeyCode.ENTER);
        assertEventually(() -> text(robot, "#customerNote").contains("kopja lokale"), "the local copy");
        robot.interact(() -> {
            robot.lookup("#paymentAmount").queryAs(TextField.class).setText("40");
            robot.lookup("#tendered").queryAs(TextField.class).setText("50");
        });
        robot.type(KeyCode.F12);
        assertEventually(() -> robot.lookup("#paymentConfirm").tryQuery().isPresent(), "a confirmation shows");
        robot.type(KeyCode.ENTER);
        assertEventually(() -> text(robot, "#paymentMessage").contains("pa lidhje"), "taken offline");

        String printed;
        try (Stream<Path> files = Files.list(desktopData.resolve("receipts"))) {
            Path receipt = files.filter(f -> f.getFileName().toString().startsWith("offline-")).findFirst().orElseThrow();
            try (var doc = Loader.loadPDF(receipt.toFile())) {
                printed = new PDFTextStripper().getText(doc);
            }
        }
        Matcher nslf = Pattern.compile("NSLF\\s+([0-9A-F]{32})").matcher(printed);
        assertThat(nslf.find()).as("the offline receipt carries an NSLF: " + printed).isTrue();
        assertThat(printed).contains("L91806031N", "(do të dërgohet)").doesNotContain("NIVF\n" + "0");

        server.restart();
        // the server restarts and the outbox's back-off runs out: longer than one screen change on this shared machine
        waitUntil(90, () -> !robot.lookup("#connectionBanner").query().isVisible());
        JsonNode payments = server.get("/api/v1/reports/cash?counterId=" + counter, server.token("admin")).get("payments");
        assertThat(payments).hasSize(1);
        JsonNode fiscal = server.get("/api/v1/fiscal/payments/" + payments.get(0).get("id").asLong(), server.token("admin"));
        assertThat(fiscal.get("iic").asText()).as("the server registered the NSLF printed offline").isEqualTo(nslf.group(1));
        assertThat(fiscal.get("offlineNslf").asText()).isEqualTo("ACCEPTED");
        assertThat(fiscal.get("subseqDelivType").asText()).isEqualTo("NOINTERNET");
        assertThat(fiscal.get("fic").asText()).as("and stored its NIVF").hasSize(36);
    }
}
