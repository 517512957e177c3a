package al.sportel.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.Counter;
import al.sportel.model.admin.ServiceRow;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The administrator's console follows the centre chosen in its header: the administration tab included. */
class ConsoleBranchTest extends DesktopTestBase {

    private void openAdminConsole(FxRobot robot) throws Exception {
        logIn(robot, "admin", "sportel");
        waitUntil(() -> robot.lookup("#consoleButton").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#consoleButton");
        waitUntil(() -> robot.lookup("#tabs").tryQuery().isPresent() && !branchChoice(robot).getItems().isEmpty());
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "adminTab".equals(t.getId())).findFirst().orElseThrow());
        });
        waitUntil(() -> robot.lookup("#adminServices").tryQuery().map(n -> n.isVisible()).orElse(false));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> branchChoice(FxRobot robot) {
        return robot.lookup("#branchChoice").queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<ServiceRow> adminServices(FxRobot robot) {
        return robot.lookup("#adminServices").queryAs(TableView.class);
    }

    private static void choose(FxRobot robot, String branch) {
        robot.interact(() -> branchChoice(robot).setValue(branch));
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    /** Presses the button as soon as it is enabled (it is disabled while a request the admin made is in flight). */
    private static void fire(FxRobot robot, String id) throws Exception {
        AtomicBoolean fired = new AtomicBoolean();
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

    private List<JsonNode> onServer(String path) throws Exception {
        return StreamSupport.stream(server.get(path, server.token("admin")).spliterator(), false).toList();
    }

    /** The branch's services as the kiosk and the board see them. */
    private Set<Long> serviceIds(String branch) throws Exception {
        return onServer("/api/v1/branches/" + branch + "/services").stream().map(s -> s.get("id").asLong()).collect(Collectors.toSet());
    }

    private Set<Long> shownServiceIds(FxRobot robot) {
        return adminServices(robot).getItems().stream().map(ServiceRow::id).collect(Collectors.toSet());
    }

    private String serviceName(String branch, String letter) throws Exception {
        return onServer("/api/v1/branches/" + branch + "/services").stream().filter(s -> s.get("letter").asText().equals(letter))
                .map(s -> s.get("name").asText()).findFirst().orElseThrow();
    }

    @Test
    void afterSwitchingFromTiranaToDurresTheAdministrationTabEditsDurresServices(FxRobot robot) throws Exception {
        openAdminConsole(robot);
        choose(robot, "TR01");
        Set<Long> tirana = serviceIds("TR01");
        assertEventually(() -> shownServiceIds(robot).equals(tirana), "the administration tab shows TR01's services");

        choose(robot, "DR01");
        Set<Long> durres = serviceIds("DR01");
        assertThat(durres).doesNotContainAnyElementsOf(tirana);
        assertEventually(() -> shownServiceIds(robot).equals(durres), "after the switch it shows DR01's services " + durres);
        assertThat(text(robot, "#consoleTitle")).contains("DR01");

        // an edit reaches the service of the centre on screen, not the one shown before
        String tiranaPayment = serviceName("TR01", "P");
        robot.interact(() -> adminServices(robot).getSelectionModel().select(
                adminServices(robot).getItems().stream().filter(s -> s.letter().equals("P")).findFirst().orElseThrow()));
        type(robot, "#adminServiceName", "Pagesë fature Durrës");
        type(robot, "#adminMaxWait", "25");
        fire(robot, "#saveService");
        assertEventually(() -> serviceName("DR01", "P").equals("Pagesë fature Durrës"), "DR01's payment service is renamed");
        assertThat(serviceName("TR01", "P")).as("TR01's is not").isEqualTo(tiranaPayment);

        // a new counter gets the centre's own services (the last centre's ids were refused)
        type(robot, "#adminCounterNumber", "9");
        fire(robot, "#createCounter");
        assertEventually(() -> onServer("/api/v1/branches/DR01/counters").stream().anyMatch(c -> c.get("number").asInt() == 9
                && StreamSupport.stream(c.get("serviceIds").spliterator(), false).map(JsonNode::asLong).allMatch(durres::contains)),
                "DR01 has counter 9 with DR01's services");

        // and a refusal from the server reads in Albanian
        type(robot, "#adminServiceLetter", "K");
        type(robot, "#adminServiceName", "Ankesë e dytë");
        fire(robot, "#createService");
        assertEventually(() -> robot.lookup("#adminMessage").queryAs(Label.class).getText()
                .equals("Qendra ka tashmë një shërbim me këtë shkronjë."), "the letter is taken: said in Albanian");
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> shownCounterIds(FxRobot robot) {
        TableView<Counter> table = robot.lookup("#counterTable").queryAs(TableView.class);
        return table.getItems().stream().map(Counter::id).collect(Collectors.toSet());
    }

    @Test
    void aFirstConsoleOpensOnTheFirstCentreListedAndANewCentreJoinsThePicker(FxRobot robot) throws Exception {
        openAdminConsole(robot);
        String first = onServer("/api/v1/branches").get(0).get("code").asText();
        Set<Long> firstCounters = onServer("/api/v1/branches/" + first + "/counters").stream().map(c -> c.get("id").asLong())
                .collect(Collectors.toSet());
        assertEventually(() -> first.equals(branchChoice(robot).getValue()) && text(robot, "#consoleTitle").contains(first)
                && shownCounterIds(robot).equals(firstCounters), "nothing remembered: the console shows " + first + ", the first centre listed");
        assertThat(branchChoice(robot).getItems()).containsExactly("DR01", "TR01");

        type(robot, "#adminBranchCode", "VL01");
        type(robot, "#adminBranchName", "Qendra e Klientit Vlorë");
        type(robot, "#adminCity", "Vlorë");
        type(robot, "#adminAddress", "Rruga Sadik Zotaj 5, Vlorë");
        fire(robot, "#createBranch");
        assertEventually(() -> branchChoice(robot).getItems().contains("VL01"), "the new centre is in the picker at once");
        assertThat(branchChoice(robot).getValue()).as("the console stays where it was").isEqualTo(first);

        choose(robot, "VL01");
        Set<Long> vlora = serviceIds("VL01");
        assertEventually(() -> shownServiceIds(robot).equals(vlora), "the new centre's services in the administration tab");

        robot.clickOn("#logoutButton");
        waitUntil(() -> robot.lookup("#loginButton").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.interact(() -> robot.lookup("#loginUsername").queryAs(TextField.class).clear()); // the form keeps the last user
        openAdminConsole(robot);
        assertEventually(() -> "VL01".equals(branchChoice(robot).getValue()) && text(robot, "#consoleTitle").contains("VL01"),
                "the next console opens on the centre chosen last");
    }
}
