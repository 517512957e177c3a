package al.sportel.desktop.supervision;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.EventStream;
import al.sportel.desktop.app.Background;
import al.sportel.model.LiveEvent;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;

/**
 * What asks for a fresh supervisor board: the branch's live stream, started with the first board, asks after
 * each event (coalesced over 300 ms, since one call is several events) and on each reconnection; a ticker asks
 * every 30 s, since waits grow without any event. The board itself is loaded by {@link BoardViewModel}, one
 * request at a time off the FX thread. Lives on the FX thread; the stream's callbacks hop onto it.
 */
final class BoardLiveFeed {

    private final ApiClient client;
    private final Runnable sessionEnded;
    private final PauseTransition coalesce = new PauseTransition(Duration.millis(300));
    private final Timeline ticker;
    private final ReadOnlyObjectWrapper<Boolean> live = new ReadOnlyObjectWrapper<>();
    private EventStream stream;
    private boolean disposed;

    /**
     * {@code refresh} asks for a new board; {@code sessionEnded} runs when the server ends the console's session.
     * Both run on the FX thread.
     */
    BoardLiveFeed(ApiClient client, Runnable refresh, Runnable sessionEnded) {
        this.client = client;
        this.sessionEnded = sessionEnded;
        coalesce.setOnFinished(e -> refresh.run());
        ticker = new Timeline(new KeyFrame(Duration.seconds(30), e -> refresh.run()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    /** True while the stream is up, false while it reconnects, null before it first says. */
    ReadOnlyObjectProperty<Boolean> live() {
        return live.getReadOnlyProperty();
    }

    void startTicking() {
        ticker.play();
    }

    /** Follows {@code branch} from the board just loaded, unless a stream already runs. */
    void follow(String branch, long lastEventId) {
        if (stream != null || disposed) {
            return;
        }
        stream = new EventStream(client, branch, lastEventId, new EventStream.Listener() {
            @Override
            public void onEvent(long id, LiveEvent event) {
                Background.fx(coalesce::playFromStart);
            }

            @Override
            public void onConnected(boolean connected) {
                Background.fx(() -> {
                    live.set(connected);
                    if (connected) {
                        coalesce.playFromStart();
                    }
                });
            }

            @Override
            public void onSessionEnded() {
                Background.fx(sessionEnded);
            }
        });
        stream.start();
    }

    /** Stops following the branch: another one is chosen, and its first board starts a new stream. */
    void unfollow() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    void dispose() {
        disposed = true;
        unfollow();
        ticker.stop();
        coalesce.stop();
    }
}
