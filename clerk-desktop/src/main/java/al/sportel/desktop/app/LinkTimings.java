package al.sportel.desktop.app;

import al.sportel.desktop.api.EventStream;
import al.sportel.desktop.offline.Backoff;

/**
 * How soon a counter tries the server again after the link dropped: the outbox's resend and the live
 * stream's reconnect. Users always get {@link #standard()}; the window tests pass shorter ones so they
 * wait for the link to come back, not for a retry scheduled long after it did.
 */
public record LinkTimings(Backoff outbox, Backoff liveStream) {

    public static LinkTimings standard() {
        return new LinkTimings(Backoff.standard(), EventStream.STANDARD_BACKOFF);
    }
}
