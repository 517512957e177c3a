package al.sportel.desktop.app;

import al.sportel.desktop.offline.LocalData;
import al.sportel.desktop.offline.LocalStore;
import al.sportel.desktop.offline.LocalStoreException;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import al.sportel.desktop.login.LoginController;
import al.sportel.desktop.queue.CounterController;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The window and the switch between its two screens: login and the counter. */
public final class SportelApp extends Application {

    private static DesktopConfig startConfig;

    private DesktopConfig config;
    private Settings settings;
    private Background background;
    private Stage stage;
    private I18n i18n;
    private Runnable onLeaveScreen = () -> { };
    private boolean launched;
    private LocalData local;
    private boolean closed;

    public static void launchWith(DesktopConfig config) {
        startConfig = config;
        Application.launch(SportelApp.class);
    }

    /** For tests: the app on an existing stage (TestFX's), with its own config. */
    public static SportelApp startOn(Stage stage, DesktopConfig config) {
        SportelApp app = new SportelApp();
        app.init(stage, config);
        return app;
    }

    @Override
    public void start(Stage primaryStage) {
        launched = true;
        init(primaryStage, startConfig);
        primaryStage.show();
    }

    private void init(Stage primaryStage, DesktopConfig cfg) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.config = cfg;
        this.settings = new Settings(cfg.dataDir());
        this.background = new Background();
        this.stage = primaryStage;
        String lang = cfg.lang() != null ? cfg.lang() : settings.get("lang", "sq");
        this.i18n = new I18n(lang);
        stage.setTitle("Sportel");
        stage.setMinWidth(1024);
        stage.setMinHeight(700);
        stage.setOnCloseRequest(e -> shutdown());
        showLogin(null);
        openLocalFile();
    }

    /**
     * Opens the local file before anyone can sign in (the background runs one job at a time, so a
     * login waits for it). Damaged: kept aside, the clerk told, a new file started. In use by another
     * Sportel on this computer: nothing touched, and this window only says so.
     */
    private void openLocalFile() {
        java.nio.file.Path dir = config.dataDir();
        background.run(() -> {
            try {
                return new Object[] {LocalData.of(LocalStore.open(dir)), null};
            } catch (LocalStoreException e) {
                if (e.kind() == LocalStoreException.Kind.LOCKED) {
                    return new Object[] {null, e};
                }
                return new Object[] {LocalData.of(LocalStore.open(dir)), e};
            }
        }, opened -> {
            if (closed) { // the window went away while the file was opening
                if (opened[0] != null) {
                    ((LocalData) opened[0]).store().close();
                }
                return;
            }
            local = (LocalData) opened[0];
            LocalStoreException problem = (LocalStoreException) opened[1];
            if (problem != null && problem.kind() == LocalStoreException.Kind.LOCKED) {
                showProblem(i18n.t("local.locked", problem.file()));
            } else if (problem != null) {
                Alert alert = new Alert(Alert.AlertType.WARNING, i18n.t("local.corrupt",
                        problem.keptAt() == null ? problem.file() : problem.keptAt()), ButtonType.OK);
                alert.initOwner(stage);
                alert.setHeaderText(i18n.t("local.corrupt.header"));
                alert.getDialogPane().setId("localProblem");
                alert.show();
            }
        }, e -> showProblem(i18n.t("local.unavailable", e.getMessage())));
    }

    private void showProblem(String text) {
        onLeaveScreen.run();
        onLeaveScreen = () -> { };
        Label message = new Label(text);
        message.setId("startProblem");
        message.setWrapText(true);
        message.setMaxWidth(640);
        Button quit = new Button(i18n.t("local.quit"));
        quit.setOnAction(e -> {
            shutdown();
            if (launched) {
                javafx.application.Platform.exit();
            }
        });
        VBox box = new VBox(16, message, quit);
        box.setAlignment(javafx.geometry.Pos.CENTER);
        box.setPadding(new javafx.geometry.Insets(40));
        setRoot(box);
    }

    /** The local file; null until it is open (or when another Sportel holds it). */
    public LocalData local() {
        return local;
    }

    /** Opens a saved file with the desktop's viewer, when this runs as a launched Application (not in tests). */
    public void open(java.nio.file.Path file) {
        if (launched) {
            background.fireAndForget(() -> {
                getHostServices().showDocument(file.toUri().toString());
                return null;
            });
        }
    }

    /** Stops the live stream and the background thread (window closed, or a test ends). */
    public void shutdown() {
        closed = true;
        onLeaveScreen.run();
        onLeaveScreen = () -> { };
        background.shutdown();
        if (local != null) {
            local.store().close();
            local = null;
        }
    }

    public DesktopConfig config() {
        return config;
    }

    public Settings settings() {
        return settings;
    }

    public Background background() {
        return background;
    }

    public I18n i18n() {
        return i18n;
    }

    /** Switches language and reloads the login screen, keeping the typed username. */
    public void changeLanguage(String lang, String username) {
        i18n = new I18n(lang);
        settings.put("lang", lang);
        background.fireAndForget(() -> {
            settings.save();
            return null;
        });
        showLogin(username);
    }

    public String initialServer() {
        return config.serverUrl() != null ? config.serverUrl() : settings.get("server", "http://127.0.0.1:8080");
    }

    public void showLogin(String username) {
        onLeaveScreen.run();
        FXMLLoader loader = loader("/al/sportel/desktop/login/login.fxml");
        Parent root = load(loader);
        LoginController c = loader.getController();
        c.init(this, username);
        setRoot(root);
        onLeaveScreen = () -> { };
    }

    public void showCounter(Session session) {
        FXMLLoader loader = loader("/al/sportel/desktop/queue/counter.fxml");
        Parent root = load(loader);
        CounterController c = loader.getController();
        setRoot(root);
        c.init(this, session);
        onLeaveScreen = c::dispose;
    }

    /** The supervisor's console (SUPERVISOR, or ADMIN for any branch). */
    public void showSupervisor(al.sportel.desktop.api.ApiClient api, al.sportel.model.UserInfo user) {
        onLeaveScreen.run();
        FXMLLoader loader = loader("/al/sportel/desktop/supervision/supervisor.fxml");
        Parent root = load(loader);
        al.sportel.desktop.supervision.SupervisorController c = loader.getController();
        setRoot(root);
        c.init(this, api, user);
        onLeaveScreen = c::dispose;
    }

    private FXMLLoader loader(String resource) {
        return new FXMLLoader(SportelApp.class.getResource(resource), i18n.bundle());
    }

    private static Parent load(FXMLLoader loader) {
        try {
            return loader.load();
        } catch (IOException e) {
            throw new IllegalStateException("view missing from the jar: " + loader.getLocation(), e);
        }
    }

    private void setRoot(Parent root) {
        if (stage.getScene() == null) {
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(SportelApp.class.getResource("/al/sportel/desktop/sportel.css").toExternalForm());
            stage.setScene(scene);
        } else {
            stage.getScene().setRoot(root);
        }
    }
}
