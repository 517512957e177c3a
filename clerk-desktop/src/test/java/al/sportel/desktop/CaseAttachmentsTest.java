package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.complaints.AttachmentsPane;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A complaint filed with a PDF from the phone app: the clerk sees the file with the case and saves the very same bytes. */
class CaseAttachmentsTest extends DesktopTestBase {

    private static final byte[] PDF = "%PDF-1.4\n%sportel attachment test\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void theClerkSeesACasesAttachmentAndSavesItsBytes(FxRobot robot) throws Exception {
        String withFile = server.fileAppComplaint("Fatura e tetorit numëron matësin dy herë.", "fatura-tetor.pdf", PDF);
        String without = server.fileAppComplaint("Nuk më erdhi fatura e nëntorit në shtëpi.", null, null);
        openCounter(robot, "clerk1");
        robot.type(KeyCode.F4);
        @SuppressWarnings("unchecked")
        TableView<Object> cases = robot.lookup("#caseTable").queryAs(TableView.class);
        assertEventually(() -> cases.getItems().toString().contains(withFile) && cases.getItems().toString().contains(without),
                "both app cases listed");
        Node pane = robot.lookup("#caseAttachments").query();
        assertThat(pane.isVisible()).as("nothing shown before a case is chosen").isFalse();

        select(robot, cases, withFile);
        @SuppressWarnings("unchecked")
        TableView<Object> files = robot.lookup("#attachmentTable").queryAs(TableView.class);
        assertEventually(() -> files.getItems().size() == 1 && pane.isVisible(), "the case's one attachment listed");
        assertThat(cellText(files, 0)).isEqualTo("fatura-tetor.pdf");
        assertThat(cellText(files, 1)).isEqualTo("PDF");
        assertThat(cellText(files, 2)).isEqualTo(PDF.length + " B");

        Path chosen = Files.createTempDirectory("sportel-save-as").resolve("ankesa.pdf");
        robot.interact(() -> ((AttachmentsPane) pane).chooseTargetWith(a -> Optional.of(chosen)));
        robot.interact(() -> robot.lookup("#saveAttachmentButton").queryAs(Button.class).fire());
        assertEventually(() -> text(robot, "#attachmentMessage").contains(chosen.toString()), "saved where the clerk chose");
        assertThat(Files.readAllBytes(chosen)).as("the very bytes the citizen sent").isEqualTo(PDF);

        select(robot, cases, without);
        assertEventually(() -> !pane.isVisible() && files.getItems().isEmpty(), "a case without files shows no attachment pane");

        select(robot, cases, withFile);
        assertEventually(() -> files.getItems().size() == 1, "listed again");
        server.kill();
        robot.interact(() -> robot.lookup("#openAttachmentButton").queryAs(Button.class).fire());
        assertEventually(() -> text(robot, "#attachmentMessage").startsWith("Nuk ka lidhje me serverin"),
                "an unreachable server is said inline");
    }

    private static void select(FxRobot robot, TableView<Object> table, String code) {
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream().filter(c -> c.toString().contains(code))
                .findFirst().orElseThrow()));
    }

    private static String cellText(TableView<Object> table, int column) {
        return String.valueOf(table.getColumns().get(column).getCellData(0));
    }
}
