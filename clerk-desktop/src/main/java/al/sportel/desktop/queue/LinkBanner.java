package al.sportel.desktop.queue;

import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Notify;
import al.sportel.desktop.offline.CounterLink;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/**
 * The link to the head office as the clerk sees it: the banner (down, or still sending after it came
 * back), the "needs attention" button, the state and waiting operations in the status bar, and a
 * notification when the outbox has drained.
 */
final class LinkBanner {

    private final I18n i18n;
    private final CounterLink link;
    private final Label banner;
    private final Button attention;
    private final Label state;
    private final Label pending;
    private boolean streamUp = true;

    LinkBanner(I18n i18n, CounterLink link, Label banner, Button attention, Label state, Label pending) {
        this.i18n = i18n;
        this.link = link;
        this.banner = banner;
        this.attention = attention;
        this.state = state;
        this.pending = pending;
        link.up().addListener((o, was, now) -> render());
        link.pending().addListener((o, was, now) -> {
            render();
            if (was.intValue() > 0 && now.intValue() == 0 && link.isUp()) {
                Notify.info(banner, i18n.t("notify.outbox.drained"));
            }
        });
        link.needAttention().addListener((o, was, now) -> render());
        link.othersPending().addListener((o, was, now) -> render());
        streamChanged(true);
    }

    /** The live stream went up or down; true when it has just come back (the caller resynchronises). */
    boolean streamChanged(boolean connected) {
        boolean back = connected && !streamUp;
        streamUp = connected;
        state.setText(i18n.t(connected ? "status.live" : "status.reconnecting"));
        state.getStyleClass().setAll("label", connected ? "status-live" : "status-down");
        render();
        return back;
    }

    private void render() {
        int waiting = link.pending().get();
        boolean down = !link.up().get() || !streamUp;
        String text = down ? i18n.t("status.banner", waiting)
                : waiting > 0 ? i18n.t("status.sending", waiting) : null;
        banner.setText(text == null ? "" : text);
        banner.setVisible(text != null);
        banner.setManaged(text != null);
        int others = link.othersPending().get();
        pending.setText(others == 0 ? i18n.t("status.pending", waiting)
                : i18n.t("status.pending", waiting) + " · " + i18n.t("status.pending.others", others));
        int needs = link.needAttention().get();
        attention.setText(i18n.t("outbox.attention.button", needs));
        attention.setVisible(needs > 0);
        attention.setManaged(needs > 0);
    }
}
