package al.sportel.server.events;

import al.sportel.server.events.Subscriber.Frame;

/**
 * A stored event; each of its two frames (staff, public display) is built and encoded once, on the
 * pump thread, however many streams receive it.
 */
final class EventRow {
    private final long seq;
    private final String type;
    private final String payload;
    private Frame staffFrame;
    private Frame publicFrame;

    EventRow(long seq, String type, String payload) {
        this.seq = seq;
        this.type = type;
        this.payload = payload;
    }

    long seq() {
        return seq;
    }

    Frame frame(boolean publicView, DisplayEvents display) {
        if (publicView) {
            if (publicFrame == null) {
                publicFrame = new Frame(seq, type, display.toPublic(payload));
            }
            return publicFrame;
        }
        if (staffFrame == null) {
            staffFrame = new Frame(seq, type, payload);
        }
        return staffFrame;
    }
}
