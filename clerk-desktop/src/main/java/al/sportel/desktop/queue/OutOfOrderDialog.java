package al.sportel.desktop.queue;

import al.sportel.desktop.app.DialogService;
import al.sportel.desktop.app.I18n;
import al.sportel.model.Ticket;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Calling a waiting ticket ahead of its turn: only with a reason from the server's list, since the
 * call is audited and counted in the fairness report. Nothing is chosen at first, so the clerk picks.
 */
final class OutOfOrderDialog {

    private OutOfOrderDialog() {
    }

    /** The chosen reason's code, or empty when the clerk cancels. */
    static Optional<String> ask(DialogService dialogs, Window owner, I18n i18n, Ticket ticket, List<QueueReason> reasons) {
        Dialog<String> d = new Dialog<>();
        d.setTitle(i18n.t("outOfOrder.title", ticket.number()));
        d.setHeaderText(i18n.t("outOfOrder.title", ticket.number()));
        ButtonType ok = new ButtonType(i18n.t("outOfOrder.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.t("transfer.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(ok, cancel);
        d.getDialogPane().setId("outOfOrderDialog");

        ComboBox<QueueReason> reason = new ComboBox<>();
        reason.setId("outOfOrderReason");
        reason.getItems().setAll(reasons);
        reason.setMaxWidth(Double.MAX_VALUE);
        reason.setConverter(new StringConverter<>() {
            @Override
            public String toString(QueueReason r) {
                return r == null ? "" : "en".equals(i18n.lang()) ? r.nameEn() : r.name();
            }

            @Override
            public QueueReason fromString(String s) {
                return null;
            }
        });
        VBox box = new VBox(8, new Label(i18n.t("outOfOrder.reason")), reason);
        box.setPadding(new Insets(16));
        d.getDialogPane().setContent(box);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(reason.valueProperty().isNull());
        d.setResultConverter(b -> b == ok ? reason.getValue().code() : null);
        Platform.runLater(reason::requestFocus);
        return dialogs.showAndWait(owner, d);
    }
}
