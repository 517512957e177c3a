package al.sportel.desktop.queue;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.EventStream;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.Background;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Session;
import al.sportel.desktop.app.Tables;
import al.sportel.desktop.billing.PaymentController;
import al.sportel.desktop.complaints.CasePanelController;
import al.sportel.desktop.offline.CounterLink;
import al.sportel.model.CounterStatus;
import al.sportel.model.LiveEvent;
import al.sportel.model.QueueSnapshot;
import al.sportel.model.Ticket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;

/**
 * The counter screen's view: binds the controls to {@link CounterViewModel}, runs the live stream
 * and the keyboard shortcuts, and hosts the payment and complaint panels.
 * It is over 300 lines because the counter screen has many controls (the ticket, eleven actions, the
 * queue, the banners and the status bar) and each binding is one line; the logic is in the view-model.
 */
public final class CounterController {

    @FXML private Label counterTitle;
    @FXML private Label counterStatusLabel;
    @FXML private Button pauseButton;
    @FXML private Button closeCounterButton;
    @FXML private Button logoutButton;
    @FXML private Label connectionBanner;
    @FXML private Button attentionButton;
    @FXML private Label currentTicketNumber;
    @FXML private Label currentService;
    @FXML private Label priorityMark;
    @FXML private Label currentWaited;
    @FXML private Label currentStatus;
    @FXML private Button callNextButton;
    @FXML private Button recallButton;
    @FXML private Button startButton;
    @FXML private Button finishButton;
    @FXML private Button noShowButton;
    @FXML private Button finishAndNextButton;
    @FXML private Button noShowAndNextButton;
    @FXML private Button returnButton;
    @FXML private Button transferButton;
    @FXML private Button reactivateButton;
    @FXML private Button callOutOfOrderButton;
    @FXML private Label actionMessage;
    @FXML private Label waitingCount;
    @FXML private Label longestWait;
    @FXML private Label serviceCounts;
    @FXML private TableView<Ticket> queueTable;
    @FXML private StatusBar statusBar;
    @FXML private Label connectionStatus;
    @FXML private Label statusClerk;
    @FXML private Label statusCounter;
    @FXML private Label statusPending;
    @FXML private Label statusServed;
    @FXML private Label statusAverage;
    @FXML private TabPane sideTabs;
    @FXML private Tab queueTab;
    @FXML private Tab paymentTab;
    @FXML private PaymentController paymentPanelController;
    @FXML private Tab caseTab;
    @FXML private CasePanelController casePanelController;

    private AppContext app;
    private I18n i18n;
    private Session session;
    private CounterViewModel vm;
    private CounterLink link;
    private LinkBanner banner;
    private EventStream stream;
    private Timeline clock;
    /** The scene holding this screen's function keys, cleared when it is left. */
    private Scene keyboard;

    public void init(AppContext app, Session session) {
        this.app = app;
        this.i18n = app.i18n();
        this.session = session;
        ApiClient api = session.api();
        String branch = session.branchCode();
        this.link = new CounterLink(api, app.local().cache(), app.local().outbox(), app.config().linkTimings().outbox());
        this.vm = new CounterViewModel(new ApiCounterDesk(api, link, branch), app.background(), i18n, Clock.systemUTC(),
                session.counter(), session.services(), link.up());
        vm.onExit(this::leave);
        this.banner = new LinkBanner(i18n, link, connectionBanner, attentionButton, connectionStatus, statusPending);

        counterTitle.setText(i18n.t("counter.title", session.counter().number()));
        statusClerk.setText(i18n.t("status.clerk", session.user().displayName()));
        statusCounter.setText(i18n.t("status.counter", session.counter().number()));
        statusBar.setText("");
        statusBar.progressProperty().bind(Bindings.when(app.background().busy()).then(-1.0).otherwise(0.0));
        bindView();
        Supplier<String> ticketId = () -> vm.current().get() == null ? null : vm.current().get().id();
        paymentPanelController.init(app, session, link, ticketId);
        casePanelController.init(app, session, link, ticketId, paymentPanelController::customer);
        // Shift with finish's and no-show's keys: the same ending, and the next ticket called with it.
        keyboard = currentTicketNumber.getScene();
        Shortcuts.install(keyboard, Map.ofEntries(
                Map.entry(new KeyCodeCombination(KeyCode.F5), callNextButton),
                Map.entry(new KeyCodeCombination(KeyCode.F6), recallButton),
                Map.entry(new KeyCodeCombination(KeyCode.F7), startButton),
                Map.entry(new KeyCodeCombination(KeyCode.F8), finishButton),
                Map.entry(new KeyCodeCombination(KeyCode.F9), noShowButton),
                Map.entry(new KeyCodeCombination(KeyCode.F8, KeyCombination.SHIFT_DOWN), finishAndNextButton),
                Map.entry(new KeyCodeCombination(KeyCode.F9, KeyCombination.SHIFT_DOWN), noShowAndNextButton),
                Map.entry(new KeyCodeCombination(KeyCode.F10), returnButton),
                Map.entry(new KeyCodeCombination(KeyCode.F11), transferButton),
                Map.entry(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), pauseButton),
                Map.entry(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), logoutButton),
                Map.entry(new KeyCodeCombination(KeyCode.F12), paymentPanelController.payButton())));
        Shortcuts.tab(currentTicketNumber.getScene(), KeyCode.F2, () -> sideTabs.getSelectionModel().select(queueTab));
        Shortcuts.tab(currentTicketNumber.getScene(), KeyCode.F3, () -> {
            sideTabs.getSelectionModel().select(paymentTab);
            paymentPanelController.focus();
        });
        Shortcuts.tab(currentTicketNumber.getScene(), KeyCode.F4, () -> {
            sideTabs.getSelectionModel().select(caseTab);
            casePanelController.prefill();
        });

        new ReferenceData(api, link.cache(), branch).keep(app.background(), session);
        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            vm.tick();
            queueTable.refresh();
        }));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
        vm.start(this::connect);
        vm.refreshStats();
    }

    private void bindView() {
        queueTable.getColumns().setAll(List.of(
                Tables.column(i18n.t("queue.col.number"), Ticket::number),
                Tables.column(i18n.t("queue.col.service"), t -> vm.services().name(t.serviceId())),
                Tables.column(i18n.t("queue.col.waited"), t -> I18n.between(t.issuedAt(), vm.now())),
                Tables.column(i18n.t("queue.col.note"), t -> t.targetCounterId() != null ? i18n.t("queue.note.transferred")
                        : t.priority() ? i18n.t("queue.note.priority") : "")));
        queueTable.setItems(vm.queue());
        queueTable.setRowFactory(t -> new TableRow<>() {
            {
                setContextMenu(outOfOrderMenu(this));
            }

            @Override
            protected void updateItem(Ticket item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("priority-row");
                if (!empty && item != null && item.priority()) {
                    getStyleClass().add("priority-row");
                }
            }
        });
        // the queue actions: each button runs one view-model command (their keys fire the same buttons)
        callNextButton.setOnAction(e -> vm.callNext());
        recallButton.setOnAction(e -> vm.ticketAction("recall"));
        startButton.setOnAction(e -> vm.ticketAction("start"));
        finishButton.setOnAction(e -> vm.finish());
        noShowButton.setOnAction(e -> vm.ticketAction("no-show"));
        finishAndNextButton.setOnAction(e -> vm.endAndCallNext().finishAndNext());
        noShowAndNextButton.setOnAction(e -> vm.endAndCallNext().noShowAndNext());
        returnButton.setOnAction(e -> vm.ticketAction("return"));
        reactivateButton.setOnAction(e -> vm.comeback().reactivate());
        callNextButton.disableProperty().bind(vm.canCallNext().not());
        for (Button b : List.of(recallButton, startButton, noShowButton, returnButton)) {
            b.disableProperty().bind(vm.canActOnCalled().not());
        }
        finishButton.disableProperty().bind(vm.canActOnCurrent().not());
        finishAndNextButton.disableProperty().bind(vm.endAndCallNext().canFinishAndNext().not());
        noShowAndNextButton.disableProperty().bind(vm.endAndCallNext().canNoShowAndNext().not());
        reactivateButton.disableProperty().bind(vm.comeback().canReactivate().not());
        // Only when call-next could call: the counter is open and free.
        callOutOfOrderButton.disableProperty().bind(vm.canCallNext().not()
                .or(queueTable.getSelectionModel().selectedItemProperty().isNull()));
        reactivateButton.textProperty().bind(Bindings.createStringBinding(() -> vm.comeback().ticket().get() == null
                ? i18n.t("action.reactivate") : i18n.t("action.reactivateTicket", vm.comeback().ticket().get().number()),
                vm.comeback().ticket()));
        transferButton.disableProperty().bind(vm.canActOnCurrent().not());
        pauseButton.disableProperty().bind(vm.status().canPause().not());
        closeCounterButton.disableProperty().bind(vm.status().canClose().not());
        logoutButton.disableProperty().bind(app.background().busy());

        currentTicketNumber.textProperty().bind(Bindings.createStringBinding(() -> vm.current().get() == null
                ? i18n.t("counter.none") : vm.current().get().number(), vm.current()));
        currentService.textProperty().bind(Bindings.createStringBinding(() -> vm.current().get() == null
                ? "" : vm.services().name(vm.current().get().serviceId()), vm.current()));
        priorityMark.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.current().get() != null && vm.current().get().priority(), vm.current()));
        currentStatus.textProperty().bind(Bindings.createStringBinding(() -> vm.current().get() == null
                ? "" : i18n.t("ticket.status." + vm.current().get().status().name()), vm.current()));
        currentWaited.textProperty().bind(vm.waitedText());
        longestWait.textProperty().bind(vm.longestText());
        waitingCount.textProperty().bind(vm.waitingText());
        serviceCounts.textProperty().bind(vm.serviceCounts());
        statusServed.textProperty().bind(vm.servedText());
        statusAverage.textProperty().bind(vm.averageText());
        actionMessage.textProperty().bind(Bindings.createStringBinding(() -> vm.message().get() == null ? "" : vm.message().get(),
                vm.message()));
        actionMessage.visibleProperty().bind(vm.message().isNotNull());
        actionMessage.managedProperty().bind(vm.message().isNotNull());
        counterStatusLabel.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.t("counter.status." + vm.status().value().get().name()), vm.status().value()));
        pauseButton.textProperty().bind(Bindings.createStringBinding(() -> i18n.t(
                vm.status().value().get() == CounterStatus.OPEN ? "counter.pause" : "counter.resume"), vm.status().value()));
    }

    /** The live stream starts after the first snapshot and resumes from each later one. */
    private void connect(QueueSnapshot snapshot) {
        if (stream != null) {
            stream.resumeFrom(snapshot.lastEventId());
            return;
        }
        String branch = session.branchCode();
        stream = new EventStream(session.api(), branch, snapshot.lastEventId(), app.config().linkTimings().liveStream(), new EventStream.Listener() {
            @Override
            public void onEvent(long id, LiveEvent event) {
                Background.fx(() -> vm.apply(id, event));
            }

            @Override
            public void onConnected(boolean connected) {
                link.streamConnected(connected);
                Background.fx(() -> {
                    if (banner.streamChanged(connected)) {
                        vm.reload(s -> { }); // back after an outage: resynchronise
                    }
                });
            }

            @Override
            public void onSessionEnded() {
                // Payments still in the outbox stay there and go after the next login (OutboxSender).
                Background.fx(() -> app.navigator().showLoginAfterSessionEnded(session.user().username()));
            }
        });
        stream.start();
    }

    // --- one-line handlers ---

    @FXML
    private void onCallOutOfOrder() {
        callOutOfOrder(queueTable.getSelectionModel().getSelectedItem());
    }

    /** A row's menu, beside the button under the list: call that ticket now, with a reason. */
    private ContextMenu outOfOrderMenu(TableRow<Ticket> row) {
        MenuItem call = new MenuItem(i18n.t("outOfOrder.menu"));
        call.disableProperty().bind(vm.canCallNext().not());
        call.setOnAction(e -> callOutOfOrder(row.getItem()));
        return new ContextMenu(call);
    }

    private void callOutOfOrder(Ticket t) {
        if (t != null) {
            vm.loadOutOfOrderReasons(reasons -> OutOfOrderDialog.ask(app.dialogs(), queueTable.getScene().getWindow(), i18n, t,
                    reasons).ifPresent(reason -> vm.callOutOfOrder(t, reason)));
        }
    }

    @FXML
    private void onTransfer() {
        Ticket t = vm.current().get();
        if (t != null) {
            TransferDialog.ask(app.dialogs(), currentTicketNumber.getScene().getWindow(), i18n, t, vm.services().all(),
                    vm.counters(), session.counter().id()).ifPresent(to -> vm.transfer(to.serviceId(), to.counterId()));
        }
    }

    @FXML
    private void onPauseOrResume() {
        vm.status().pauseOrResume();
    }

    @FXML
    private void onCloseCounter() {
        vm.status().close();
    }

    @FXML
    private void onLogout() {
        int unsent = link.pending().get();
        // Her payments are sent only while she is logged in here: said before she goes, not found out tomorrow.
        if (unsent > 0 && !app.dialogs().confirm(logoutButton.getScene().getWindow(), "logoutUnsent", i18n.t("logout.unsent.title"),
                i18n.t("logout.unsent.header", unsent), i18n.t("logout.unsent.body"))) {
            return;
        }
        vm.status().logout();
    }

    @FXML
    private void onAttention() {
        AttentionDialog.show(connectionBanner.getScene().getWindow(), app, link);
    }

    private void leave() {
        ApiClient old = session.api();
        app.background().fireAndForget(() -> {
            old.logout();
            return null;
        });
        app.navigator().showLogin(session.user().username());
    }

    /** Stops the stream and the clock when the screen is left or the window closes. */
    public void dispose() {
        if (keyboard != null) {
            // the scene outlives this screen: its keys must not press this counter's buttons from the login
            keyboard.getAccelerators().clear();
        }
        if (clock != null) {
            clock.stop();
        }
        if (stream != null) {
            stream.close();
        }
        if (link != null) {
            link.close();
        }
    }
}
