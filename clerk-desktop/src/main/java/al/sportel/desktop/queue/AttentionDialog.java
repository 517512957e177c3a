package al.sportel.desktop.queue;

import al.sportel.model.Formats;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.Tables;
import al.sportel.desktop.offline.CounterLink;
import al.sportel.desktop.offline.LateApproval;
import al.sportel.desktop.offline.Outbox;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The outbox commands the server refused, with its reason, until the clerk has dealt with them. A payment refused
 * because it was taken offline longer ago than the offline window can be sent with a supervisor's approval
 * ({@link LateApprovalDialog}) and cannot be removed; anything else is removed only once the clerk confirms it.
 */
public final class AttentionDialog {

    private AttentionDialog() {
    }

    public static void show(Window owner, AppContext app, CounterLink link) {
        I18n i18n = app.i18n();
        TableView<Outbox.Item> table = Tables.table(i18n);
        table.setId("attentionTable");
        table.getColumns().setAll(List.of(
                Tables.column(i18n.t("outbox.col.when"), i -> Formats.dateTime(i.createdAt())),
                Tables.column(i18n.t("outbox.col.what"), Outbox.Item::summary),
                Tables.column(i18n.t("outbox.col.reason"), Outbox.Item::lastError)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefSize(820, 320);
        Button dismiss = new Button(i18n.t("outbox.dismiss"));
        dismiss.setId("dismissAttention");
        // a payment refused for its age is sent with a supervisor's approval: removed, its money would reach no report
        BooleanBinding late = Bindings.createBooleanBinding(() -> LateApproval.offered(table.getSelectionModel().getSelectedItem()),
                table.getSelectionModel().selectedItemProperty());
        dismiss.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(late).or(app.background().busy()));
        Label lateNote = new Label(i18n.t("outbox.dismiss.late"));
        lateNote.setId("dismissNote");
        lateNote.setWrapText(true);
        lateNote.visibleProperty().bind(late);
        lateNote.managedProperty().bind(late);
        Runnable reload = () -> app.background().run(() -> link.outbox().needsAttention(), table.getItems()::setAll, e -> { });
        dismiss.setOnAction(e -> {
            Outbox.Item item = table.getSelectionModel().getSelectedItem();
            if (item == null || LateApproval.offered(item) || !confirmed(dismiss.getScene().getWindow(), app, item)) {
                return;
            }
            app.background().run(() -> {
                link.outbox().dismiss(item.id());
                return null;
            }, x -> reload.run(), x -> { });
        });
        Button approve = new Button(i18n.t("outbox.approveLate"));
        approve.setId("approveLate");
        approve.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !LateApproval.offered(table.getSelectionModel().getSelectedItem()), table.getSelectionModel().selectedItemProperty())
                .or(app.background().busy()));
        approve.setOnAction(e -> LateApprovalDialog.show(approve.getScene().getWindow(), app, link.api().baseUrl(), link.outbox(),
                table.getSelectionModel().getSelectedItem(), reload));
        Label header = new Label(i18n.t("outbox.attention.header"));
        header.setWrapText(true);
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(i18n.t("outbox.attention.title"));
        d.getDialogPane().setId("attentionDialog");
        d.getDialogPane().setContent(new VBox(10, header, table, new HBox(10, approve, dismiss), lateNote));
        d.getDialogPane().getButtonTypes().add(new ButtonType(i18n.t("outbox.close"), ButtonType.CLOSE.getButtonData()));
        reload.run();
        d.show();
    }

    /**
     * Asks before an item leaves the list for good, naming it and whose it is (the list holds every clerk's refusals on
     * this PC); for a payment, that the money taken for it will then reach no report of the head office.
     */
    private static boolean confirmed(Window owner, AppContext app, Outbox.Item item) {
        I18n i18n = app.i18n();
        return app.dialogs().confirm(owner, "dismissConfirm", i18n.t("outbox.dismiss.title"),
                i18n.t("outbox.dismiss.header", item.summary(), item.username()),
                i18n.t(item.kind() == Outbox.Kind.PAYMENT ? "outbox.dismiss.payment" : "outbox.dismiss.other"));
    }
}
