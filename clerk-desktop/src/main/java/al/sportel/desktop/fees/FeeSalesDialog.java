package al.sportel.desktop.fees;

import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.InlineMessage;
import al.sportel.desktop.app.Tables;
import al.sportel.model.fees.FeeSale;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** "Today's sales at this counter": the list {@link FeeSalesModel} loads, with a refresh button. */
public final class FeeSalesDialog {

    private final I18n i18n;
    private final FeeSalesModel model;

    public FeeSalesDialog(I18n i18n, FeeSalesModel model) {
        this.i18n = i18n;
        this.model = model;
    }

    public void show(Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.getDialogPane().setId("feeSalesDialog");
        d.setTitle(i18n.t("fee.sales.title"));
        d.setHeaderText(i18n.t("fee.sales.header"));
        d.getDialogPane().getButtonTypes().setAll(new ButtonType(i18n.t("fee.sales.close"), ButtonBar.ButtonData.CANCEL_CLOSE));

        TableView<FeeSale> table = Tables.table(i18n);
        table.setId("feeSalesTable");
        table.getColumns().setAll(List.of(
                Tables.column(i18n.t("fee.sales.col.time"), model::time),
                Tables.column(i18n.t("fee.sales.col.fee"), FeeSale::itemName),
                Tables.column(i18n.t("fee.sales.col.amount"), model::amount),
                Tables.column(i18n.t("fee.sales.col.receipt"), FeeSale::receiptNumber),
                Tables.column(i18n.t("fee.sales.col.fiscal"), model::fiscal)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setItems(model.sales());
        table.setPrefHeight(300);

        Button refresh = new Button(i18n.t("fee.sales.refresh"));
        refresh.setId("feeSalesRefresh");
        refresh.disableProperty().bind(model.loading());
        refresh.setOnAction(e -> model.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.loading());
        Label error = new Label();
        error.setId("feeSalesError");
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        InlineMessage.show(error, model.error().get());
        model.error().addListener((o, was, now) -> InlineMessage.show(error, now));

        VBox box = new VBox(10, table, new HBox(8, refresh, busy, error));
        box.setPadding(new Insets(12));
        box.setPrefWidth(720);
        d.getDialogPane().setContent(box);
        model.refresh();
        d.show();
    }
}
