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
        T result;
        try {
            busy.set(true);
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
            busy.set(false);
        }
        onDone.accept(result);
    }

    @Override
    public void fireAndForget(Job<?> job) {
        run(job, r -> { }, e -> { });
    }
}
