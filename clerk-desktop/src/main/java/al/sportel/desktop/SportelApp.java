package al.sportel.desktop;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.Background;
import al.sportel.desktop.app.DesktopConfig;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Navigator;
import al.sportel.desktop.app.Session;
import al.sportel.desktop.app.Settings;
import al.sportel.desktop.login.LoginController;
import al.sportel.desktop.offline.LocalData;
import al.sportel.desktop.offline.LocalStore;
import al.sportel.desktop.offline.LocalStoreException;
import al.sportel.desktop.queue.CounterController;
import al.sportel.desktop.supervision.SupervisorController;
import al.sportel.model.UserInfo;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window and the switch between its screens. The only class that names the feature
 * controllers; they reach the rest of the application through {@link AppContext}.
 */
public final class SportelApp extends Application implements Navigator {

    private static DesktopConfig startConfig;

    private AppContext ctx;
    private Stage stage;
    private Runnable onLeaveScreen = () -> { };
    private boolean launched;
    private boolean closed;

    public static void launchWith(DesktopConfig config) {
        startConfig = config;
        Application.launch(SportelApp.class);
    }

    /** For tests: the app on an existing stage (TestFX's), with its own config. */
    public static SportelApp startOn(Stage stage, DesktopConfig config) {
        SportelApp app = new SportelApp();
        app.init(stage, config);
        app.openLocalFile();
        return app;
    }

    @Override
    public void start(Stage primaryStage) {
        launched = true;
        init(primaryStage, startConfig);
        primaryStage.show();
        // The login window first: the local file (its database, migrations) opens once it is on screen.
        Platform.runLater(this::openLocalFile);
    }

    private void init(Stage primaryStage, DesktopConfig cfg) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Settings settings = new Settings(cfg.dataDir());
        String lang = cfg.lang() != null ? cfg.lang() : settings.get("lang", "sq");
        this.ctx = new AppContext(cfg, settings, new Background(), new I18n(lang), this, this::openWithDesktop);
        this.stage = primaryStage;
        stage.setTitle("Sportel");
        stage.setMinWidth(1024);
        stage.setMinHeight(700);
        stage.setOnCloseRequest(e -> shutdown());
        showLogin(null);
    }

    public AppContext context() {
        return ctx;
    }

    /**
     * Opens the local file before anyone can sign in (the background runs one job at a time, so a
     * login waits for it). Damaged: kept aside, the clerk told, a new file started. In use by another
     * Sportel on this computer: nothing touched, and this window only says so.
     */
    private void openLocalFile() {
        Path dir = ctx.config().dataDir();
        ctx.background().run(() -> {
            try {
                return new Opened(LocalData.of(LocalStore.open(dir)), null);
            } catch (LocalStoreException e) {
                if (e.kind() == LocalStoreException.Kind.LOCKED) {
                    return new Opened(null, e);
                }
                return new Opened(LocalData.of(LocalStore.open(dir)), e);
            }
        }, opened -> {
            if (closed) { // the window went away while the file was opening
                if (opened.data() != null) {
                    opened.data().store().close();
                }
                return;
            }
            ctx.setLocal(opened.data());
            LocalStoreException problem = opened.problem();
            if (problem != null && problem.kind() == LocalStoreException.Kind.LOCKED) {
                showProblem(ctx.i18n().t("local.locked", problem.file()));
            } else if (problem != null) {
                ctx.dialogs().warn(stage, "localProblem", ctx.i18n().t("local.corrupt.header"), ctx.i18n().t("local.corrupt",
                        problem.keptAt() == null ? problem.file() : problem.keptAt()));
            }
        }, e -> showProblem(ctx.i18n().t("local.unavailable", e.getMessage())));
    }

    private record Opened(LocalData data, LocalStoreException problem) {
    }

    private void showProblem(String text) {
        onLeaveScreen.run();
        onLeaveScreen = () -> { };
        Label message = new Label(text);
        message.setId("startProblem");
        message.setWrapText(true);
        message.setMaxWidth(640);
        Button quit = new Button(ctx.i18n().t("local.quit"));
        quit.setOnAction(e -> {
            shutdown();
            if (launched) {
                Platform.exit();
            }
        });
        VBox box = new VBox(16, message, quit);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        setRoot(box);
    }

    private void openWithDesktop(Path file) {
        if (launched) {
            ctx.background().fireAndForget(() -> {
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
        ctx.background().shutdown();
        LocalData local = ctx.local();
        if (local != null) {
            local.store().close();
            ctx.setLocal(null);
        }
    }

    @Override
    public void changeLanguage(String lang, String username) {
        ctx.setI18n(new I18n(lang));
        ctx.settings().put("lang", lang);
        ctx.saveSettings();
        showLogin(username);
    }

    @Override
    public void showLogin(String username) {
        loginScreen(username);
    }

    @Override
    public void showLoginAfterSessionEnded(String username) {
        loginScreen(username).sessionEnded();
    }

    private LoginController loginScreen(String username) {
        onLeaveScreen.run();
        FXMLLoader loader = loader("/al/sportel/desktop/login/login.fxml");
        Parent root = load(loader);
        LoginController c = loader.getController();
        c.init(ctx, username);
        setRoot(root);
        onLeaveScreen = () -> { };
        return c;
    }

    @Override
    public void showCounter(Session session) {
        FXMLLoader loader = loader("/al/sportel/desktop/queue/counter.fxml");
        Parent root = load(loader);
        CounterController c = loader.getController();
        setRoot(root);
        c.init(ctx, session);
        onLeaveScreen = c::dispose;
    }

    @Override
    public void showSupervisor(ApiClient api, UserInfo user) {
        onLeaveScreen.run();
        FXMLLoader loader = loader("/al/sportel/desktop/supervision/supervisor.fxml");
        Parent root = load(loader);
        SupervisorController c = loader.getController();
        setRoot(root);
        c.init(ctx, api, user);
        onLeaveScreen = c::dispose;
    }

    private FXMLLoader loader(String resource) {
        return new FXMLLoader(SportelApp.class.getResource(resource), ctx.i18n().bundle());
    }

    private static Parent load(FXMLLoader loader) {
        try {
            return loader.load();
        } catch (IOException e) {
            throw new IllegalStateException("view missing from the jar: " + loader.getLocation(), e);
        }
    }

    /**
     * The first scene fits the screen it opens on (a 1366×768 counter PC included) and a launched
     * window opens maximised; later screens reuse the scene.
     */
    private void setRoot(Parent root) {
        if (stage.getScene() == null) {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            Scene scene = new Scene(root, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
            scene.getStylesheets().add(SportelApp.class.getResource("/al/sportel/desktop/sportel.css").toExternalForm());
            stage.setScene(scene);
            stage.setMinWidth(Math.min(1024, screen.getWidth()));
            stage.setMinHeight(Math.min(700, screen.getHeight()));
            if (launched) {
                stage.setMaximized(true);
            }
        } else {
            stage.getScene().setRoot(root);
        }
    }
}
