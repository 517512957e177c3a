package al.sportel.desktop.app;

import al.sportel.desktop.api.ApiException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * Work that must not run on the JavaFX thread, with its answer delivered back to it. View-models
 * depend on this interface rather than on {@link Background}, so their tests can run the jobs
 * synchronously without starting a toolkit.
 */
public interface Jobs {

    /** A piece of blocking work: HTTP, H2, files or printing. */
    interface Job<T> {
        T run() throws Exception;
    }

    /** True while a job runs: screens show a spinner and disable their buttons. */
    ReadOnlyBooleanProperty busy();

    /**
     * Starts {@code job}; {@code onDone} or {@code onError} then run on the FX thread. A failure that
     * is neither an API error nor a lost connection reaches {@code onError} as {@link ApiException#bug}.
     */
    <T> void run(Job<T> job, Consumer<T> onDone, Consumer<ApiException> onError);

    /**
     * Like {@link #run}, for a refresh the screen starts by itself (a live event, a timer): it leaves
     * {@link #busy()} false, so it neither disables buttons nor swallows the click the user makes meanwhile.
     */
    <T> void runQuietly(Job<T> job, Consumer<T> onDone, Consumer<ApiException> onError);

    /** Work whose result nobody waits for (saving settings); failures are logged. */
    void fireAndForget(Job<?> job);
}
