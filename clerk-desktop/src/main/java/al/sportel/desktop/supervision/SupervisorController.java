package al.sportel.desktop.supervision;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.Background;
import al.sportel.desktop.app.Forms;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Notify;
import al.sportel.model.Board;
import al.sportel.model.Counter;
import al.sportel.model.Role;
import al.sportel.model.Ticket;
import al.sportel.model.UserInfo;
import java.awt.Toolkit;
import java.util.List;
import java.util.function.BiPredicate;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;

/**
 * The supervisor's console: the centre live (counters, services against their thresholds, the
 * waiting tickets), the actions on them, and the charts, reports and administration tabs. The board and
 * its actions are in {@link BoardViewModel}, what asks for a fresh board in {@link BoardLiveFeed}, and the
 * counter-services check list in {@link CounterServicesEditor}; this view binds them to its controls.
 */
public final class SupervisorController {

    @FXML private Label consoleTitle;
    @FXML private ComboBox<String> branchChoice;
    @FXML private Label connectionStatus;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button logoutButton;
    @FXML private Label alertBanner;
    @FXML private TabPane tabs;
    @FXML private Tab chartsTab;
    @FXML private Tab reportsTab;
    @FXML private Tab adminTab;
    @FXML private TableView<Counter> counterTable;
    @FXML private Button openButton;
    @FXML private Button pauseButton;
    @FXML private Button closeButton;
    @FXML private ListView<Board.ServiceLine> counterServices;
    @FXML private Button upButton;
    @FXML private Button downButton;
    @FXML private Button saveServicesButton;
    @FXML private Label actionMessage;
    @FXML private TableView<Board.ServiceLine> serviceTable;
    @FXML private Label todayLabel;
    @FXML private TableView<Ticket> waitingTable;
    @FXML private ComboBox<MoveTarget> moveTarget;
    @FXML private Button moveButton;
    @FXML private Button priorityButton;
    @FXML private Button cancelButton;

    private AppContext app;
    private I18n i18n;
    private Background bg;
    private SupervisorApi api;
    private UserInfo user;
    private String branch; // null until the administrator's branch list has loaded
    private BoardViewModel vm;
    private BoardLiveFeed feed;
    private final CounterServicesEditor editor = new CounterServicesEditor();
    private ChartsPane charts;
    private ReportsPane reports;
    private AdminPane admin; // null for a supervisor
    private BranchChoice branches; // null for a supervisor
    private boolean refreshing;

    public void init(AppContext app, ApiClient client, UserInfo user) {
        this.app = app;
        this.i18n = app.i18n();
        this.bg = app.background();
        this.api = new SupervisorApi(client);
        this.user = user;
        this.vm = new BoardViewModel(BoardDesk.of(api), bg, i18n, null);
        vm.onLoaded(this::show);
        feed = new BoardLiveFeed(client, this::refresh, () -> {
            dispose();
            app.navigator().showLoginAfterSessionEnded(user.username());
        });
        feed.live().addListener((o, was, live) -> {
            connectionStatus.setText(i18n.t(live ? "status.live" : "status.reconnecting"));
            connectionStatus.getStyleClass().setAll("label", live ? "status-live" : "status-down");
        });
        vm.onNewAlert(fresh -> {
            Toolkit.getDefaultToolkit().beep();
            fresh.forEach(s -> Notify.warning(alertBanner, i18n.t("notify.service.over", s.letter() + " " + vm.name(s), s.maxWaitMinutes())));
        });
        todayLabel.textProperty().bind(vm.today());
        Forms.show(alertBanner, vm.alert());
        Forms.show(actionMessage, vm.message());
        busyIndicator.visibleProperty().bind(bg.busy().or(bg.refreshing())); // the only sign of a board refresh
        setUpTables();
        setUpButtons();
        charts = new ChartsPane(i18n);
        chartsTab.setContent(charts.node());
        reports = new ReportsPane(app, api, () -> branch);
        reportsTab.setContent(reports.node());
        tabs.getTabs().add(tabs.getTabs().indexOf(reportsTab) + 1, ChannelsPane.tab(app, client)); // every branch's partners
        feed.startTicking();
        if (user.role() == Role.ADMIN) {
            branches = new BranchChoice(branchChoice, bg, api, () -> branch, this::switchBranch, () -> vm.ask("action.unreachable"));
            admin = new AdminPane(app, api, () -> branch, () -> vm.board().get(), branches::reload);
            adminTab.setContent(admin.node());
            branches.start(app.settings().get("console.branch", null));
        } else {
            tabs.getTabs().remove(adminTab);
            switchBranch(user.branchCode());
        }
    }

    /** The live feed asks for a new board; with no branch yet (its list did not load), the list is asked for again. */
    private void refresh() {
        if (branch != null) {
            vm.refresh();
        } else if (branches != null) {
            branches.start(app.settings().get("console.branch", null));
        }
    }

    /** Everything the console shows of a branch follows the choice: the board, the charts, the reports, the administration. */
    private void switchBranch(String code) {
        branch = code;
        app.settings().put("console.branch", code);
        app.saveSettings(); // the next console opens on it
        consoleTitle.setText(i18n.t("sup.title", code));
        feed.unfollow();
        counterTable.getItems().clear();
        serviceTable.getItems().clear();
        waitingTable.getItems().clear();
        moveTarget.setValue(null);
        moveTarget.getItems().clear();
        charts.clear();
        vm.switchBranch(code);
        reports.branchChanged();
        if (admin != null) {
            admin.branchChanged();
        }
    }

    private void show(Board b) {
        refreshing = true; // the same selection comes back: not a new choice that resets the services being edited
        setKeepingSelection(counterTable, b.counters(), (c, was) -> c.id() == was.id());
        refreshing = false;
        editor.boardChanged(selectedCounter(), b);
        serviceTable.getItems().setAll(b.services());
        setKeepingSelection(waitingTable, b.waiting(), (t, was) -> t.id().equals(was.id()));
        List<MoveTarget> targets = MoveTarget.of(b, i18n, vm::name);
        MoveTarget keep = moveTarget.getValue();
        moveTarget.getItems().setAll(targets);
        if (keep != null) {
            targets.stream().filter(x -> x.label().equals(keep.label())).findFirst().ifPresent(moveTarget::setValue);
        }
        charts.update(b, vm::name);
        feed.follow(branch, b.lastEventId());
    }

    /** Shows {@code items} and selects again the row that was selected, if it is still there. */
    private static <T> void setKeepingSelection(TableView<T> table, List<T> items, BiPredicate<T, T> same) {
        T was = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(items);
        if (was != null) {
            items.stream().filter(x -> same.test(x, was)).findFirst().ifPresent(x -> table.getSelectionModel().select(x));
        }
    }

    private void setUpTables() {
        BoardTables tables = new BoardTables(i18n, vm);
        tables.counters(counterTable);
        tables.services(serviceTable);
        tables.waiting(waitingTable);
        counterTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!refreshing) {
                editor.show(now, vm.board().get());
            }
        });
        tables.counterServices(counterServices, editor);
    }

    private void setUpButtons() {
        var busy = bg.busy();
        var noCounter = counterTable.getSelectionModel().selectedItemProperty().isNull();
        var noTicket = waitingTable.getSelectionModel().selectedItemProperty().isNull();
        openButton.disableProperty().bind(busy.or(noCounter));
        pauseButton.disableProperty().bind(busy.or(noCounter));
        closeButton.disableProperty().bind(busy.or(noCounter));
        saveServicesButton.disableProperty().bind(busy.or(noCounter));
        upButton.disableProperty().bind(counterServices.getSelectionModel().selectedItemProperty().isNull());
        downButton.disableProperty().bind(counterServices.getSelectionModel().selectedItemProperty().isNull());
        moveButton.disableProperty().bind(busy.or(noTicket).or(moveTarget.valueProperty().isNull()));
        priorityButton.disableProperty().bind(busy.or(noTicket));
        cancelButton.disableProperty().bind(busy.or(noTicket));
        logoutButton.disableProperty().bind(busy);
    }

    @FXML
    private void onOpen() {
        vm.counterAction(selectedCounter(), "open");
    }

    @FXML
    private void onPause() {
        vm.counterAction(selectedCounter(), "pause");
    }

    @FXML
    private void onClose() {
        vm.counterAction(selectedCounter(), "close");
    }

    @FXML
    private void onUp() {
        move(-1);
    }

    @FXML
    private void onDown() {
        move(1);
    }

    private void move(int by) {
        int to = editor.move(counterServices.getSelectionModel().getSelectedIndex(), by);
        if (to >= 0) {
            counterServices.getSelectionModel().select(to);
        }
    }

    @FXML
    private void onSaveServices() {
        vm.setServices(selectedCounter(), editor.chosenIds(), editor::saved);
    }

    @FXML
    private void onMove() {
        vm.transfer(selectedTicket(), moveTarget.getValue());
    }

    @FXML
    private void onPriority() {
        vm.togglePriority(selectedTicket());
    }

    @FXML
    private void onCancel() {
        vm.cancel(selectedTicket());
    }

    private Counter selectedCounter() {
        return counterTable.getSelectionModel().getSelectedItem();
    }

    private Ticket selectedTicket() {
        return waitingTable.getSelectionModel().getSelectedItem();
    }

    @FXML
    private void onLogout() {
        dispose();
        ApiClient client = api.client();
        bg.fireAndForget(() -> {
            client.logout();
            return null;
        });
        app.navigator().showLogin(user.username());
    }

    public void dispose() {
        vm.dispose();
        feed.dispose();
    }
}
