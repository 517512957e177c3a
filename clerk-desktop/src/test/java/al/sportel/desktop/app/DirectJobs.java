package al.sportel.desktop.app;

import al.sportel.desktop.api.ApiException;
import java.io.IOException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Runs jobs at once on the caller's thread, for view-model tests without a JavaFX toolkit. */
public final class DirectJobs implements Jobs {

    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();

    @Override
    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    @Override
    public <T> void run(Job<T> job, Consumer<T> onDone, Consumer<ApiException> onError) {
        execute(job, onDone, onError, true);
    }

    /** At once too, and {@link #busy()} stays as it was, as {@link Background#runQuietly} leaves it. */
    @Override
    public <T> void runQuietly(Job<T> job, Consumer<T> onDone, Consumer<ApiException> onError) {
        execute(job, onDone, onError, false);
    }

    private <T> void execute(Job<T> job, Consumer<T> onDone, Consumer<ApiException> onError, boolean showsBusy) {
        T result;
        boolean was = busy.get();
        try {
            busy.set(was || showsBusy);
            result = job.run();
        } catch (ApiException e) {
            onError.accept(e);
            return;
        } catch (IOException e) {
            onError.accept(ApiException.unreachable(e));
            return;
        } catch (Exception e) {
            onError.accept(ApiException.bug(e));
            return;
        } finally {
            busy.set(was);
        }
        onDone.accept(result);
    }

    @Override
    public void fireAndForget(Job<?> job) {
        run(job, r -> { }, e -> { });
    }
}
