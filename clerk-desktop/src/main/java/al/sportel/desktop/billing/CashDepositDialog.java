package al.sportel.desktop.billing;

import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.app.Background;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.InlineMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for cash going into or out of the drawer and registers it with the server (RegisterCashDeposit):
 * the day's initial cash before the first cash payment, or a withdrawal/deposit from the shift screen.
 * The dialog stays open with the error under the field until the server has it; the call runs in the
 * background. Not modal-blocking: {@code onRegistered} runs on the FX thread once it is registered.
 */
public final class CashDepositDialog {

    private final I18n i18n;
    private final Background bg;
    private final CashDrawerModel model;

    public CashDepositDialog(I18n i18n, Background bg, CashDrawerModel model) {
        this.i18n = i18n;
        this.bg = bg;
        this.model = model;
    }

    /**
     * Before a cash payment: runs {@code then} at once when today's initial cash is known (or cannot be
     * asked for), otherwise after the clerk has given it. Cancelling the question does not take the payment.
     */
    public void beforeCash(Window owner, Runnable then, Consumer<String> onError) {
        bg.run(model::needsInitial, needed -> {
            if (needed) {
                show(owner, CashOperation.INITIAL, d -> then.run());
            } else {
                then.run();
            }
        }, e -> onError.accept(message(e)));
    }

    /** The shift screen's "cash in / out": a WITHDRAW or a DEPOSIT. */
    public void duringDay(Window owner, Consumer<CashDrawerApi.Deposit> onRegistered) {
        show(owner, CashOperation.WITHDRAW, onRegistered);
    }

    private void show(Window owner, CashOperation first, Consumer<CashDrawerApi.Deposit> onRegistered) {
        boolean initial = first == CashOperation.INITIAL;
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.getDialogPane().setId(initial ? "cashInitialDialog" : "cashMoveDialog");
        d.setTitle(i18n.t(initial ? "cash.initial.title" : "cash.move.title"));
        d.setHeaderText(i18n.t(initial ? "cash.initial.header" : "cash.move.header"));
        ButtonType register = new ButtonType(i18n.t("cash.register"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(register, new ButtonType(i18n.t("cash.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        ToggleGroup kind = new ToggleGroup();
        ToggleButton withdraw = toggle("cash.withdraw", "cashWithdraw", CashOperation.WITHDRAW, kind);
        ToggleButton deposit = toggle("cash.deposit", "cashDeposit", CashOperation.DEPOSIT, kind);
        withdraw.setSelected(true);
        kind.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always chosen
            }
        });
        TextField amount = new TextField();
        amount.setId("cashAmount");
        amount.setPromptText(i18n.t("cash.amount.prompt"));
        Label error = new Label();
        error.setId("cashError");
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        InlineMessage.show(error, null);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(bg.busy());
        VBox box = new VBox(8);
        if (!initial) {
            box.getChildren().add(new HBox(6, withdraw, deposit));
        }
        box.getChildren().addAll(new Label(i18n.t("cash.amount")), new HBox(8, amount, busy), error);
        box.setPadding(new Insets(12));
        d.getDialogPane().setContent(box);

        Button ok = (Button) d.getDialogPane().lookupButton(register);
        ok.setId("cashRegisterButton");
        ok.disableProperty().bind(bg.busy());
        Map<String, String> attempts = new HashMap<>();
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only once the server has the deposit
            CashOperation op = initial ? CashOperation.INITIAL : (CashOperation) kind.getSelectedToggle().getUserData();
            String text = amount.getText();
            Optional<String> problem = model.problem(op, text);
            if (problem.isPresent()) {
                InlineMessage.show(error, i18n.t(problem.get()));
                return;
            }
            InlineMessage.show(error, null);
            // the same operation and amount pressed again in this dialog (after no answer) is the same attempt
            String key = attempts.computeIfAbsent(op + " " + CashDrawerModel.amount(text), k -> UUID.randomUUID().toString());
            bg.run(() -> model.register(op, text, key), registered -> {
                d.setResult(register);
                d.close();
                onRegistered.accept(registered);
            }, x -> InlineMessage.show(error, message(x)));
        });
        d.setOnShown(e -> amount.requestFocus());
        d.show();
    }

    private ToggleButton toggle(String key, String id, CashOperation op, ToggleGroup group) {
        ToggleButton b = new ToggleButton(i18n.t(key));
        b.setId(id);
        b.setUserData(op);
        b.setToggleGroup(group);
        return b;
    }

    private String message(ApiException e) {
        return AppContext.describe(i18n, e);
    }
}
