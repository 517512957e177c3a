package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.StreamSupport;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The administration tab: what the admin types reaches the server, bad input stays on screen and changes nothing. */
class AdminConsoleTest extends DesktopTestBase {

    private JsonNode user(String username) throws Exception {
        return StreamSupport.stream(server.get("/api/v1/users", server.token("admin")).spliterator(), false)
                .filter(u -> u.get("username").asText().equals(username)).findFirst().orElse(null);
    }

    /** Presses the button as soon as it is enabled: it is disabled while a request the admin made is in flight. */
    private static void fire(FxRobot robot, String id) throws Exception {
        java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
        waitUntil(() -> {
            robot.interact(() -> {
                Button b = robot.lookup(id).queryAs(Button.class);
                if (!b.isDisabled()) {
                    b.fire();
                    fired.set(true);
                }
            });
            return fired.get();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminCreatesAndDisablesAUserAndBadInputChangesNothing(FxRobot robot) throws Exception {
        logIn(robot, "admin", "sportel");
        waitUntil(() -> robot.lookup("#consoleButton").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#consoleButton");
        waitUntil(() -> robot.lookup("#tabs").tryQuery().isPresent());
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
        });
        waitUntil(() -> robot.lookup("#userTable").tryQuery().isPresent()
                && !robot.lookup("#userTable").queryAs(TableView.class).getItems().isEmpty());

        robot.interact(() -> {
            robot.lookup("#adminUsername").queryAs(TextField.class).setText("arta.k");
            robot.lookup("#adminDisplayName").queryAs(TextField.class).setText("Arta Kola");
            robot.lookup("#adminRole").queryAs(ComboBox.class).setValue(Role.CLERK);
            robot.lookup("#adminBranch").queryAs(TextField.class).setText("DR01");
            robot.lookup("#adminPassword").queryAs(TextField.class).setText("short");
        });
        // the role as people say it, in the closed box and in its open list, never the enum's name (the list's
        // cells are made, empty, before it opens)
        ComboBox<Role> roles = robot.lookup("#adminRole").queryAs(ComboBox.class);
        assertThat(robot.lookup("#adminRole .list-cell").queryAllAs(ListCell.class).stream().filter(c -> c.getItem() != null)
                .map(ListCell::getText).toList()).containsExactly("Punonjës sporteli");
        assertThat(roles.getItems()).extracting(r -> roles.getConverter().toString(r))
                .containsExactly("Punonjës sporteli", "Mbikëqyrës", "Administrator", "Kioskë");
        robot.interact(roles::show);
        assertThat(robot.lookup(".combo-box-popup .list-cell").queryAllAs(ListCell.class).stream().filter(c -> c.getItem() != null)
                .map(ListCell::getText).toList()).as("the open list").containsExactly("Punonjës sporteli", "Mbikëqyrës", "Administrator", "Kioskë");
        robot.interact(roles::hide);
        fire(robot, "#createUser");
        assertThat(robot.lookup("#adminMessage").queryAs(Label.class).getText()).contains("8");
        assertThat(user("arta.k")).as("nothing created").isNull();

        robot.interact(() -> robot.lookup("#adminBranch").queryAs(TextField.class).setText("XX99"));
        robot.interact(() -> robot.lookup("#adminPassword").queryAs(TextField.class).setText("long-enough-1"));
        fire(robot, "#createUser");
        assertEventually(() -> robot.lookup("#adminMessage").queryAs(Label.class).getText().contains("branch"),
                "the server's reason: no such branch");
        assertThat(user("arta.k")).isNull();

        robot.interact(() -> robot.lookup("#adminBranch").queryAs(TextField.class).setText("DR01"));
        robot.interact(() -> robot.lookup("#adminPassword").queryAs(TextField.class).setText("long-enough-1"));
        fire(robot, "#createUser");
        assertEventually(() -> user("arta.k") != null, "the user exists on the server");
        assertThat(user("arta.k").get("active").asBoolean()).isTrue();
        TableView<Object> users = robot.lookup("#userTable").queryAs(TableView.class);
        assertEventually(() -> users.getItems().stream().anyMatch(u -> u.toString().contains("arta.k")), "and in the table");

        Object arta = users.getItems().stream().filter(u -> u.toString().contains("arta.k")).findFirst().orElseThrow();
        assertThat(users.getColumns().get(2).getCellData(arta)).isEqualTo("Punonjës sporteli");
        assertThat(users.getItems()).extracting(u -> String.valueOf(users.getColumns().get(2).getCellData(u)))
                .as("every role in Albanian").doesNotContain("CLERK", "SUPERVISOR", "ADMIN", "KIOSK").contains("Administrator");
        robot.interact(() -> users.getSelectionModel().select(arta));
        fire(robot, "#toggleUser");
        assertEventually(() -> !user("arta.k").get("active").asBoolean(), "disabled on the server");
        JsonNode audit = server.get("/api/v1/audit?branchCode=DR01", server.token("admin"));
        assertThat(audit).anySatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("user.disabled"));
    }
}
