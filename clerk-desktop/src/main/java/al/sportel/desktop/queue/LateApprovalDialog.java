package al.sportel.desktop.queue;

import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.InlineMessage;
import al.sportel.desktop.offline.LateApproval;
import al.sportel.desktop.offline.Outbox;
import al.sportel.model.Formats;
import al.sportel.model.billing.Payment;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Send with a supervisor's approval" for a payment the server refused because it was taken offline longer ago than
 * the offline window: the supervisor types her username and password here, the payment goes with her login for this
 * one send ({@link LateApproval}), and the dialog says what the server booked. Everything blocking runs through
 * {@code Background}; a wrong password, a user who is not a supervisor of the centre or a server out of reach is said
 * under the fields.
 */
final class LateApprovalDialog {

    private LateApprovalDialog() {
    }

    /** {@code afterSend} runs on the FX thread once the payment is booked (the attention list reloads). */
    static void show(Window owner, AppContext app, String serverUrl, Outbox outbox, Outbox.Item item, Runnable afterSend) {
        I18n i18n = app.i18n();
        Label header = new Label(i18n.t("approval.header", Formats.dateTime(item.createdAt()), item.username(), item.summary()));
        header.setWrapText(true);
        header.setMaxWidth(520);
        TextField username = new TextField();
        username.setId("approvalUsername");
        PasswordField password = new PasswordField();
        password.setId("approvalPassword");
        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(8);
        fields.addRow(0, new Label(i18n.t("approval.username")), username);
        fields.addRow(1, new Label(i18n.t("approval.password")), password);
        Label error = new Label();
        error.setId("approvalError");
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        error.setMaxWidth(520);
        InlineMessage.show(error, null);
        Label result = new Label();
        result.setId("approvalResult");
        result.setWrapText(true);
        result.setMaxWidth(520);
        InlineMessage.show(result, null);
        SimpleBooleanProperty sent = new SimpleBooleanProperty(false);
        Button send = new Button(i18n.t("approval.send"));
        send.setId("approvalSend");
        send.setDefaultButton(true);
        send.disableProperty().bind(app.background().busy().or(sent));
        username.disableProperty().bind(sent);
        password.disableProperty().bind(sent);

        send.setOnAction(e -> {
            String who = username.getText().trim();
            String secret = password.getText();
            if (who.isEmpty() || secret.isEmpty()) {
                InlineMessage.show(error, i18n.t("approval.error.empty"));
                return;
            }
            InlineMessage.show(error, null);
            app.background().run(() -> LateApproval.send(serverUrl, outbox, item, who, secret), booked -> {
                sent.set(true);
                password.clear();
                InlineMessage.show(result, booked(i18n, booked));
                afterSend.run();
            }, failure -> {
                password.clear();
                InlineMessage.show(error, refusal(app, failure));
            });
        });

        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(i18n.t("approval.title"));
        d.getDialogPane().setId("approvalDialog");
        d.getDialogPane().setContent(new VBox(10, header, fields, error, send, result));
        d.getDialogPane().getButtonTypes().add(new ButtonType(i18n.t("outbox.close"), ButtonType.CLOSE.getButtonData()));
        d.show();
        username.requestFocus();
    }

    private static String booked(I18n i18n, Payment p) {
        return i18n.t("approval.done", p.receiptNumber(), Formats.money(p.amount()), Formats.dateTime(p.takenAt()),
                p.clerk() == null ? "" : p.clerk().displayName(), p.approvedBy() == null ? "" : p.approvedBy());
    }

    private static String refusal(AppContext app, ApiException e) {
        I18n i18n = app.i18n();
        if (e.unreachable()) {
            return i18n.t("approval.error.unreachable");
        }
        if (LateApproval.NOT_A_SUPERVISOR.equals(e.type()) || e.status() == 403) {
            return i18n.t("approval.error.notSupervisor");
        }
        return switch (e.status()) {
            case 401 -> i18n.t("approval.error.credentials");
            case 429 -> i18n.t("login.error.locked", Math.max(1, (e.retryAfterSeconds() + 59) / 60));
            default -> app.describe(e);
        };
    }
}
