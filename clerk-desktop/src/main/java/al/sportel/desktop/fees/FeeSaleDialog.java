package al.sportel.desktop.fees;

import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.app.Background;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.InlineMessage;
import al.sportel.model.Formats;
import al.sportel.model.fees.Fee;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * "Tarifë": selling a connection, reconnection or meter-test fee at the counter, optionally with the
 * application it is paid for. The server fiscalizes the sale and the fiscal receipt (NSLF, NIVF, QR) is
 * printed through the counter's printer. Errors stay under the form; every call runs in the background.
 */
public final class FeeSaleDialog {

    /** Runs the sale at once, or after the day's initial cash is registered; reports a problem otherwise. */
    public interface BeforeCash {
        void then(Window owner, Runnable sale, Consumer<String> onError);
    }

    private final I18n i18n;
    private final Background bg;
    private final FeeSaleModel model;
    private final BeforeCash beforeCash;

    public FeeSaleDialog(I18n i18n, Background bg, FeeSaleModel model, BeforeCash beforeCash) {
        this.i18n = i18n;
        this.bg = bg;
        this.model = model;
        this.beforeCash = beforeCash;
    }

    /** Shows the form; {@code onSold} runs on the FX thread with the sale once the server has it. */
    public void show(Window owner, BiConsumer<FeeSaleModel.Sold, String> onSold) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.getDialogPane().setId("feeDialog");
        d.setTitle(i18n.t("fee.title"));
        d.setHeaderText(i18n.t("fee.header"));
        ButtonType sell = new ButtonType(i18n.t("fee.sell"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.t("fee.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(sell, cancel);
        model.begin();
        // an unknown outcome locks the form on what was sent: only a retry (same key, same body) or an explicit resolve
        BooleanProperty locked = new SimpleBooleanProperty(model.unknownOutcome().isPresent());

        ComboBox<Fee> fee = new ComboBox<>();
        fee.setId("feeChoice");
        fee.setPromptText(i18n.t("fee.choose"));
        fee.setConverter(new StringConverter<>() {
            @Override
            public String toString(Fee f) {
                return f == null ? "" : name(f) + " — " + Formats.money(f.price());
            }

            @Override
            public Fee fromString(String s) {
                return null;
            }
        });
        Label price = new Label();
        price.setId("feePrice");
        TextField caseCode = new TextField();
        caseCode.setId("feeCase");
        caseCode.setPromptText(i18n.t("fee.case.prompt"));
        ToggleGroup method = new ToggleGroup();
        ToggleButton cash = toggle("pay.cash", "feeCash", method);
        ToggleButton card = toggle("pay.card", "feeCard", method);
        cash.setSelected(true);
        method.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always chosen
            }
        });
        TextField tendered = new TextField();
        tendered.setId("feeTendered");
        tendered.setPromptText(i18n.t("fee.tendered.prompt"));
        tendered.visibleProperty().bind(cash.selectedProperty());
        Label change = new Label();
        change.setId("feeChange");
        change.visibleProperty().bind(cash.selectedProperty());
        Runnable refresh = () -> {
            Fee f = fee.getValue();
            price.setText(f == null ? "" : i18n.t("fee.price", Formats.money(f.price()), I18n.rate(f.vatRatePercent())));
            String c = model.change(f, tendered.getText());
            change.setText(c.isEmpty() ? "" : i18n.t("fee.change", Formats.money(c)));
        };
        fee.valueProperty().addListener((o, was, now) -> refresh.run());
        tendered.textProperty().addListener((o, was, now) -> refresh.run());

        Label error = new Label();
        error.setId("feeError");
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        InlineMessage.show(error, null);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(bg.busy());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label(i18n.t("fee.fee")), fee);
        form.addRow(1, new Label(""), price);
        form.addRow(2, new Label(i18n.t("fee.case")), caseCode);
        form.addRow(3, new Label(i18n.t("fee.method")), new HBox(6, cash, card));
        form.addRow(4, new Label(i18n.t("fee.tendered")), new HBox(8, tendered, change));
        // where the clerk checks an unconfirmed sale before giving it up (fee.unknown), and any time before
        Button list = new Button(i18n.t("fee.sales.open"));
        list.setId("feeSalesButton");
        list.setOnAction(e -> new FeeSalesDialog(i18n, new FeeSalesModel(bg, model.api(), model.counterId(), i18n))
                .show(d.getDialogPane().getScene().getWindow()));
        VBox box = new VBox(10, form, new HBox(8, busy, error), list);
        box.setPadding(new Insets(12));
        box.setPrefWidth(520);
        d.getDialogPane().setContent(box);

        for (Node field : List.of(fee, caseCode, cash, card, tendered)) {
            field.disableProperty().bind(locked);
        }
        Button ok = (Button) d.getDialogPane().lookupButton(sell);
        ok.setId("feeSellButton");
        ok.disableProperty().bind(bg.busy());
        ok.textProperty().bind(Bindings.when(locked).then(i18n.t("fee.retry")).otherwise(i18n.t("fee.sell")));
        Button no = (Button) d.getDialogPane().lookupButton(cancel);
        no.setId("feeCancelButton");
        no.disableProperty().bind(bg.busy());
        no.textProperty().bind(Bindings.when(locked).then(i18n.t("fee.resolve")).otherwise(i18n.t("fee.cancel")));
        no.cancelButtonProperty().bind(locked.not()); // Escape must not give up an unknown sale
        no.addEventFilter(ActionEvent.ACTION, e -> {
            if (locked.get()) {
                e.consume(); // the form closes once the local file no longer holds the sale
                // the clerk was told to check the counter's sales list before selling again
                bg.run(() -> {
                    model.resolve();
                    return null;
                }, x -> {
                    locked.set(false);
                    d.close();
                }, x -> InlineMessage.show(error, message(x)));
            }
        });
        d.setOnCloseRequest(e -> {
            if (model.unknownOutcome().isPresent()) {
                e.consume(); // closing the window is not an answer: retry or resolve
            }
        });
        d.setOnHidden(e -> model.end());
        Consumer<ApiException> failed = x -> {
            locked.set(model.unknownOutcome().isPresent());
            // a retry the server did not take in (session over, too many requests) says why, and that it is still unknown
            boolean notTakenIn = locked.get() && !x.unreachable() && x.status() >= 400 && x.status() < 500;
            InlineMessage.show(error, !locked.get() ? message(x) : notTakenIn ? message(x) + " " + i18n.t("fee.unknown") : i18n.t("fee.unknown"));
        };
        BiConsumer<FeeSaleModel.Sold, Fee> done = (sold, f) -> {
            d.setResult(sell);
            d.close();
            onSold.accept(sold, name(f));
        };
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only once the server has the sale
            Optional<FeeSaleModel.Request> unknown = model.unknownOutcome();
            if (unknown.isPresent()) {
                bg.run(model::retry, sold -> done.accept(sold, unknown.get().fee()), failed);
                return;
            }
            Fee f = fee.getValue();
            boolean isCash = cash.isSelected();
            String given = tendered.getText();
            String code = caseCode.getText();
            Optional<String> problem = model.problem(f, isCash, given, code);
            if (problem.isPresent()) {
                InlineMessage.show(error, i18n.t(problem.get(), f == null ? "" : Formats.money(f.price())));
                return;
            }
            InlineMessage.show(error, null);
            Runnable doSell = () -> bg.run(() -> model.sell(f, isCash, given, code), sold -> done.accept(sold, f), failed);
            if (isCash) {
                // the law wants the day's initial cash registered before the first cash receipt
                beforeCash.then(d.getDialogPane().getScene().getWindow(), doSell, text -> InlineMessage.show(error, text));
            } else {
                doSell.run();
            }
        });
        Runnable showUnknown = () -> model.unknownOutcome().ifPresent(r -> {
            locked.set(true);
            fee.setValue(r.fee());
            cash.setSelected(r.cash());
            card.setSelected(!r.cash());
            tendered.setText(r.tendered() == null ? "" : r.tendered());
            caseCode.setText(r.caseCode() == null ? "" : r.caseCode());
            InlineMessage.show(error, i18n.t("fee.unknown"));
        });
        // a sale left unknown before the client was restarted or the clerk logged in again locks the form too
        bg.run(() -> {
            model.restore();
            return null;
        }, x -> showUnknown.run(), x -> InlineMessage.show(error, message(x)));
        bg.run(() -> model.api().catalogue(), fees -> {
            fee.getItems().setAll(fees);
            // the locked sale shows the fee it was sent with, even once the catalogue has arrived
            model.unknownOutcome().ifPresent(r -> fee.setValue(r.fee()));
        }, x -> {
            InlineMessage.show(error, message(x));
            showUnknown.run(); // with no catalogue, the warning about the unknown sale matters more
        });
        showUnknown.run();
        d.setOnShown(e -> fee.requestFocus());
        d.show();
    }

    private String name(Fee f) {
        return "en".equals(i18n.lang()) ? f.nameEn() : f.name();
    }

    private ToggleButton toggle(String key, String id, ToggleGroup group) {
        ToggleButton b = new ToggleButton(i18n.t(key));
        b.setId(id);
        b.setToggleGroup(group);
        return b;
    }

    private String message(ApiException e) {
        return AppContext.describe(i18n, e);
    }
}
