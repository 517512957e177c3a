package al.sportel.desktop.supervision;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.api.EventStream;
import al.sportel.desktop.app.Background;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.InlineMessage;
import al.sportel.desktop.app.SportelApp;
import al.sportel.desktop.app.Tables;
import al.sportel.model.Board;
import al.sportel.model.Branch;
import al.sportel.model.Counter;
import al.sportel.model.LiveEvent;
import al.sportel.model.Role;
import al.sportel.model.Ticket;
import al.sportel.model.UserInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The supervisor's console: the centre live (counters, services against their thresholds, the
 * waiting tickets), the actions on them, and the charts, reports and administration tabs. The board
 * is fetched again after every live event (coalesced) and every 30 s, since waits grow by themselves.
 */
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
    @FXML private javafx.scene.control.ProgressIndicator busyIndicator;
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

    private SportelApp app;
    private I18n i18n;
    private Background bg;
    private SupervisorApi api;
    private UserInfo user;
    private String branch;
    private EventStream stream;
    private Board board;
    private ChartsPane charts;
    private final Set<Long> alerted = new HashSet<>();
    private final PauseTransition coalesce = new PauseTransition(javafx.util.Duration.millis(300));
    private Timeline ticker;
    private boolean loading;
    private boolean again;
    private boolean disposed;
    private Long editingCounterId;
    private boolean refreshing;

    public void init(SportelApp app, ApiClient client, UserInfo user) {
        this.app = app;
        this.i18n = app.i18n();
        this.bg = app.background();
        this.api = new SupervisorApi(client);
        this.user = user;
        this.branch = user.branchCode() != null ? user.branchCode() : app.settings().get("console.branch", "TR01");
        busyIndicator.visibleProperty().bind(bg.busy());
        setUpTables();
        setUpButtons();
        charts = new ChartsPane(i18n);
        chartsTab.setContent(charts.node());
        reportsTab.setContent(new ReportsPane(app, api, () -> branch).node());
        tabs.getTabs().add(tabs.getTabs().indexOf(reportsTab) + 1, ChannelsPane.tab(app, client));
        if (user.role() == Role.ADMIN) {
            adminTab.setContent(new AdminPane(app, api, () -> branch, () -> board).node());
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
            }, this::showError);
        } else {
            tabs.getTabs().remove(adminTab);
        }
        coalesce.setOnFinished(e -> refresh());
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(30), e -> refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        switchBranch(branch);
    }

    private void switchBranch(String code) {
        branch = code;
        app.settings().put("console.branch", code);
        consoleTitle.setText(i18n.t("sup.title", code));
        alerted.clear();
        if (stream != null) {
            stream.close();
            stream = null;
        }
        refresh();
    }

    /** One board request at a time; events that arrive meanwhile cause exactly one more. */
    private void refresh() {
        if (disposed) {
            return;
        }
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        String code = branch;
        bg.run(() -> api.board(code), b -> {
            loading = false;
            if (disposed) {
                return;
            }
            if (!code.equals(branch)) {
                refresh();
                return;
            }
            show(b);
            if (stream == null) {
                stream = new EventStream(api.client(), code, b.lastEventId(), new EventStream.Listener() {
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
            if (again) {
                again = false;
                refresh();
            }
        }, e -> {
            loading = false;
            showError(e);
        });
    }

    private void show(Board b) {
        this.board = b;
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
        var t = b.today();
        todayLabel.setText(i18n.t("sup.today", t.issued(), t.served(), seconds(t.averageWaitSeconds()), seconds(t.averageServiceSeconds()),
                percent(t.noShowRate())));
        List<Target> targets = new ArrayList<>();
        b.services().forEach(s -> targets.add(new Target(s.id(), null, i18n.t("sup.toService", s.letter() + " " + name(s)))));
        b.counters().forEach(c -> targets.add(new Target(null, c.id(), i18n.t("sup.toCounter", c.number()))));
        Target keep = moveTarget.getValue();
        moveTarget.getItems().setAll(targets);
        if (keep != null) {
            targets.stream().filter(x -> x.label().equals(keep.label())).findFirst().ifPresent(moveTarget::setValue);
        }
        renderAlerts(b);
        charts.update(b, this::name);
    }

    /** A service whose longest wait passes its threshold turns red and, the first time, raises the banner. */
    private void renderAlerts(Board b) {
        List<Board.ServiceLine> over = b.services().stream().filter(Board.ServiceLine::overThreshold).toList();
        boolean fresh = over.stream().anyMatch(s -> !alerted.contains(s.id()));
        alerted.retainAll(over.stream().map(Board.ServiceLine::id).collect(Collectors.toSet()));
        over.forEach(s -> alerted.add(s.id()));
        if (over.isEmpty()) {
            alertBanner.setVisible(false);
            alertBanner.setManaged(false);
            return;
        }
        alertBanner.setText(over.stream().map(s -> i18n.t("sup.alert", s.letter() + " " + name(s),
                seconds(s.longestWaitSeconds()), s.maxWaitMinutes())).collect(Collectors.joining("   ")));
        alertBanner.setVisible(true);
        alertBanner.setManaged(true);
        if (fresh) {
            java.awt.Toolkit.getDefaultToolkit().beep();
        }
    }

    private void setUpTables() {
        counterTable.getColumns().setAll(List.of(
                Tables.column(i18n.t("sup.col.counter"), (Counter c) -> String.valueOf(c.number())),
                Tables.column(i18n.t("sup.col.status"), (Counter c) -> i18n.t("counter.status." + c.status().name())),
                Tables.column(i18n.t("sup.col.clerk"), (Counter c) -> c.clerk() == null ? "—" : c.clerk().displayName()),
                Tables.column(i18n.t("sup.col.ticket"), (Counter c) -> c.currentTicket() == null ? "—" : c.currentTicket().number()),
                Tables.column(i18n.t("sup.col.since"), this::since),
                Tables.column(i18n.t("sup.col.services"), (Counter c) -> c.serviceIds().stream().map(this::letter)
                        .collect(Collectors.joining(" › ")))));
        counterTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!refreshing) {
                showCounterServices(now);
            }
        });
        serviceTable.getColumns().setAll(List.of(
                Tables.column(i18n.t("sup.col.service"), (Board.ServiceLine s) -> s.letter() + " " + name(s)),
                Tables.column(i18n.t("sup.col.waiting"), (Board.ServiceLine s) -> String.valueOf(s.waiting())),
                Tables.column(i18n.t("sup.col.longest"), (Board.ServiceLine s) -> seconds(s.longestWaitSeconds())),
                Tables.column(i18n.t("sup.col.estimate"), (Board.ServiceLine s) -> seconds((long) s.estimatedWaitSeconds())),
                Tables.column(i18n.t("sup.col.served"), (Board.ServiceLine s) -> String.valueOf(s.served())),
                Tables.column(i18n.t("sup.col.avgWait"), (Board.ServiceLine s) -> seconds(s.averageWaitSeconds())),
                Tables.column(i18n.t("sup.col.avgService"), (Board.ServiceLine s) -> seconds(s.averageServiceSeconds())),
                Tables.column(i18n.t("sup.col.noShow"), (Board.ServiceLine s) -> percent(s.noShowRate())),
                Tables.column(i18n.t("sup.col.threshold"), (Board.ServiceLine s) -> s.maxWaitMinutes() + " min")));
        serviceTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Board.ServiceLine item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("over-threshold");
                if (!empty && item != null && item.overThreshold()) {
                    getStyleClass().add("over-threshold");
                }
            }
        });
        waitingTable.getColumns().setAll(List.of(
                Tables.column(i18n.t("sup.col.number"), Ticket::number),
                Tables.column(i18n.t("sup.col.service"), (Ticket t) -> letter(t.serviceId())),
                Tables.column(i18n.t("sup.col.issued"), (Ticket t) -> I18n.duration(Duration.between(t.issuedAt(), Instant.now()))),
                Tables.column(i18n.t("sup.col.note"), (Ticket t) -> t.priority() ? i18n.t("queue.note.priority")
                        : t.targetCounterId() != null ? i18n.t("queue.note.transferred") : "")));
        for (TableView<?> t : List.of(counterTable, serviceTable, waitingTable)) {
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }
        counterServices.setCellFactory(javafx.scene.control.cell.CheckBoxListCell.forListView(
                item -> chosen.computeIfAbsent(item.id(), id -> new javafx.beans.property.SimpleBooleanProperty()),
                new javafx.util.StringConverter<>() {
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
    private final Map<Long, javafx.beans.property.BooleanProperty> chosen = new java.util.HashMap<>();

    private void showCounterServices(Counter c) {
        editingCounterId = c == null ? null : c.id();
        chosen.values().forEach(p -> p.set(false));
        if (c == null || board == null) {
            counterServices.getItems().clear();
            return;
        }
        board.services().forEach(s -> chosen.computeIfAbsent(s.id(), id -> new javafx.beans.property.SimpleBooleanProperty())
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
            message(i18n.t("sup.select.counter"));
            return;
        }
        bg.run(() -> api.counterAction(c.id(), action), done -> done(), this::showError);
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
            message(i18n.t("sup.select.counter"));
            return;
        }
        List<Long> ids = counterServices.getItems().stream().map(Board.ServiceLine::id)
                .filter(id -> chosen.containsKey(id) && chosen.get(id).get()).toList();
        if (ids.isEmpty()) {
            message(i18n.t("sup.select.services"));
            return;
        }
        bg.run(() -> api.setServices(c.id(), ids), done -> {
            editingCounterId = null; // saved: show the counter as the server now has it
            done();
        }, this::showError);
    }

    @FXML
    private void onMove() {
        Ticket t = waitingTable.getSelectionModel().getSelectedItem();
        Target target = moveTarget.getValue();
        if (t == null || target == null) {
            message(i18n.t(t == null ? "sup.select.ticket" : "sup.select.target"));
            return;
        }
        bg.run(() -> api.transfer(t.id(), target.serviceId(), target.counterId()), done -> done(), this::showError);
    }

    @FXML
    private void onPriority() {
        Ticket t = waitingTable.getSelectionModel().getSelectedItem();
        if (t == null) {
            message(i18n.t("sup.select.ticket"));
            return;
        }
        bg.run(() -> api.priority(t.id(), !t.priority()), done -> done(), this::showError);
    }

    @FXML
    private void onCancel() {
        Ticket t = waitingTable.getSelectionModel().getSelectedItem();
        if (t == null) {
            message(i18n.t("sup.select.ticket"));
            return;
        }
        bg.run(() -> api.cancel(t.id()), done -> done(), this::showError);
    }

    /** An action went through: the event will refresh the board; say so meanwhile. */
    private void done() {
        message(null);
        refresh();
    }

    @FXML
    private void onLogout() {
        dispose();
        ApiClient client = api.client();
        bg.fireAndForget(() -> {
            client.logout();
            return null;
        });
        app.showLogin(user.username());
    }

    public void dispose() {
        disposed = true;
        if (stream != null) {
            stream.close();
            stream = null;
        }
        if (ticker != null) {
            ticker.stop();
        }
        coalesce.stop();
    }

    private void showError(ApiException e) {
        message(e.unreachable() ? i18n.t("action.unreachable") : e.getMessage());
    }

    private void message(String text) {
        InlineMessage.show(actionMessage, text);
    }

    private String since(Counter c) {
        Ticket t = c.currentTicket();
        if (t == null) {
            return "";
        }
        Instant from = t.startedAt() != null ? t.startedAt() : t.calledAt();
        return from == null ? "" : I18n.duration(Duration.between(from, Instant.now()));
    }

    private String letter(long serviceId) {
        if (board == null) {
            return "?";
        }
        return board.services().stream().filter(s -> s.id() == serviceId).map(Board.ServiceLine::letter).findFirst().orElse("?");
    }

    String name(Board.ServiceLine s) {
        return "en".equals(i18n.lang()) ? s.nameEn() : s.name();
    }

    private static String seconds(Long s) {
        return s == null ? "—" : I18n.duration(Duration.ofSeconds(s));
    }

    private static String percent(double rate) {
        return Math.round(rate * 1000) / 10.0 + " %";
    }
}
