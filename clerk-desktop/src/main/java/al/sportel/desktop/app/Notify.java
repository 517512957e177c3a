package al.sportel.desktop.app;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Short notices in the corner of the window (ControlsFX): a payment sent, the outbox drained, a
 * service over its waiting threshold. They fade by themselves; nothing waits for them.
 */
public final class Notify {

    private Notify() {
    }

    public static void info(Node anchor, String text) {
        show(anchor, text, false);
    }

    public static void warning(Node anchor, String text) {
        show(anchor, text, true);
    }

    private static void show(Node anchor, String text, boolean warning) {
        if (anchor.getScene() == null || anchor.getScene().getWindow() == null) {
            return; // the screen has been left meanwhile
        }
        Notifications n = Notifications.create().owner(anchor.getScene().getWindow()).text(text)
                .position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(6));
        if (warning) {
            n.showWarning();
        } else {
            n.showInformation();
        }
    }
}
