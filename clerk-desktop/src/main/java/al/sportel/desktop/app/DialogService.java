package al.sportel.desktop.app;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * Every dialog of the client goes through here, so each one has an owner and buttons in the chosen
 * language (JavaFX's own "OK"/"Cancel" are English whatever the locale).
 */
public final class DialogService {

    private final Supplier<I18n> i18n;

    public DialogService(Supplier<I18n> i18n) {
        this.i18n = i18n;
    }

    public ButtonType ok() {
        return new ButtonType(i18n.get().t("dialog.ok"), ButtonData.OK_DONE);
    }

    public ButtonType cancel() {
        return new ButtonType(i18n.get().t("dialog.cancel"), ButtonData.CANCEL_CLOSE);
    }

    public ButtonType close() {
        return new ButtonType(i18n.get().t("dialog.close"), ButtonData.CANCEL_CLOSE);
    }

    /** Asks and waits; true only for the OK button. {@code id} names the dialog pane for tests. */
    public boolean confirm(Window owner, String id, String title, String header, String body) {
        ButtonType ok = ok();
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, body, ok, cancel());
        prepare(alert, owner, id);
        alert.setTitle(title);
        alert.setHeaderText(header);
        return alert.showAndWait().filter(b -> b == ok).isPresent();
    }

    /** A warning the clerk acknowledges; does not wait. */
    public void warn(Window owner, String id, String header, String body) {
        Alert alert = new Alert(Alert.AlertType.WARNING, body, ok());
        prepare(alert, owner, id);
        alert.setTitle("Sportel");
        alert.setHeaderText(header);
        alert.show();
    }

    /** Shows a dialog built by a feature (with its own content) and waits for its result. */
    public <R> Optional<R> showAndWait(Window owner, Dialog<R> dialog) {
        if (dialog.getOwner() == null && owner != null) {
            dialog.initOwner(owner);
        }
        return dialog.showAndWait();
    }

    private static void prepare(Dialog<?> dialog, Window owner, String id) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setId(id);
        dialog.setResizable(true);
    }
}
