package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.StreamSupport;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A real install's first day (docs/operations.md): the server holds no centre, only the administrator
 * {@code init --admin} created, and she must reach the console to create the centres.
 */
class FirstAdminTest extends DesktopTestBase {

    private static final String PASSWORD = "Fillimi-i-ri-2026";

    @Override
    protected ServerProcess startServer() throws Exception {
        return new ServerProcess("drejtori", PASSWORD);
    }

    private JsonNode branches() throws Exception {
        String token = server.post("/api/v1/auth/login", null,
                "{\"username\":\"drejtori\",\"password\":\"" + PASSWORD + "\"}").get("token").asText();
        return server.get("/api/v1/branches", token);
    }

    @Test
    void theFirstAdminOfANewInstallReachesTheConsoleAndCreatesTheFirstCentre(FxRobot robot) throws Exception {
        assertThat(branches()).isEmpty();
        logIn(robot, "drejtori", PASSWORD);

        waitUntil(() -> robot.lookup("#counterPane").query().isVisible());
        assertThat(robot.lookup("#loginError").queryAs(Label.class).getText()).as("no refusal").isNullOrEmpty();
        assertThat(robot.lookup("#counterError").queryAs(Label.class).getText()).contains("konsolën");
        assertThat(robot.lookup("#consoleButton").query().isVisible()).isTrue();

        robot.clickOn("#consoleButton");
        waitUntil(() -> robot.lookup("#tabs").tryQuery().isPresent());
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
        });
        waitUntil(() -> robot.lookup("#adminBranchCode").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#adminBranchCode").queryAs(TextField.class).setText("SH01");
            robot.lookup("#adminBranchName").queryAs(TextField.class).setText("Shkodër Qendër");
            robot.lookup("#adminCity").queryAs(TextField.class).setText("Shkodër");
            robot.lookup("#adminAddress").queryAs(TextField.class).setText("Rruga 13 Dhjetori");
        });
        waitUntil(() -> !robot.lookup("#createBranch").queryAs(Button.class).isDisabled());
        robot.interact(() -> robot.lookup("#createBranch").queryAs(Button.class).fire());

        assertEventually(() -> StreamSupport.stream(branches().spliterator(), false)
                .anyMatch(b -> b.get("code").asText().equals("SH01")), "the first centre exists on the server");
    }
}
