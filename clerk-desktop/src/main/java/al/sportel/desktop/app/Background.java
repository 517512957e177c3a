package al.sportel.desktop.app;

import al.sportel.desktop.api.ApiException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs network and disk work off the JavaFX thread, one job at a time, and reports back on it.
 * {@link #busy()} is true while a job runs: the UI shows a spinner and disables its buttons, which
 * is also what makes a double click on "Call next" call only once. Refreshes a screen starts by itself
 * ({@link #runQuietly}) run on a second thread and leave {@link #busy()} alone.
 */
public final class Background implements Jobs {

    private static final Logger LOG = LoggerFactory.getLogger(Background.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sportel-background");
        t.setDaemon(true);
        return t;
    });
    // A separate thread for the quiet refreshes: a long report or export on the first one does not hold
    // the supervisor's board up, and a slow board does not hold up what the user asked for.
    private final ExecutorService quiet = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sportel-refresh");
        t.setDaemon(true);
        return t;
    });
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty refreshing = new SimpleBooleanProperty(false);
    private int running;
    private int refreshesRunning;

    @Override
    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    /** True while a quiet refresh runs: a screen may show a small sign of it, never disable anything. */
    public ReadOnlyBooleanProperty refreshing() {
        return refreshing;
    }

    /** Call on the FX thread. */
    @Override
    public <T> void run(Job<T> job, Consumer<T> onDone, Consumer<ApiException> onError) {
        running++;
        busy.set(true);
        submit(executor, job, onDone, onError, () -> {
            running--;
            busy.set(running > 0);
        });
    }

    /** Call on the FX thread. */
    @Override
    public <T> void runQuietly(Job<T> job, Consumer<T> onDone, Consumer<ApiException> onError) {
        refreshesRunning++;
        refreshing.set(true);
        submit(quiet, job, onDone, onError, () -> {
            refreshesRunning--;
            refreshing.set(refreshesRunning > 0);
        });
    }

    private static <T> void submit(ExecutorService on, Job<T> job, Consumer<T> onDone, Consumer<ApiException> onError,
            Runnable finished) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return job.run();
            }
        };
        task.setOnSucceeded(e -> {
            finished.run();
            onDone.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished.run();
            onError.accept(classify(task.getException()));
        });
        on.execute(task);
    }

    /**
     * An API refusal stays what it is; an I/O failure means the server is out of reach; anything else
     * is a bug in this program, logged with its stack trace so it is not mistaken for a network problem.
     */
    static ApiException classify(Throwable t) {
        if (t instanceof ApiException api) {
            if (api.unreachable()) {
                LOG.info("server unreachable: {}", api.getMessage());
            }
            return api;
        }
        if (t instanceof FileSystemException || t instanceof FileNotFoundException) {
            // a report saved where it cannot be: this computer's problem, not the link's
            LOG.warn("local file failed: {}", t.toString());
            return ApiException.localFile(t);
        }
        if (t instanceof IOException) {
            LOG.info("server unreachable: {}", t.toString());
            return ApiException.unreachable(t);
        }
        LOG.error("unexpected failure in a background job", t);
        return ApiException.bug(t);
    }

    @Override
    public void fireAndForget(Job<?> job) {
        executor.execute(() -> {
            try {
                job.run();
            } catch (Exception e) {
                // nobody waits for this result, so the log is the only place it can be seen
                LOG.warn("background work failed", e);
            }
        });
    }

    /** Runs {@code r} on the FX thread: now if already there, later otherwise. */
    public static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    public void shutdown() {
        executor.shutdownNow();
        quiet.shutdownNow();
    }
}
