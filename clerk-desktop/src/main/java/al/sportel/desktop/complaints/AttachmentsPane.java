package al.sportel.desktop.complaints;

import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.InlineMessage;
import al.sportel.desktop.app.Tables;
import al.sportel.model.cases.CaseAttachment;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The selected case's attachments under the list of cases: name, type, size and when, with "Open" and
 * "Save as…". Takes no space when the case has none and nothing needs saying.
 */
public final class AttachmentsPane extends VBox {

    private final TableView<CaseAttachment> table = new TableView<>();
    private final Label message = new Label();
    private Function<CaseAttachment, Optional<Path>> chooser = this::chooseWithDialog;
    private CaseAttachmentsViewModel model;
    private I18n i18n;

    public AttachmentsPane() {
        setSpacing(6);
    }

    public void init(CaseAttachmentsViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        Label title = new Label(i18n.t("case.attachment.title"));
        title.getStyleClass().add("card-title");
        table.setId("attachmentTable");
        table.setPrefHeight(120);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(model.attachments());
        table.getColumns().setAll(List.of(
                Tables.<CaseAttachment>column(i18n.t("case.attachment.col.name"), CaseAttachment::name),
                Tables.<CaseAttachment>column(i18n.t("case.attachment.col.type"), a -> model.typeName(a.contentType())),
                Tables.<CaseAttachment>column(i18n.t("case.attachment.col.size"), a -> model.size(a.size())),
                Tables.<CaseAttachment>column(i18n.t("case.attachment.col.when"),
                        a -> i18n.date(a.createdAt().atZone(I18n.ZONE).toLocalDate()) + " " + i18n.time(a.createdAt()))));
        // one file is the usual case: selected already, the clerk only presses "Open"
        model.attachments().addListener((ListChangeListener<CaseAttachment>) c -> {
            if (!model.attachments().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        });
        Button open = new Button(i18n.t("case.attachment.open"));
        open.setId("openAttachmentButton");
        open.setOnAction(e -> selected().ifPresent(model::open));
        Button save = new Button(i18n.t("case.attachment.saveAs"));
        save.setId("saveAttachmentButton");
        save.setOnAction(e -> selected().ifPresent(a -> chooser.apply(a).ifPresent(target -> model.saveAs(a, target))));
        BooleanBinding idle = model.busy().not().and(table.getSelectionModel().selectedItemProperty().isNotNull());
        open.disableProperty().bind(idle.not());
        save.disableProperty().bind(idle.not());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("attachmentBusy");
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(model.downloading());
        HBox actions = new HBox(8, open, save, spinner);
        actions.setAlignment(Pos.CENTER_LEFT);
        message.setId("attachmentMessage");
        message.setWrapText(true);
        InlineMessage.show(message, null);
        model.message().addListener((o, was, now) -> InlineMessage.show(message, now));
        VBox listing = new VBox(6, title, table, actions);
        BooleanBinding any = Bindings.isNotEmpty(model.attachments());
        listing.visibleProperty().bind(any);
        listing.managedProperty().bind(any);
        getChildren().setAll(listing, message);
        BooleanBinding shown = any.or(model.message().isNotNull());
        visibleProperty().bind(shown);
        managedProperty().bind(shown);
    }

    /** Tests stand in for the system's save dialog, which a headless screen cannot show. */
    public void chooseTargetWith(Function<CaseAttachment, Optional<Path>> chooser) {
        this.chooser = chooser;
    }

    private Optional<CaseAttachment> selected() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private Optional<Path> chooseWithDialog(CaseAttachment a) {
        FileChooser dialog = new FileChooser();
        dialog.setTitle(i18n.t("case.attachment.saveAs"));
        dialog.setInitialFileName(a.name());
        String ending = CaseAttachmentsViewModel.extension(a.contentType());
        List<String> patterns = ending.equals(".jpg") ? List.of("*.jpg", "*.jpeg") : List.of("*" + ending);
        dialog.getExtensionFilters().add(new FileChooser.ExtensionFilter(model.typeName(a.contentType()), patterns));
        File chosen = dialog.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
