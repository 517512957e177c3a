package al.sportel.desktop.queue;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.api.EventStream;
import al.sportel.desktop.app.Background;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Session;
import al.sportel.desktop.app.SportelApp;
import al.sportel.model.Counter;
import al.sportel.model.CounterStatus;
import al.sportel.model.LiveEvent;
import al.sportel.model.ServiceInfo;
import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The counter screen: the current ticket, the actions on it, and this counter's queue, live. */
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
    @FXML private Button returnButton;
    @FXML private Button transferButton;
    @FXML private Label actionMessage;
    @FXML private Label waitingCount;
    @FXML private Label longestWait;
    @FXML private Label serviceCounts;
    @FXML private TableView<Ticket> queueTable;
    @FXML private Label connectionStatus;
    @FXML private Label statusClerk;
    @FXML private Label statusCounter;
    @FXML private Label statusServed;
    @FXML private Label statusAverage;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private javafx.scene.control.TabPane sideTabs;
    @FXML private javafx.scene.control.Tab queueTab;
    @FXML private javafx.scene.control.Tab paymentTab;
    @FXML private al.sportel.desktop.billing.PaymentController paymentPanelController;
    @FXML private javafx.scene.control.Tab caseTab;
    @FXML private al.sportel.desktop.complaints.CasePanelController casePanelController;

    private SportelApp app;
    private I18n i18n;
    private Background bg;
    private ApiClient api;
    private Session session;
    private QueueModel model;
    private EventStream stream;
    private al.sportel.desktop.offline.CounterLink link;
    private boolean streamUp = true;
    private Map<Long, ServiceInfo> services;
    private final SimpleObjectProperty<Ticket> current = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<CounterStatus> counterStatus = new SimpleObjectProperty<>(CounterStatus.OPEN);
    private final ObservableList<Ticket> queue = FXCollections.observableArrayList();
    private Timeline clock;
    private boolean reloading;

    public void init(SportelApp app, Session session) {
        this.app = app;
        this.i18n = app.i18n();
        this.bg = app.background();
        this.api = session.api();
        this.session = session;
        this.services = session.services().stream().collect(Collectors.toMap(ServiceInfo::id, s -> s, (a, b) -> a, LinkedHashMap::new));
        this.model = new QueueModel(session.counter().id(), session.counter().serviceIds());
        this.link = new al.sportel.desktop.offline.CounterLink(api, app.local().cache(), app.local().outbox(),
                al.sportel.desktop.offline.Backoff.standard());
        link.up().addListener((o, was, now) -> renderLink());
        link.pending().addListener((o, was, now) -> renderLink());
        link.needAttention().addListener((o, was, now) -> renderLink());

        counterTitle.setText(i18n.t("counter.title", session.counter().number()));
        statusClerk.setText(i18n.t("status.clerk", session.user().displayName()));
        statusCounter.setText(i18n.t("status.counter", session.counter().number()));
        busyIndicator.visibleProperty().bind(bg.busy());
        setUpTable();
        setUpButtons();
        paymentPanelController.init(app, session, link, () -> current.get() == null ? null : current.get().id());
        casePanelController.init(app, session, link, () -> current.get() == null ? null : current.get().id(),
                paymentPanelController::customer);
        setUpShortcuts(currentTicketNumber.getScene());
        counterStatus.set(session.counter().status());
        renderCounterStatus();
        setConnected(true);
        render();

        keepReferenceData(session);
        clock = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> renderTimes()));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
        reload(true);
        refreshStats();
    }

    private void setUpTable() {
        TableColumn<Ticket, String> number = new TableColumn<>(i18n.t("queue.col.number"));
        number.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().number()));
        TableColumn<Ticket, String> service = new TableColumn<>(i18n.t("queue.col.service"));
        service.setCellValueFactory(c -> new SimpleStringProperty(serviceName(c.getValue().serviceId())));
        TableColumn<Ticket, String> waited = new TableColumn<>(i18n.t("queue.col.waited"));
        waited.setCellValueFactory(c -> new SimpleStringProperty(I18n.duration(Duration.between(c.getValue().issuedAt(), Instant.now()))));
        TableColumn<Ticket, String> note = new TableColumn<>(i18n.t("queue.col.note"));
        note.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().targetCounterId() != null ? i18n.t("queue.note.transferred")
                : c.getValue().priority() ? i18n.t("queue.note.priority") : ""));
        queueTable.getColumns().setAll(List.of(number, service, waited, note));
        queueTable.setItems(queue);
        queueTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Ticket item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("priority-row");
                if (!empty && item != null && item.priority()) {
                    getStyleClass().add("priority-row");
                }
            }
        });
    }

    /** Which actions make sense depends on the current ticket; none while a request is in flight. */
    private void setUpButtons() {
        // Only the server can move the queue: without it these wait, and the banner says why.
        javafx.beans.binding.BooleanExpression busy = bg.busy().or(link.up().not());
        var none = current.isNull();
        var open = counterStatus.isEqualTo(CounterStatus.OPEN);
        var called = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> current.get() != null && current.get().status() == TicketStatus.CALLED, current);
        callNextButton.disableProperty().bind(busy.or(none.not()).or(open.not()));
        recallButton.disableProperty().bind(busy.or(called.not()));
        startButton.disableProperty().bind(busy.or(called.not()));
        noShowButton.disableProperty().bind(busy.or(called.not()));
        returnButton.disableProperty().bind(busy.or(called.not()));
        // Finish and Transfer on a CALLED ticket start it first: the clerk need not press Start.
        finishButton.disableProperty().bind(busy.or(none));
        transferButton.disableProperty().bind(busy.or(none));
        pauseButton.disableProperty().bind(busy);
        closeCounterButton.disableProperty().bind(busy.or(none.not()));
        logoutButton.disableProperty().bind(bg.busy());
    }

    private void setUpShortcuts(Scene scene) {
        Map<KeyCombination, Button> keys = Map.of(
                new KeyCodeCombination(KeyCode.F5), callNextButton,
                new KeyCodeCombination(KeyCode.F6), recallButton,
                new KeyCodeCombination(KeyCode.F7), startButton,
                new KeyCodeCombination(KeyCode.F8), finishButton,
                new KeyCodeCombination(KeyCode.F9), noShowButton,
                new KeyCodeCombination(KeyCode.F10), returnButton,
                new KeyCodeCombination(KeyCode.F11), transferButton,
                new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), pauseButton,
                new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), logoutButton,
                new KeyCodeCombination(KeyCode.F12), paymentPanelController.payButton());
        scene.getAccelerators().clear();
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F2), () -> sideTabs.getSelectionModel().select(queueTab));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F4), () -> {
            sideTabs.getSelectionModel().select(caseTab);
            casePanelController.prefill();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F3), () -> {
            sideTabs.getSelectionModel().select(paymentTab);
            paymentPanelController.focus();
        });
        keys.forEach((combo, button) -> scene.getAccelerators().put(combo, () -> {
            if (!button.isDisabled()) {
                button.fire();
            }
        }));
    }

    // --- actions ---

    @FXML
    private void onCallNext() {
        long counterId = session.counter().id();
        act(() -> api.callNext(counterId), called -> {
            if (called.isEmpty()) {
                showMessage(i18n.t("action.nothingWaiting"));
            } else {
                model.put(called.get());
            }
        });
    }

    @FXML
    private void onRecall() {
        ticketAction("recall");
    }

    @FXML
    private void onStart() {
        ticketAction("start");
    }

    @FXML
    private void onFinish() {
        Ticket t = current.get();
        if (t == null) {
            return;
        }
        act(() -> {
            if (t.status() == TicketStatus.CALLED) {
                api.ticketAction(t.id(), "start");
            }
            return api.ticketAction(t.id(), "finish");
        }, done -> {
            model.put(done);
            refreshStats();
        });
    }

    @FXML
    private void onNoShow() {
        ticketAction("no-show");
    }

    @FXML
    private void onReturn() {
        ticketAction("return");
    }

    @FXML
    private void onTransfer() {
        Ticket t = current.get();
        if (t == null) {
            return;
        }
        Optional<TransferDialog.Target> target = TransferDialog.ask(currentTicketNumber.getScene().getWindow(), i18n, t,
                List.copyOf(services.values()), session.counters(), session.counter().id());
        target.ifPresent(to -> act(() -> {
            if (t.status() == TicketStatus.CALLED) {
                api.ticketAction(t.id(), "start");
            }
            return api.transfer(t.id(), to.serviceId(), to.counterId());
        }, model::put));
    }

    @FXML
    private void onPauseOrResume() {
        String action = counterStatus.get() == CounterStatus.OPEN ? "pause" : "open";
        act(() -> api.counterAction(session.counter().id(), action), c -> {
            counterStatus.set(c.status());
            renderCounterStatus();
        });
    }

    @FXML
    private void onCloseCounter() {
        act(() -> api.counterAction(session.counter().id(), "close"), c -> leave());
    }

    @FXML
    private void onLogout() {
        act(() -> {
            if (current.get() == null && counterStatus.get() != CounterStatus.CLOSED) {
                api.counterAction(session.counter().id(), "close");
            }
            return null;
        }, x -> leave());
    }

    private void leave() {
        ApiClient old = api;
        bg.fireAndForget(() -> {
            old.logout();
            return null;
        });
        app.showLogin(session.user().username());
    }

    private void ticketAction(String action) {
        Ticket t = current.get();
        if (t != null) {
            act(() -> api.ticketAction(t.id(), action), updated -> {
                model.put(updated);
                if (updated.status().ended()) {
                    refreshStats();
                }
            });
        }
    }

    private <T> void act(Background.Job<T> job, java.util.function.Consumer<T> onDone) {
        showMessage(null);
        bg.run(job, result -> {
            onDone.accept(result);
            render();
        }, this::onError);
    }

    private void onError(ApiException e) {
        if (e.unreachable()) {
            showMessage(i18n.t("action.unreachable"));
            return;
        }
        showMessage(e.getMessage());
        if (e.status() == 409) {
            reload(false); // someone else changed it: show the truth
        }
        if (e.status() == 401) {
            app.showLogin(session.user().username());
        }
    }

    // --- live ---

    private void reload(boolean thenConnect) {
        if (reloading) {
            return;
        }
        reloading = true;
        String branch = session.user().branchCode() != null ? session.user().branchCode() : "TR01";
        bg.run(() -> queueOrLastKnown(branch), snapshot -> {
            reloading = false;
            model.load(snapshot);
            model.myCounter().ifPresent(c -> {
                counterStatus.set(c.status());
                renderCounterStatus();
            });
            if (stream == null && thenConnect) {
                stream = new EventStream(api, branch, snapshot.lastEventId(), new EventStream.Listener() {
                    @Override
                    public void onEvent(long id, LiveEvent event) {
                        Background.fx(() -> applyEvent(id, event));
                    }

                    @Override
                    public void onConnected(boolean connected) {
                        link.setUp(connected);
                        Background.fx(() -> {
                            boolean was = streamUp;
                            setConnected(connected);
                            if (connected && !was) {
                                reload(false); // back after an outage: resynchronise
                            }
                        });
                    }
                });
                stream.start();
            } else if (stream != null) {
                stream.resumeFrom(snapshot.lastEventId());
            }
            render();
        }, e -> {
            reloading = false;
            onError(e);
        });
    }

    /**
     * The server's queue, kept in the local file; without the server, the last one kept, so the clerk
     * still sees who was waiting (the banner says it is not live).
     */
    private al.sportel.model.QueueSnapshot queueOrLastKnown(String branch) throws Exception {
        try {
            al.sportel.model.QueueSnapshot s = api.queue(branch);
            link.cache().put("queue", branch, api.toJson(s));
            return s;
        } catch (al.sportel.desktop.api.ApiException e) {
            var cached = e.unreachable() ? link.cache().get("queue", branch) : java.util.Optional.<al.sportel.desktop.offline.LocalCache.Entry>empty();
            if (cached.isEmpty()) {
                throw e;
            }
            link.setUp(false);
            return api.fromJson(cached.get().json(), al.sportel.model.QueueSnapshot.class);
        }
    }

    private void applyEvent(long id, LiveEvent event) {
        if (!model.apply(id, event)) {
            reload(false);
            return;
        }
        model.myCounter().ifPresent(c -> {
            if (c.status() != counterStatus.get()) {
                counterStatus.set(c.status());
                renderCounterStatus();
            }
        });
        render();
    }

    private void setConnected(boolean connected) {
        streamUp = connected;
        connectionStatus.setText(i18n.t(connected ? "status.live" : "status.reconnecting"));
        connectionStatus.getStyleClass().setAll("label", connected ? "status-live" : "status-down");
        renderLink();
    }

    /** The banner: the link down and how many operations wait, or still sending after it came back. */
    private void renderLink() {
        int waiting = link.pending().get();
        boolean down = !link.up().get() || !streamUp;
        String text = down ? i18n.t("status.banner", waiting)
                : waiting > 0 ? i18n.t("status.sending", waiting) : null;
        connectionBanner.setText(text == null ? "" : text);
        connectionBanner.setVisible(text != null);
        connectionBanner.setManaged(text != null);
        int attention = link.needAttention().get();
        attentionButton.setText(i18n.t("outbox.attention.button", attention));
        attentionButton.setVisible(attention > 0);
        attentionButton.setManaged(attention > 0);
    }

    @FXML
    private void onAttention() {
        al.sportel.desktop.offline.AttentionDialog.show(connectionBanner.getScene().getWindow(), app, link);
    }

    /** The branch, its services and counters in the local file, for when the server is out of reach. */
    private void keepReferenceData(Session session) {
        String branch = session.user().branchCode() != null ? session.user().branchCode() : "TR01";
        var cache = link.cache();
        bg.fireAndForget(() -> {
            cache.put("services", branch, api.toJson(session.services()));
            cache.put("counters", branch, api.toJson(session.counters()));
            api.branches().stream().filter(b -> b.code().equals(branch)).findFirst()
                    .ifPresent(b -> {
                        try {
                            cache.put("branch", branch, api.toJson(b));
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
            return null;
        });
    }

    private void refreshStats() {
        long counterId = session.counter().id();
        bg.run(() -> api.stats(counterId), s -> {
            statusServed.setText(i18n.t("status.served", i18n.number(s.served())));
            statusAverage.setText(i18n.t("status.average", s.averageServiceSeconds() == null ? "—"
                    : I18n.duration(Duration.ofSeconds(s.averageServiceSeconds()))));
        }, e -> { });
    }

    // --- rendering ---

    private void render() {
        current.set(model.current().orElse(null));
        List<Ticket> mine = model.myQueue();
        queue.setAll(mine);
        waitingCount.setText(i18n.t("queue.waiting", i18n.number(mine.size())));
        Map<String, Long> perService = mine.stream().collect(Collectors.groupingBy(t -> serviceName(t.serviceId()),
                LinkedHashMap::new, Collectors.counting()));
        serviceCounts.setText(perService.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("   ")));
        Ticket t = current.get();
        currentTicketNumber.setText(t == null ? i18n.t("counter.none") : t.number());
        currentService.setText(t == null ? "" : serviceName(t.serviceId()));
        priorityMark.setVisible(t != null && t.priority());
        currentStatus.setText(t == null ? "" : i18n.t("ticket.status." + t.status().name()));
        renderTimes();
    }

    private void renderTimes() {
        Instant now = Instant.now();
        Ticket t = current.get();
        currentWaited.setText(t == null ? "" : i18n.t("counter.waited",
                I18n.duration(Duration.between(t.issuedAt(), t.calledAt() != null ? t.calledAt() : now))));
        longestWait.setText(queue.isEmpty() ? "" : i18n.t("queue.longest", I18n.duration(Duration.between(
                queue.stream().map(Ticket::issuedAt).min(Instant::compareTo).orElse(now), now))));
        queueTable.refresh();
    }

    private void renderCounterStatus() {
        CounterStatus s = counterStatus.get();
        counterStatusLabel.setText(i18n.t("counter.status." + s.name()));
        pauseButton.setText(i18n.t(s == CounterStatus.OPEN ? "counter.pause" : "counter.resume"));
    }

    private String serviceName(long serviceId) {
        ServiceInfo s = services.get(serviceId);
        if (s == null) {
            return "";
        }
        return s.letter() + " · " + ("en".equals(i18n.lang()) ? s.nameEn() : s.name());
    }

    private void showMessage(String text) {
        al.sportel.desktop.app.InlineMessage.show(actionMessage, text);
    }

    /** Stops the stream and the clock when the screen is left or the window closes. */
    public void dispose() {
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

    Counter counter() {
        return session.counter();
    }
}
