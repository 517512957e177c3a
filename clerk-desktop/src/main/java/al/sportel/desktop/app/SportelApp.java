package al.sportel.desktop.app;

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
        onLeaveScreen.run();
        onLeaveScreen = () -> { };
        background.shutdown();
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
