package al.sportel.desktop.app;

import javafx.scene.control.Label;

/** An inline message under a form or a button: shown with its text, or hidden and taking no space. */
public final class InlineMessage {

    private InlineMessage() {
    }

    public static void show(Label label, String text) {
        label.setText(text == null ? "" : text);
        label.setVisible(text != null);
        label.setManaged(text != null);
    }
}
