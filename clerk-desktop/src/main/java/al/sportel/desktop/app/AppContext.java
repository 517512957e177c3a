package al.sportel.desktop.app;

import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.api.Refusal;
import al.sportel.desktop.offline.LocalData;
import al.sportel.desktop.offline.Outbox;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What every screen needs from the application: strings, background work, configuration, the local
 * file, dialogs and the way to other screens. Controllers receive this instead of the application
 * class, so no feature package reaches back into the one that names them all.
 */
public final class AppContext {

    private final DesktopConfig config;
    private final Settings settings;
    private final Background background;
    private final Navigator navigator;
    private final Consumer<Path> opener;
    private final DialogService dialogs;
    private volatile I18n i18n;
    private volatile LocalData local;

    public AppContext(DesktopConfig config, Settings settings, Background background, I18n i18n,
            Navigator navigator, Consumer<Path> opener) {
        this.config = config;
        this.settings = settings;
        this.background = background;
        this.i18n = i18n;
        this.navigator = navigator;
        this.opener = opener;
        this.dialogs = new DialogService(this::i18n);
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

    /** The language changed: the next screen loaded uses the new bundle. */
    public void setI18n(I18n i18n) {
        this.i18n = i18n;
    }

    public Navigator navigator() {
        return navigator;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    /** The local file; null until it is open (or when another Sportel holds it). */
    public LocalData local() {
        return local;
    }

    public void setLocal(LocalData local) {
        this.local = local;
    }

    /** Opens a saved file with the desktop's viewer (does nothing in tests). */
    public void open(Path file) {
        opener.accept(file);
    }

    /** Remembers the settings on disk, off the FX thread. */
    public void saveSettings() {
        background.fireAndForget(() -> {
            settings.save();
            return null;
        });
    }

    /**
     * What to tell the clerk about a failed job: no connection, a bug, a local file, or the server's refusal,
     * in the screen's language when its problem type is one this client knows, else in the server's words.
     */
    public String describe(ApiException e) {
        return describe(i18n, e);
    }

    public static String describe(I18n i18n, ApiException e) {
        if (e.unreachable()) {
            return i18n.t("action.unreachable");
        }
        if (e.bug()) {
            return i18n.t("error.bug");
        }
        if (e.localFile()) {
            return i18n.t("error.localFile", e.getMessage());
        }
        String known = ProblemTexts.of(i18n, e.type(), e.errors());
        return known != null ? known : e.getMessage();
    }

    /**
     * The server's refusal of a command the outbox sent, as {@link #describe(I18n, ApiException)} tells one; an answer
     * that was no problem document (a proxy's page, a bare status) says the status in the clerk's language.
     */
    public static String describe(I18n i18n, Refusal r) {
        String known = ProblemTexts.of(i18n, r.type(), r.errors());
        if (known != null) {
            return known;
        }
        boolean bare = r.type() == null || r.type().equals("http-" + r.status()) || r.detail() == null || r.detail().isBlank();
        return bare ? i18n.t("problem.refusedStatus", r.status()) : r.serverWords();
    }

    /** Why the outbox holds {@code item} back: the server's refusal in the clerk's language, else the last failure as kept. */
    public static String describe(I18n i18n, Outbox.Item item) {
        return item.refusal() != null ? describe(i18n, item.refusal()) : item.lastError();
    }
}
