package al.sportel.desktop.billing;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.app.Background;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Session;
import al.sportel.desktop.app.SportelApp;
import al.sportel.desktop.offline.CounterLink;
import al.sportel.desktop.offline.Outbox;
import al.sportel.model.Money;
import al.sportel.model.billing.Customer;
import al.sportel.model.billing.Payment;
import al.sportel.model.billing.PaymentRequest;
import al.sportel.model.billing.UnpaidBill;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/**
 * The payment panel: look up the customer (a scanner types the code and Enter), tick the bills,
 * check the amount and the change, confirm, pay, print. The idempotency key is made once per
 * payment goes into the outbox (committed locally with its idempotency key) before it is sent, so
 * neither a lost answer nor a dead link can lose it or take it twice; without the link the clerk
 * gets a receipt marked as issued offline.
 */
public final class PaymentController {

    @FXML private TextField customerCode;
    @FXML private Button lookupButton;
    @FXML private Label customerError;
    @FXML private Label customerName;
    @FXML private Label customerAddress;
    @FXML private VBox billsBox;
    @FXML private Label billsTotal;
    @FXML private TextField paymentAmount;
    @FXML private Label amountError;
    @FXML private ToggleButton cashToggle;
    @FXML private ToggleButton cardToggle;
    @FXML private Label tenderedLabel;
    @FXML private TextField tendered;
    @FXML private Label changeLabel;
    @FXML private Button payButton;
    @FXML private Label paymentMessage;
    @FXML private Button reprintButton;
    @FXML private Button shiftButton;

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("dd.MM HH:mm").withZone(java.time.ZoneId.of("Europe/Tirane"));

    private SportelApp app;
    private I18n i18n;
    private Background bg;
    private ApiClient api;
    private Session session;
    private Supplier<String> currentTicketId;
    private ReceiptPrinter printer;
    private Customer customer;
    private final List<CheckBox> billChecks = new ArrayList<>();
    private CounterLink link;
    private Payment lastPayment;
    private java.nio.file.Path lastOfflineReceipt;
    private CashDepositDialog drawer;

    public void init(SportelApp app, Session session, CounterLink link, Supplier<String> currentTicketId) {
        this.link = link;
        this.app = app;
        this.i18n = app.i18n();
        this.bg = app.background();
        this.api = session.api();
        this.session = session;
        this.currentTicketId = currentTicketId;
        this.printer = new ReceiptPrinter(app.config().dataDir());
        this.drawer = new CashDepositDialog(i18n, bg, new CashDrawerModel(new CashDrawerApi(api), session.counter().id(), Clock.systemUTC()));
        ToggleGroup method = new ToggleGroup();
        cashToggle.setToggleGroup(method);
        cardToggle.setToggleGroup(method);
        method.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always chosen
            }
            validate();
        });
        paymentAmount.textProperty().addListener((o, a, b) -> validate());
        tendered.textProperty().addListener((o, a, b) -> validate());
        tendered.visibleProperty().bind(cashToggle.selectedProperty());
        tenderedLabel.visibleProperty().bind(cashToggle.selectedProperty());
        lookupButton.disableProperty().bind(bg.busy());
        shiftButton.disableProperty().bind(bg.busy());
        reprintButton.disableProperty().bind(bg.busy());
        showCustomer(null);
        show(customerError, null);
        validate();
    }

    /** The customer last looked up, for the complaint form to start from. */
    public Optional<Customer> customer() {
        return Optional.ofNullable(customer);
    }

    public Button payButton() {
        return payButton;
    }

    public void focus() {
        customerCode.requestFocus();
    }

    @FXML
    private void onLookup() {
        String code = customerCode.getText().strip();
        if (!code.matches("[A-Za-z0-9]{1,20}")) {
            show(customerError, i18n.t("pay.customer.invalid"));
            return;
        }
        show(customerError, null);
        bg.run(() -> lookUp(code), found -> {
            showCustomer(found.customer());
            show(customerError, found.cachedAt() == null ? null : i18n.t("pay.offline.customer", TIME.format(found.cachedAt())));
        }, e -> {
            showCustomer(null);
            show(customerError, e.status() == 404 ? i18n.t("pay.customer.notFound", code)
                    : e.unreachable() ? i18n.t("action.unreachable") : e.getMessage());
        });
    }

    private record Found(Customer customer, java.time.Instant cachedAt) {
    }

    /**
     * The server's answer, kept in the local cache; without a link, the cached copy. Either way the
     * payments still waiting in the outbox are taken off, so nobody is asked to pay twice.
     */
    private Found lookUp(String code) throws Exception {
        Customer c;
        java.time.Instant cachedAt = null;
        try {
            c = api.customer(code);
            link.cache().put("customer", code, api.toJson(c));
            link.setUp(true);
        } catch (al.sportel.desktop.api.ApiException e) {
            if (!e.unreachable() && e.status() < 500) {
                throw e;
            }
            link.setUp(false);
            var cached = link.cache().get("customer", code);
            if (cached.isEmpty()) {
                throw e;
            }
            c = api.fromJson(cached.get().json(), Customer.class);
            cachedAt = cached.get().updatedAt();
        }
        for (long pendingAmount : link.pendingPayments(c.code())) {
            c = PendingPayments.lessPaid(c, pendingAmount);
        }
        return new Found(c, cachedAt);
    }

    private void showCustomer(Customer c) {
        customer = c;
        billChecks.clear();
        billsBox.getChildren().clear();
        customerName.setText(c == null ? "" : c.name());
        customerAddress.setText(c == null ? "" : c.address());
        if (c != null && c.unpaidBills().isEmpty()) {
            billsBox.getChildren().add(new Label(i18n.t("pay.noBills")));
        }
        if (c != null) {
            for (UnpaidBill b : c.unpaidBills()) {
                CheckBox cb = new CheckBox(i18n.t("pay.bill", b.period(), b.dueDate(), display(Money.parse(b.amount()))));
                cb.setSelected(true);
                cb.setUserData(b);
                cb.selectedProperty().addListener((o, was, now) -> fillAmountFromBills());
                billChecks.add(cb);
                billsBox.getChildren().add(cb);
            }
            CustomerLedgerLines.addTo(billsBox, c, i18n);
        }
        fillAmountFromBills();
    }

    /** The ticked bills' total becomes the amount; the clerk may still type a part payment. */
    private void fillAmountFromBills() {
        long sum = billChecks.stream().filter(CheckBox::isSelected)
                .mapToLong(cb -> Money.parse(((UnpaidBill) cb.getUserData()).amount())).sum();
        billsTotal.setText(customer == null ? "" : i18n.t("pay.billsTotal", display(sum), display(Money.parse(customer.balance()))));
        paymentAmount.setText(customer == null || sum == 0 ? "" : Money.format(sum));
        validate();
    }

    private record Checked(long amount, Long tendered) {
    }

    /** Inline checks on every keystroke; Pay is enabled only for a valid payment. */
    private Optional<Checked> validate() {
        show(amountError, null);
        changeLabel.setText("");
        Optional<Checked> ok = check();
        payButton.setDisable(ok.isEmpty());
        return ok;
    }

    private Optional<Checked> check() {
        if (customer == null) {
            return Optional.empty();
        }
        Long amount = parse(paymentAmount.getText());
        if (amount == null || amount <= 0) {
            if (!paymentAmount.getText().isBlank()) {
                show(amountError, i18n.t("pay.error.amount"));
            }
            return Optional.empty();
        }
        long owed = Money.parse(customer.balance());
        if (amount > owed) {
            show(amountError, i18n.t("pay.error.tooMuch", display(owed)));
            return Optional.empty();
        }
        if (!cashToggle.isSelected()) {
            return Optional.of(new Checked(amount, null));
        }
        Long given = parse(tendered.getText());
        if (given == null) {
            if (!tendered.getText().isBlank()) {
                show(amountError, i18n.t("pay.error.amount"));
            }
            return Optional.empty();
        }
        if (given < amount) {
            show(amountError, i18n.t("pay.error.tendered"));
            return Optional.empty();
        }
        changeLabel.setText(i18n.t("pay.change", display(given - amount)));
        return Optional.of(new Checked(amount, given));
    }

    @FXML
    private void onPay() {
        if (validate().isEmpty() || bg.busy().get()) {
            return;
        }
        if (cashToggle.isSelected()) {
            // the law wants the day's initial cash registered before the first cash receipt
            drawer.beforeCash(payButton.getScene().getWindow(), this::confirmAndPay, paymentMessage::setText);
        } else {
            confirmAndPay();
        }
    }

    private void confirmAndPay() {
        Optional<Checked> checked = validate();
        if (checked.isEmpty() || bg.busy().get()) {
            return;
        }
        Checked c = checked.get();
        String methodName = i18n.t(cashToggle.isSelected() ? "pay.cash" : "pay.card");
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(payButton.getScene().getWindow());
        confirm.setTitle(i18n.t("pay.confirm.title"));
        confirm.setHeaderText(i18n.t("pay.confirm.header", display(c.amount()), customer.name()));
        confirm.setContentText(i18n.t("pay.confirm.body", display(c.amount()), AmountWords.say(c.amount(), i18n.lang()), methodName,
                c.tendered() == null ? "" : i18n.t("pay.confirm.change", display(c.tendered() - c.amount()))));
        confirm.getDialogPane().setId("paymentConfirm");
        if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
            return;
        }
        PaymentRequest online = PaymentRequest.online(customer.code(), Money.format(c.amount()),
                cashToggle.isSelected() ? PaymentRequest.CASH : PaymentRequest.CARD,
                c.tendered() == null ? null : Money.format(c.tendered()), session.counter().id(), currentTicketId.get());
        // money changes hands now; the server must never refuse it for arriving late
        PaymentRequest body = link.isUp() ? online
                : online.takenOffline(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        String lang = i18n.lang();
        Customer paidBy = customer;
        String summary = i18n.t("pay.summary", display(c.amount()), paidBy.code(), paidBy.name());
        bg.run(() -> {
            // Committed to the local file before it is sent: from here on it cannot be lost or doubled.
            Outbox.Item item = link.submitPayment(body, summary);
            Optional<Outbox.Item> settled = link.awaitSettled(item);
            if (settled.isPresent() && settled.get().state() == Outbox.State.FAILED) {
                return new PayOutcome(null, null, item, settled.get().lastError());
            }
            if (settled.isPresent()) {
                Payment p = api.fromJson(settled.get().response(), Payment.class);
                ReceiptPrinter.Outcome printed;
                try {
                    printed = printer.print(p.receiptNumber(), api.receiptPdf(p.id(), lang));
                } catch (Exception e) {
                    printed = null; // the money is taken; the receipt can be reprinted
                }
                return new PayOutcome(p, printed, item, null);
            }
            byte[] pdf = OfflineReceipt.pdf(i18n, item, paidBy, c.amount(), c.tendered(), session);
            return new PayOutcome(null, printer.print("offline-" + OfflineReceipt.reference(item), pdf), item, null);
        }, out -> {
            if (out.refusal() != null) {
                paymentMessage.setText(i18n.t("pay.refused", out.refusal()));
                return;
            }
            tendered.clear();
            if (out.payment() == null) {
                lastPayment = null;
                lastOfflineReceipt = out.printed().file();
                paymentMessage.setText(i18n.t("pay.offline.done", OfflineReceipt.reference(out.item())));
                onLookup(); // the cached bills, less what was just taken
                return;
            }
            Payment p = out.payment();
            ReceiptPrinter.Outcome printed = out.printed();
            lastPayment = p;
            paymentMessage.setText(printed != null && printed.printed() ? i18n.t("pay.done.printed", p.receiptNumber())
                    : i18n.t("pay.done.saved", p.receiptNumber(), printed == null ? "—" : printed.file().toString()));
            if (printed != null && !printed.printed()) {
                app.open(printed.file());
            }
            onLookup(); // the customer's new balance
        }, e -> paymentMessage.setText(e.getMessage()));
    }

    private record PayOutcome(Payment payment, ReceiptPrinter.Outcome printed, Outbox.Item item, String refusal) {
    }

    @FXML
    private void onReprint() {
        if (lastPayment == null && lastOfflineReceipt != null) {
            java.nio.file.Path file = lastOfflineReceipt;
            bg.run(() -> printer.print(file.getFileName().toString().replace(".pdf", ""), java.nio.file.Files.readAllBytes(file)),
                    out -> paymentMessage.setText(out.file().toString()), e -> paymentMessage.setText(e.getMessage()));
            return;
        }
        if (lastPayment == null) {
            paymentMessage.setText(i18n.t("pay.noLast"));
            return;
        }
        Payment p = lastPayment;
        String lang = i18n.lang();
        bg.run(() -> printer.print(p.receiptNumber(), api.receiptPdf(p.id(), lang)),
                out -> paymentMessage.setText(out.printed() ? i18n.t("pay.done.printed", p.receiptNumber())
                        : i18n.t("pay.done.saved", p.receiptNumber(), out.file().toString())),
                e -> paymentMessage.setText(e.unreachable() ? i18n.t("action.unreachable") : e.getMessage()));
    }

    @FXML
    private void onShift() {
        ShiftReportDialog.show(payButton.getScene().getWindow(), app, session, drawer);
    }

    /** Accepts "2450", "2450.5", "2450,50" and "2 450,50"; null for anything else. */
    static Long parse(String text) {
        String t = text == null ? "" : text.strip().replace(" ", "").replace("\u00a0", "").replace(',', '.');
        try {
            return Money.parse(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String display(long qindarka) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance("en".equals(i18n.lang()) ? java.util.Locale.ENGLISH : I18n.ALBANIAN);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(Money.toDecimal(qindarka));
    }

    private static void show(Label label, String text) {
        al.sportel.desktop.app.InlineMessage.show(label, text);
    }

}
