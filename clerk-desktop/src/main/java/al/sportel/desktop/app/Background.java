package al.sportel.desktop.app;

import al.sportel.desktop.api.ApiException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;

/**
 * Runs network and disk work off the JavaFX thread, one job at a time, and reports back on it.
 * {@link #busy()} is true while a job runs: the UI shows a spinner and disables its buttons, which
 * is also what makes a double click on "Call next" call only once.
 */
public final class Background {

    public interface Job<T> {
        T run() throws Exception;
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sportel-background");
        t.setDaemon(true);
        return t;
    });
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
    private int running;

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    /** Starts {@code job}; {@code onDone} or {@code onError} then run on the FX thread. Call on the FX thread. */
    public <T> void run(Job<T> job, Consumer<T> onDone, Consumer<ApiException> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return job.run();
            }
        };
        running++;
        busy.set(true);
        task.setOnSucceeded(e -> {
            finished();
            onDone.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            Throwable t = task.getException();
            onError.accept(t instanceof ApiException api ? api : ApiException.unreachable(t));
        });
        executor.execute(task);
    }

    /** Work whose result nobody waits for (saving settings); still never on the FX thread. */
    public void fireAndForget(Job<?> job) {
        executor.execute(() -> {
            try {
                job.run();
            } catch (Exception ignored) {
                // best effort by design
            }
        });
    }

    private void finished() {
        running--;
        busy.set(running > 0);
    }

    public static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
