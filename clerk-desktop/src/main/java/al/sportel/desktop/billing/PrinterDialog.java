package al.sportel.desktop.billing;

import al.sportel.desktop.app.Background;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Settings;
import al.sportel.desktop.billing.PrinterChoice.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;

/**
 * Chooses where this workstation prints receipts and slips, and remembers it in its settings. The
 * system's printer names are looked up in the background: the print spooler can take seconds to answer.
 */
public final class PrinterDialog {

    private PrinterDialog() {
    }

    /** Shows the dialog; on OK the choice is saved (the file written off the FX thread) and returned. */
    public static Optional<PrinterChoice> show(Window owner, I18n i18n, Background bg, Settings settings) {
        PrinterChoice current = PrinterChoice.from(settings);
        Dialog<PrinterChoice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(i18n.t("printer.title"));
        d.setHeaderText(i18n.t("printer.title"));
        d.getDialogPane().setId("printerDialog");
        ButtonType ok = new ButtonType(i18n.t("printer.ok"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, new ButtonType(i18n.t("printer.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        ComboBox<Kind> kind = new ComboBox<>();
        kind.setId("printerKind");
        kind.getItems().setAll(Kind.values());
        kind.setConverter(converter(k -> i18n.t(kindKey(k))));
        kind.setValue(current.kind());
        ComboBox<String> target = new ComboBox<>();
        target.setId("printerTarget");
        target.setEditable(true);
        target.setPrefWidth(280);
        target.getEditor().setText(current.target());
        target.disableProperty().bind(kind.valueProperty().isEqualTo(Kind.PDF_FILE));
        target.promptTextProperty().bind(Bindings.createStringBinding(() -> i18n.t(hintKey(kind.getValue())), kind.valueProperty()));
        bg.run(PrinterDialog::systemPrinterNames, target.getItems()::setAll,
                e -> target.getItems().clear()); // no spooler: the name can still be typed

        ObjectBinding<PrinterChoice> chosen = Bindings.createObjectBinding(
                () -> new PrinterChoice(kind.getValue(), target.getEditor().getText()), kind.valueProperty(), target.getEditor().textProperty());
        Label problem = new Label();
        problem.setId("printerProblem");
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(Bindings.createStringBinding(
                () -> chosen.get().problem() == null ? "" : i18n.t(chosen.get().problem()), chosen));

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        grid.setPadding(new Insets(16));
        grid.addRow(0, new Label(i18n.t("printer.kind")), kind);
        grid.addRow(1, new Label(i18n.t("printer.target")), target);
        grid.add(problem, 1, 2);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(problem.textProperty().isNotEmpty());
        d.setResultConverter(b -> b == ok ? chosen.get() : null);

        Optional<PrinterChoice> result = d.showAndWait();
        result.ifPresent(c -> {
            c.saveTo(settings);
            bg.fireAndForget(() -> {
                settings.save();
                return null;
            });
        });
        return result;
    }

    private static List<String> systemPrinterNames() {
        return Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null)).map(PrintService::getName).sorted().toList();
    }

    private static String kindKey(Kind k) {
        return switch (k) {
            case SYSTEM -> "printer.kind.system";
            case ESCPOS_DEVICE -> "printer.kind.device";
            case ESCPOS_NETWORK -> "printer.kind.network";
            case PDF_FILE -> "printer.kind.pdf";
        };
    }

    private static String hintKey(Kind k) {
        return switch (k) {
            case SYSTEM -> "printer.hint.system";
            case ESCPOS_DEVICE -> "printer.hint.device";
            case ESCPOS_NETWORK -> "printer.hint.network";
            case PDF_FILE -> "printer.hint.pdf";
        };
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
