package al.sportel.desktop.login;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.app.Background;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Session;
import al.sportel.desktop.app.AppContext;
import al.sportel.model.Branch;
import al.sportel.model.Counter;
import al.sportel.model.CounterStatus;
import al.sportel.model.LoginResponse;
import al.sportel.model.Role;
import al.sportel.model.ServiceInfo;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import al.sportel.desktop.app.InlineMessage;
import javafx.application.Platform;
import javafx.util.StringConverter;

/** Step 1: server, username, password, language. Step 2: pick a counter of the branch and open it. */
public final class LoginController {

    @FXML private Button consoleButton;

    @FXML private TextField serverField;
    @FXML private Label serverStatus;
    @FXML private TextField loginUsername;
    @FXML private PasswordField loginPassword;
    @FXML private ChoiceBox<String> languageChoice;
    @FXML private Label loginError;
    @FXML private Button loginButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private VBox credentialsPane;
    @FXML private VBox counterPane;
    @FXML private Label welcomeLabel;
    @FXML private ComboBox<Counter> counterChoice;
    @FXML private Button openCounterButton;
    @FXML private Label counterError;

    private AppContext app;
    private I18n i18n;
    private Background bg;
    private ApiClient api;
    private LoginResponse login;
    /** The centre whose counters are offered; null for an admin of a company with no centre yet. */
    private String branch;
    private final PauseTransition healthDelay = new PauseTransition(Duration.millis(400));

    public void init(AppContext app, String username) {
        this.app = app;
        this.i18n = app.i18n();
        this.bg = app.background();
        busyIndicator.visibleProperty().bind(bg.busy());
        loginButton.disableProperty().bind(bg.busy());
        openCounterButton.disableProperty().bind(bg.busy().or(counterChoice.valueProperty().isNull()));
        serverField.setText(app.config().serverUrl() != null ? app.config().serverUrl()
                : app.settings().get("server", "http://127.0.0.1:8080"));
        if (username != null) {
            loginUsername.setText(username);
        }
        languageChoice.getItems().setAll("sq", "en");
        languageChoice.setValue(i18n.lang());
        languageChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : code.equals("en") ? "English" : "Shqip";
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        languageChoice.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(i18n.lang())) {
                app.navigator().changeLanguage(now, loginUsername.getText());
            }
        });
        healthDelay.setOnFinished(e -> checkServer());
        serverField.textProperty().addListener((o, was, now) -> healthDelay.playFromStart());
        counterChoice.setCellFactory(l -> new CounterCell());
        counterChoice.setButtonCell(new CounterCell());
        showError(loginError, null);
        showError(counterError, null);
        // after the window is up: the check's HTTP client would otherwise load beside the window's first
        // styling and layout, on the same few processor cores
        Platform.runLater(this::checkServer);
        Platform.runLater(() -> (loginUsername.getText().isEmpty() ? loginUsername : loginPassword).requestFocus());
    }

    /** Why the clerk is back here without having logged out: the server ended her session. */
    public void sessionEnded() {
        showError(loginError, i18n.t("login.sessionEnded"));
    }

    /** Shows whether the server answers before the clerk types a password. */
    private void checkServer() {
        String url = serverField.getText().trim();
        serverStatus.setText(i18n.t("login.server.checking"));
        serverStatus.getStyleClass().setAll("label", "server-status");
        // the client is made in the task: its first one loads OkHttp (and for an https server the TLS
        // trust store), which would otherwise hold the login window back
        bg.run(() -> new ApiClient(url).healthy(), up -> {
            if (!url.equals(serverField.getText().trim())) {
                return; // the field changed meanwhile; another check follows
            }
            serverStatus.setText(i18n.t(up ? "login.server.up" : "login.server.down"));
            serverStatus.getStyleClass().setAll("label", "server-status", up ? "ok" : "bad");
        }, e -> serverStatus.setText(i18n.t("login.server.down")));
    }

    @FXML
    private void onLogin() {
        String user = loginUsername.getText().trim();
        String password = loginPassword.getText();
        if (user.isEmpty() || password.isEmpty()) {
            showError(loginError, i18n.t("login.error.empty"));
            return;
        }
        showError(loginError, null);
        String url = serverField.getText().trim();
        bg.run(() -> {
            ApiClient client = new ApiClient(url); // in the task: for an https server it reads the trust store
            LoginResponse r = client.login(user, password);
            String home = r.user().role() == Role.KIOSK ? null : branchOf(client, r);
            List<Counter> counters = home == null ? List.of() : client.counters(home);
            return new Object[] {r, counters, client, home};
        }, result -> {
            api = (ApiClient) result[2];
            login = (LoginResponse) result[0];
            branch = (String) result[3];
            @SuppressWarnings("unchecked")
            List<Counter> counters = (List<Counter>) result[1];
            boolean admin = login.user().role() == Role.ADMIN;
            if (login.user().role() == Role.KIOSK || !admin && branch == null) {
                showError(loginError, i18n.t("login.error.role"));
                return;
            }
            app.settings().put("server", url);
            bg.fireAndForget(() -> {
                app.settings().save();
                return null;
            });
            showCounters(counters);
        }, e -> showError(loginError, loginMessage(e)));
    }

    /**
     * The user's own centre. An admin belongs to none: the centre whose counter she last opened, else the first
     * one; none at all on a new install, whose first admin must still reach the console to create them.
     */
    private String branchOf(ApiClient client, LoginResponse r) throws ApiException {
        if (r.user().branchCode() != null || r.user().role() != Role.ADMIN) {
            return r.user().branchCode();
        }
        List<String> codes = client.branches().stream().map(Branch::code).toList();
        String last = app.settings().get("branch." + r.user().username(), null);
        return codes.contains(last) ? last : codes.stream().findFirst().orElse(null);
    }

    private String loginMessage(ApiException e) {
        if (e.unreachable()) {
            return i18n.t("login.error.unreachable", serverField.getText().trim());
        }
        return switch (e.status()) {
            case 401 -> i18n.t("login.error.credentials");
            case 429 -> i18n.t("login.error.locked", Math.max(1, (e.retryAfterSeconds() + 59) / 60));
            case 422, 400 -> i18n.t("login.error.empty");
            default -> AppContext.describe(i18n, e);
        };
    }

    private void showCounters(List<Counter> counters) {
        credentialsPane.setVisible(false);
        credentialsPane.setManaged(false);
        counterPane.setVisible(true);
        counterPane.setManaged(true);
        welcomeLabel.setText(i18n.t("login.welcome", login.user().displayName()));
        if (counterChoice.getParent() == null) {
            counterPane.getChildren().add(counterPane.getChildren().indexOf(counterError), counterChoice);
        }
        counterChoice.getItems().setAll(counters);
        boolean supervises = login.user().role() == Role.SUPERVISOR || login.user().role() == Role.ADMIN;
        consoleButton.setVisible(supervises);
        consoleButton.setManaged(supervises);
        String last = app.settings().get("counter." + login.user().username(), null);
        counterChoice.getItems().stream()
                .filter(c -> last != null && Integer.toString(c.number()).equals(last))
                .findFirst()
                .or(() -> counterChoice.getItems().stream()
                        .filter(c -> c.clerk() != null && c.clerk().id() == login.user().id()).findFirst())
                .or(() -> counterChoice.getItems().stream().filter(c -> c.status() == CounterStatus.CLOSED).findFirst())
                .ifPresent(counterChoice::setValue);
        if (counters.isEmpty()) {
            // an admin of a new install: no centre or no counter yet, the console creates them
            showError(counterError, i18n.t("login.noCounters"));
            consoleButton.requestFocus();
        } else {
            counterChoice.requestFocus();
        }
    }

    @FXML
    private void onConsole() {
        // Building the console takes a moment: say so at once, then build it after this frame is drawn,
        // so the first click visibly does something.
        consoleButton.setDisable(true);
        consoleButton.setText(i18n.t("login.console.loading"));
        busyIndicator.visibleProperty().unbind();
        busyIndicator.setVisible(true);
        PauseTransition paint = new PauseTransition(Duration.millis(60));
        paint.setOnFinished(e -> app.navigator().showSupervisor(api, login.user()));
        paint.play();
    }

    @FXML
    private void onOpenCounter() {
        Counter chosen = counterChoice.getValue();
        if (chosen == null) {
            return;
        }
        showError(counterError, null);
        String at = branch;
        bg.run(() -> {
            Counter opened = api.counterAction(chosen.id(), "open");
            List<ServiceInfo> services = api.services(at);
            List<Counter> all = api.counters(at);
            return new Session(api, login.user(), at, opened, services, all);
        }, session -> {
            app.settings().put("counter." + login.user().username(), Integer.toString(chosen.number()));
            app.settings().put("branch." + login.user().username(), at);
            bg.fireAndForget(() -> {
                app.settings().save();
                return null;
            });
            app.navigator().showCounter(session);
        }, e -> showError(counterError, e.unreachable() ? i18n.t("login.error.unreachable", api.baseUrl()) : AppContext.describe(i18n, e)));
    }

    @FXML
    private void onBack() {
        if (api != null) {
            ApiClient old = api;
            bg.fireAndForget(() -> {
                old.logout();
                return null;
            });
        }
        app.navigator().showLogin(loginUsername.getText());
    }

    private static void showError(Label label, String text) {
        InlineMessage.show(label, text);
    }

    private final class CounterCell extends ListCell<Counter> {
        @Override
        protected void updateItem(Counter c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setText(null);
                return;
            }
            String who = c.clerk() == null ? i18n.t("counter.free") : c.clerk().displayName();
            setText(i18n.t("counter.choice", c.number(), c.name(), i18n.t("counter.status." + c.status().name()), who));
        }
    }
}
