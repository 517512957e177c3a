package al.sportel.desktop.supervision;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.EventStream;
import al.sportel.desktop.app.Background;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Forms;
import al.sportel.desktop.app.Notify;
import al.sportel.desktop.app.AppContext;
import al.sportel.model.Board;
import al.sportel.model.Branch;
import al.sportel.model.Counter;
import al.sportel.model.LiveEvent;
import al.sportel.model.Role;
import al.sportel.model.Ticket;
import al.sportel.model.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.util.Duration;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import java.awt.Toolkit;
import java.util.HashMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.util.StringConverter;

/**
 * The supervisor's console: the centre live (counters, services against their thresholds, the
 * waiting tickets), the actions on them, and the charts, reports and administration tabs. The board
 * is fetched again after every live event (coalesced) and every 30 s, since waits grow by themselves.
 */
// Over 300 lines: besides binding the board (whose logic is in BoardViewModel), this view hosts the
// counter-services editor (a check list with its order) and the live stream that drives the board.
public final class SupervisorController {

    /** A place a waiting ticket can be moved to. */
    record Target(Long serviceId, Long counterId, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

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
    @FXML private ComboBox<Target> moveTarget;
    @FXML private Button moveButton;
    @FXML private Button priorityButton;
    @FXML private Button cancelButton;

    private AppContext app;
    private I18n i18n;
    private Background bg;
    private SupervisorApi api;
    private UserInfo user;
    private String branch;
    private EventStream stream;
    private BoardViewModel vm;
    private BoardTables tables;
    private ChartsPane charts;
    private final PauseTransition coalesce = new PauseTransition(Duration.millis(300));
    private Timeline ticker;
    private boolean disposed;
    private Long editingCounterId;
    private boolean refreshing;

    public void init(AppContext app, ApiClient client, UserInfo user) {
        this.app = app;
        this.i18n = app.i18n();
        this.bg = app.background();
        this.api = new SupervisorApi(client);
        this.user = user;
        this.branch = user.branchCode() != null ? user.branchCode() : app.settings().get("console.branch", "TR01");
        this.vm = new BoardViewModel(BoardDesk.of(api), bg, i18n, branch);
        vm.onLoaded(this::show);
        vm.onNewAlert(fresh -> {
            Toolkit.getDefaultToolkit().beep();
            fresh.forEach(s -> Notify.warning(alertBanner, i18n.t("notify.service.over", s.letter() + " " + vm.name(s), s.maxWaitMinutes())));
        });
        todayLabel.textProperty().bind(vm.today());
        Forms.show(alertBanner, vm.alert());
        Forms.show(actionMessage, vm.message());
        busyIndicator.visibleProperty().bind(bg.busy());
        setUpTables();
        setUpButtons();
        charts = new ChartsPane(i18n);
        chartsTab.setContent(charts.node());
        reportsTab.setContent(new ReportsPane(app, api, () -> branch).node());
        tabs.getTabs().add(tabs.getTabs().indexOf(reportsTab) + 1, ChannelsPane.tab(app, client));
        if (user.role() == Role.ADMIN) {
            adminTab.setContent(new AdminPane(app, api, () -> branch, () -> vm.board().get()).node());
            branchChoice.setVisible(true);
            branchChoice.setManaged(true);
            bg.run(api::branches, list -> {
                branchChoice.getItems().setAll(list.stream().map(Branch::code).toList());
                branchChoice.setValue(branch);
                branchChoice.valueProperty().addListener((o, was, now) -> {
                    if (now != null && !now.equals(branch)) {
                        switchBranch(now);
                    }
                });
            }, e -> vm.ask("action.unreachable"));
        } else {
            tabs.getTabs().remove(adminTab);
        }
        coalesce.setOnFinished(e -> vm.refresh());
        ticker = new Timeline(new KeyFrame(Duration.seconds(30), e -> vm.refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        switchBranch(branch);
    }

    private void switchBranch(String code) {
        branch = code;
        app.settings().put("console.branch", code);
        consoleTitle.setText(i18n.t("sup.title", code));
        if (stream != null) {
            stream.close();
            stream = null;
        }
        vm.switchBranch(code);
    }

    /** The live stream starts with the first board; each event asks for a fresh board (coalesced). */
    private void connect(Board b) {
        if (stream != null || disposed) {
            return;
        }
        stream = new EventStream(api.client(), branch, b.lastEventId(), new EventStream.Listener() {
            @Override
            public void onEvent(long id, LiveEvent event) {
                Background.fx(coalesce::playFromStart);
            }

            @Override
            public void onConnected(boolean connected) {
                Background.fx(() -> {
                    connectionStatus.setText(i18n.t(connected ? "status.live" : "status.reconnecting"));
                    connectionStatus.getStyleClass().setAll("label", connected ? "status-live" : "status-down");
                    if (connected) {
                        coalesce.playFromStart();
                    }
                });
            }
        });
        stream.start();
    }

    private void show(Board b) {
        Counter selected = counterTable.getSelectionModel().getSelectedItem();
        Ticket selectedTicket = waitingTable.getSelectionModel().getSelectedItem();
        refreshing = true; // the same selection comes back: not a new choice that resets the services being edited
        counterTable.getItems().setAll(b.counters());
        if (selected != null) {
            b.counters().stream().filter(c -> c.id() == selected.id()).findFirst().ifPresent(c -> counterTable.getSelectionModel().select(c));
        }
        refreshing = false;
        Counter now = counterTable.getSelectionModel().getSelectedItem();
        if (now == null || editingCounterId == null || now.id() != editingCounterId) {
            showCounterServices(now);
        }
        serviceTable.getItems().setAll(b.services());
        waitingTable.getItems().setAll(b.waiting());
        if (selectedTicket != null) {
            b.waiting().stream().filter(t -> t.id().equals(selectedTicket.id())).findFirst()
                    .ifPresent(t -> waitingTable.getSelectionModel().select(t));
        }
        List<Target> targets = new ArrayList<>();
        b.services().forEach(s -> targets.add(new Target(s.id(), null, i18n.t("sup.toService", s.letter() + " " + name(s)))));
        b.counters().forEach(c -> targets.add(new Target(null, c.id(), i18n.t("sup.toCounter", c.number()))));
        Target keep = moveTarget.getValue();
        moveTarget.getItems().setAll(targets);
        if (keep != null) {
            targets.stream().filter(x -> x.label().equals(keep.label())).findFirst().ifPresent(moveTarget::setValue);
        }
        charts.update(b, this::name);
        connect(b);
    }

    private void setUpTables() {
        tables = new BoardTables(i18n, vm);
        tables.counters(counterTable);
        tables.services(serviceTable);
        tables.waiting(waitingTable);
        counterTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!refreshing) {
                showCounterServices(now);
            }
        });
        counterServices.setCellFactory(CheckBoxListCell.forListView(
                item -> chosen.computeIfAbsent(item.id(), id -> new SimpleBooleanProperty()),
                new StringConverter<>() {
                    @Override
                    public String toString(Board.ServiceLine s) {
                        return s == null ? "" : s.letter() + " " + name(s);
                    }

                    @Override
                    public Board.ServiceLine fromString(String s) {
                        return null;
                    }
                }));
    }

    /** The selected counter's services: ticked ones first in its order of preference, the rest after. */
    private final Map<Long, BooleanProperty> chosen = new HashMap<>();

    private void showCounterServices(Counter c) {
        editingCounterId = c == null ? null : c.id();
        chosen.values().forEach(p -> p.set(false));
        if (c == null || vm.board().get() == null) {
            counterServices.getItems().clear();
            return;
        }
        Board board = vm.board().get();
        board.services().forEach(s -> chosen.computeIfAbsent(s.id(), id -> new SimpleBooleanProperty())
                .set(c.serviceIds().contains(s.id())));
        List<Board.ServiceLine> ordered = new ArrayList<>();
        c.serviceIds().forEach(id -> board.services().stream().filter(s -> s.id() == id).findFirst().ifPresent(ordered::add));
        board.services().stream().filter(s -> !c.serviceIds().contains(s.id())).forEach(ordered::add);
        counterServices.getItems().setAll(ordered);
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
        counterAction("open");
    }

    @FXML
    private void onPause() {
        counterAction("pause");
    }

    @FXML
    private void onClose() {
        counterAction("close");
    }

    private void counterAction(String action) {
        Counter c = counterTable.getSelectionModel().getSelectedItem();
        if (c == null) {
            message("sup.select.counter");
            return;
        }
        vm.counterAction(c.id(), action);
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
        int i = counterServices.getSelectionModel().getSelectedIndex();
        int j = i + by;
        if (i < 0 || j < 0 || j >= counterServices.getItems().size()) {
            return;
        }
        var items = counterServices.getItems();
        var item = items.remove(i);
        items.add(j, item);
        counterServices.getSelectionModel().select(j);
    }

    @FXML
    private void onSaveServices() {
        Counter c = counterTable.getSelectionModel().getSelectedItem();
        if (c == null) {
            message("sup.select.counter");
            return;
        }
        List<Long> ids = counterServices.getItems().stream().map(Board.ServiceLine::id)
                .filter(id -> chosen.containsKey(id) && chosen.get(id).get()).toList();
        vm.setServices(c.id(), ids, () -> editingCounterId = null); // saved: show the counter as the server has it
    }

    @FXML
    private void onMove() {
        Ticket t = waitingTable.getSelectionModel().getSelectedItem();
        Target target = moveTarget.getValue();
        if (t == null || target == null) {
            message(t == null ? "sup.select.ticket" : "sup.select.target");
            return;
        }
        vm.transfer(t.id(), target.serviceId(), target.counterId());
    }

    @FXML
    private void onPriority() {
        Ticket t = waitingTable.getSelectionModel().getSelectedItem();
        if (t == null) {
            message("sup.select.ticket");
            return;
        }
        vm.priority(t.id(), !t.priority());
    }

    @FXML
    private void onCancel() {
        Ticket t = waitingTable.getSelectionModel().getSelectedItem();
        if (t == null) {
            message("sup.select.ticket");
            return;
        }
        vm.cancel(t.id());
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
        disposed = true;
        vm.dispose();
        if (stream != null) {
            stream.close();
            stream = null;
        }
        if (ticker != null) {
            ticker.stop();
        }
        coalesce.stop();
    }

    private void message(String key) {
        vm.ask(key);
    }

    String name(Board.ServiceLine s) {
        return "en".equals(i18n.lang()) ? s.nameEn() : s.name();
    }

    private static String seconds(Long s) {
        return BoardViewModel.seconds(s);
    }

    private static String percent(double rate) {
        return BoardViewModel.percent(rate);
    }
}
