package al.sportel.desktop.queue;

import al.sportel.model.Formats;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.Tables;
import al.sportel.desktop.offline.CounterLink;
import al.sportel.desktop.offline.LateApproval;
import al.sportel.desktop.offline.Outbox;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
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
 * ({@link LateApprovalDialog}) and cannot be removed, nor can another clerk's payment; anything else is removed only
 * once the clerk confirms it.
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
                Tables.column(i18n.t("outbox.col.reason"), i -> AppContext.describe(i18n, i))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefSize(820, 320);
        Button dismiss = new Button(i18n.t("outbox.dismiss"));
        dismiss.setId("dismissAttention");
        // A payment refused for its age is sent with a supervisor's approval: removed, its money would reach no report.
        // Another clerk's payment is hers to settle, at her next login here: the money is in her drawer's count.
        String me = link.api().user().username();
        StringBinding kept = Bindings.createStringBinding(() -> keptBecause(i18n, table.getSelectionModel().getSelectedItem(), me),
                table.getSelectionModel().selectedItemProperty());
        BooleanBinding cannot = kept.isNotNull();
        dismiss.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(cannot).or(app.background().busy()));
        Label keptNote = new Label();
        keptNote.setId("dismissNote");
        keptNote.setWrapText(true);
        keptNote.textProperty().bind(kept);
        keptNote.visibleProperty().bind(cannot);
        keptNote.managedProperty().bind(cannot);
        Label problem = new Label(); // the local file failed: said here, not swallowed
        problem.setId("attentionMessage");
        problem.setWrapText(true);
        problem.getStyleClass().add("error-message");
        Consumer<ApiException> failed = e -> problem.setText(AppContext.describe(i18n, e));
        Runnable reload = () -> app.background().run(() -> link.outbox().needsAttention(), table.getItems()::setAll, failed);
        dismiss.setOnAction(e -> {
            Outbox.Item item = table.getSelectionModel().getSelectedItem();
            if (item == null || keptBecause(i18n, item, me) != null || !confirmed(dismiss.getScene().getWindow(), app, item)) {
                return;
            }
            problem.setText("");
            app.background().run(() -> {
                link.outbox().dismiss(item.id());
                return null;
            }, x -> reload.run(), failed);
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
        d.getDialogPane().setContent(new VBox(10, header, table, new HBox(10, approve, dismiss), keptNote, problem));
        d.getDialogPane().getButtonTypes().add(new ButtonType(i18n.t("outbox.close"), ButtonType.CLOSE.getButtonData()));
        reload.run();
        d.show();
    }

    /** Why the item cannot be removed from the list by {@code me}, or null when it can (after a confirmation). */
    private static String keptBecause(I18n i18n, Outbox.Item item, String me) {
        if (item == null) {
            return null;
        }
        if (LateApproval.offered(item)) {
            return i18n.t("outbox.dismiss.late");
        }
        return item.kind() == Outbox.Kind.PAYMENT && !item.username().equals(me) ? i18n.t("outbox.dismiss.others", item.username()) : null;
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
