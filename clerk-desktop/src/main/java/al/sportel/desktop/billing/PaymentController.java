package al.sportel.desktop.billing;

import al.sportel.model.billing.Customer;

import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.Forms;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Notify;
import al.sportel.desktop.app.Session;
import al.sportel.desktop.fees.FeeApi;
import al.sportel.desktop.fiscal.CounterKey;
import al.sportel.desktop.fiscal.OfflineNslfIssuer;
import al.sportel.desktop.fees.FeeSaleAttempts;
import al.sportel.desktop.fees.FeeSaleDialog;
import al.sportel.desktop.fees.FeeSaleModel;
import al.sportel.desktop.offline.CounterLink;
import al.sportel.model.Money;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.validation.ValidationSupport;

/**
 * The payment panel's view: a scanner types the code and Enter, the clerk ticks bills, checks the
 * amount and the change, confirms, pays, prints. The logic is in {@link PaymentViewModel}.
 */
public final class PaymentController {

    @FXML private TextField customerCode;
    @FXML private Button lookupButton;
    @FXML private Label customerNote;
    @FXML private Label customerName;
    @FXML private Label customerAddress;
    @FXML private VBox billsBox;
    @FXML private Label billsTotal;
    @FXML private TextField paymentAmount;
    @FXML private ToggleButton cashToggle;
    @FXML private ToggleButton cardToggle;
    @FXML private Label tenderedLabel;
    @FXML private TextField tendered;
    @FXML private Label changeLabel;
    @FXML private Button payButton;
    @FXML private Label paymentMessage;
    @FXML private Button reprintButton;
    @FXML private Button feeButton;
    @FXML private Button shiftButton;
    @FXML private MaskerPane masker;

    private AppContext app;
    private I18n i18n;
    private Session session;
    private PaymentViewModel vm;
    private CashDepositDialog drawer;
    private CounterLink link;
    private FeeSaleDialog fees;

    public void init(AppContext app, Session session, CounterLink link, Supplier<String> currentTicketId) {
        this.app = app;
        this.i18n = app.i18n();
        this.session = session;
        this.link = link;
        ReceiptPrinter printer = new ReceiptPrinter(app.config().dataDir(), () -> PrinterChoice.from(app.settings()));
        this.drawer = new CashDepositDialog(i18n, app.background(),
                new CashDrawerModel(new CashDrawerApi(session.api()), session.counter().id(), Clock.systemUTC()));
        this.fees = new FeeSaleDialog(i18n, app.background(), new FeeSaleModel(new FeeApi(session.api()), printer,
                session.counter().id(), i18n.lang(), new FeeSaleAttempts(app.local().store()), session.user().username()),
                drawer::beforeCash);
        LinkedPaymentDesk desk = new LinkedPaymentDesk(session.api(), link, printer, i18n, session);
        app.background().fireAndForget(() -> {
            // a counter key is opt-in (ADR 0007 section 3): without the two settings nothing changes
            CounterKey.load(app.settings().get(CounterKey.KEYSTORE, ""), app.settings().get(CounterKey.PASSWORD_FILE, ""))
                    .ifPresent(key -> desk.useCounterKey(new OfflineNslfIssuer(app.local().store(), key, session.counter().id(),
                            Clock.systemUTC())));
            return null;
        });
        this.vm = new PaymentViewModel(desk, app.background(), i18n,
                Clock.systemUTC(), session.counter().id(), currentTicketId);
        vm.onPaid(paid -> {
            Notify.info(payButton, i18n.t("notify.payment.sent", paid.receipt()));
            if (paid.unprinted() != null) {
                app.open(paid.unprinted());
            }
        });

        ToggleGroup method = new ToggleGroup();
        cashToggle.setToggleGroup(method);
        cardToggle.setToggleGroup(method);
        method.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always chosen
            }
        });
        cashToggle.selectedProperty().bindBidirectional(vm.cash());
        customerCode.textProperty().bindBidirectional(vm.customerCode());
        paymentAmount.textProperty().bindBidirectional(vm.amount());
        tendered.textProperty().bindBidirectional(vm.tendered());
        tendered.visibleProperty().bind(vm.cash());
        tenderedLabel.visibleProperty().bind(vm.cash());

        ValidationSupport validation = Forms.validation();
        Forms.validate(validation, customerCode, vm.customerError());
        Forms.validate(validation, paymentAmount, vm.amountError());
        Forms.validate(validation, tendered, vm.tenderedError());

        Forms.show(customerNote, vm.customerNote());
        customerName.textProperty().bind(Bindings.createStringBinding(() -> vm.customer().get() == null ? ""
                : vm.customer().get().name(), vm.customer()));
        customerAddress.textProperty().bind(Bindings.createStringBinding(() -> vm.customer().get() == null ? ""
                : vm.customer().get().address(), vm.customer()));
        billsTotal.textProperty().bind(vm.billsTotal());
        changeLabel.textProperty().bind(vm.change());
        paymentMessage.textProperty().bind(vm.message());
        vm.bills().addListener((ListChangeListener<PaymentViewModel.BillChoice>) c -> showBills());
        // a customer who owes nothing leaves the bill list empty before and after: the credit line needs this too
        vm.customer().addListener((o, was, now) -> showBills());
        payButton.disableProperty().bind(vm.canPay().not());
        lookupButton.disableProperty().bind(app.background().busy());
        shiftButton.disableProperty().bind(app.background().busy());
        feeButton.disableProperty().bind(app.background().busy());
        reprintButton.disableProperty().bind(app.background().busy());
        masker.setText(i18n.t("pay.waiting"));
        masker.visibleProperty().bind(vm.waiting());
    }

    /** The customer last looked up, for the complaint form to start from. */
    public Optional<Customer> customer() {
        return Optional.ofNullable(vm.customer().get());
    }

    public Button payButton() {
        return payButton;
    }

    public void focus() {
        customerCode.requestFocus();
    }

    private void showBills() {
        billsBox.getChildren().clear();
        if (vm.customer().get() != null && vm.bills().isEmpty()) {
            billsBox.getChildren().add(new Label(i18n.t("pay.noBills")));
        }
        for (PaymentViewModel.BillChoice b : vm.bills()) {
            CheckBox cb = new CheckBox(i18n.t("pay.bill", b.bill().period(), i18n.date(b.bill().dueDate()),
                    vm.display(Money.parse(b.bill().amount()))));
            cb.selectedProperty().bindBidirectional(b.selected());
            billsBox.getChildren().add(cb);
        }
        if (vm.customer().get() != null) {
            CustomerLedgerLines.addTo(billsBox, vm.customer().get(), i18n); // credit and the latest payment's channel
        }
    }

    @FXML
    private void onLookup() {
        vm.lookUp();
    }

    @FXML
    private void onPay() {
        if (app.background().busy().get() || !vm.canPay().get()) {
            return;
        }
        if (vm.cash().get() && link.isUp()) {
            // the law wants the day's initial cash registered before the first cash receipt (cut off from
            // the server the payment goes to the outbox and no deposit can be registered anyway)
            drawer.beforeCash(payButton.getScene().getWindow(), this::confirmAndPay, text -> Notify.warning(payButton, text));
        } else {
            confirmAndPay();
        }
    }

    private void confirmAndPay() {
        vm.confirmation().filter(c -> app.dialogs().confirm(payButton.getScene().getWindow(), "paymentConfirm",
                c.title(), c.header(), c.body())).ifPresent(c -> vm.pay());
    }

    @FXML
    private void onReprint() {
        vm.reprint();
    }

    @FXML
    private void onPrinter() {
        PrinterDialog.show(reprintButton.getScene().getWindow(), i18n, app.background(), app.settings());
    }

    @FXML
    private void onFee() {
        fees.show(payButton.getScene().getWindow(), (sold, name) -> {
            String text = i18n.t(sold.printed() == null ? "fee.sold.unprinted" : "fee.sold", name, sold.sale().receiptNumber());
            Notify.info(payButton, text);
            if (sold.printed() != null && !sold.printed().printed()) {
                app.open(sold.printed().file());
            }
        });
    }

    @FXML
    private void onShift() {
        ShiftReportDialog.show(payButton.getScene().getWindow(), app, session, drawer);
    }
}
