package al.sportel.desktop.billing;

import al.sportel.model.billing.Customer;
import al.sportel.model.billing.UnpaidBill;
import al.sportel.model.billing.Payment;

import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Jobs;
import al.sportel.model.Formats;
import al.sportel.model.Money;
import al.sportel.slip.Slip;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The payment panel without its controls: look up the customer, choose the bills, check the amount
 * and the change, pay (through the outbox, so offline too), reprint. Inputs are plain properties
 * the view binds both ways; everything else is read-only. Errors are null when the field is fine.
 */
// Over 300 lines because a view-model's surface is wide: four inputs and eleven read-only outputs,
// each with a field and an accessor. The logic (look-up, the checks, pay, reprint) is about half.
public final class PaymentViewModel {


    /** One unpaid bill and whether it is ticked. */
    public static final class BillChoice {
        private final UnpaidBill bill;
        private final BooleanProperty selected = new SimpleBooleanProperty(true);

        BillChoice(UnpaidBill bill) {
            this.bill = bill;
        }

        public UnpaidBill bill() {
            return bill;
        }

        public BooleanProperty selected() {
            return selected;
        }
    }

    /** A payment taken: its receipt number (or local reference) and the receipt file no printer took, if any. */
    public record Paid(String receipt, Path unprinted) {
    }

    /** What the confirmation dialog says. */
    public record Confirmation(String title, String header, String body) {
    }

    private record Checked(long amount, Long tendered) {
    }

    private final PaymentDesk desk;
    private final Jobs jobs;
    private final I18n i18n;
    private final Clock clock;
    private final long counterId;
    private final Supplier<String> currentTicketId;
    private final StringProperty customerCode = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty tendered = new SimpleStringProperty("");
    private final BooleanProperty cash = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<Customer> customer = new ReadOnlyObjectWrapper<>();
    private final ObservableList<BillChoice> bills = FXCollections.observableArrayList();
    private final ObservableList<BillChoice> billsView = FXCollections.unmodifiableObservableList(bills);
    private final ReadOnlyStringWrapper customerError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper customerNote = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper amountError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper tenderedError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper billsTotal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper change = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canPay = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper();
    private Consumer<Paid> onPaid = p -> { };
    private Payment lastPayment;
    private Slip lastOfflineReceipt;
    private String lastOfflineReference;

    public PaymentViewModel(PaymentDesk desk, Jobs jobs, I18n i18n, Clock clock, long counterId, Supplier<String> currentTicketId) {
        this.desk = desk;
        this.jobs = jobs;
        this.i18n = i18n;
        this.clock = clock;
        this.counterId = counterId;
        this.currentTicketId = currentTicketId;
        amount.addListener((o, a, b) -> validate());
        tendered.addListener((o, a, b) -> validate());
        cash.addListener((o, a, b) -> validate());
        validate();
    }

    /** Called after each payment taken, for a notification and to open an unprinted receipt. */
    public void onPaid(Consumer<Paid> onPaid) {
        this.onPaid = onPaid;
    }

    // --- inputs ---

    public StringProperty customerCode() {
        return customerCode;
    }

    public StringProperty amount() {
        return amount;
    }

    public StringProperty tendered() {
        return tendered;
    }

    public BooleanProperty cash() {
        return cash;
    }

    // --- outputs ---

    public ReadOnlyObjectProperty<Customer> customer() {
        return customer.getReadOnlyProperty();
    }

    public ObservableList<BillChoice> bills() {
        return billsView;
    }

    public ReadOnlyStringProperty customerError() {
        return customerError.getReadOnlyProperty();
    }

    /** Says the customer comes from the local copy (no link), or null. */
    public ReadOnlyStringProperty customerNote() {
        return customerNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty amountError() {
        return amountError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tenderedError() {
        return tenderedError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty billsTotal() {
        return billsTotal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty change() {
        return change.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPay() {
        return canPay.getReadOnlyProperty();
    }

    /** True while this panel waits for the server, the outbox or the printer. */
    public ReadOnlyBooleanProperty waiting() {
        return waiting.getReadOnlyProperty();
    }

    public String display(long qindarka) {
        return Formats.amount(qindarka);
    }

    // --- commands ---

    public void lookUp() {
        String code = customerCode.get() == null ? "" : customerCode.get().strip();
        if (!code.matches("[A-Za-z0-9]{1,20}")) {
            customerError.set(i18n.t("pay.customer.invalid"));
            return;
        }
        customerError.set(null);
        run(() -> desk.lookUp(code), found -> {
            showCustomer(found.customer());
            customerNote.set(found.cachedAt() == null ? null : i18n.t("pay.offline.customer", Formats.dateTime(found.cachedAt())));
        }, e -> {
            showCustomer(null);
            customerNote.set(null);
            customerError.set(e.status() == 404 ? i18n.t("pay.customer.notFound", code) : AppContext.describe(i18n, e));
        });
    }

    /** The dialog's texts for the payment as it stands; empty when it cannot be paid. */
    public Optional<Confirmation> confirmation() {
        return validate().map(c -> new Confirmation(i18n.t("pay.confirm.title"),
                i18n.t("pay.confirm.header", display(c.amount()), customer.get().name()),
                i18n.t("pay.confirm.body", display(c.amount()), AmountWords.say(c.amount(), i18n),
                        i18n.t(cash.get() ? "pay.cash" : "pay.card"),
                        c.tendered() == null ? "" : i18n.t("pay.confirm.change", display(c.tendered() - c.amount())))));
    }

    /** Takes the payment the clerk confirmed. Offline it is kept with a local reference and sent later. */
    public void pay() {
        Optional<Checked> checked = validate();
        if (checked.isEmpty() || jobs.busy().get()) {
            return;
        }
        Checked c = checked.get();
        Customer paidBy = customer.get();
        boolean offline = !desk.online();
        PaymentDesk.Request request = new PaymentDesk.Request(paidBy.code(), c.amount(), cash.get(), c.tendered(), counterId,
                currentTicketId.get(), offline, offline ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : null);
        String summary = i18n.t("pay.summary", display(c.amount()), paidBy.code(), paidBy.name());
        run(() -> desk.pay(request, paidBy, summary), out -> {
            if (out.refusal() != null) {
                message.set(i18n.t("pay.refused", out.refusal()));
                return;
            }
            tendered.set("");
            if (out.payment() == null) {
                lastPayment = null;
                lastOfflineReceipt = out.offlineReceipt();
                lastOfflineReference = out.offlineReference();
                message.set(i18n.t(out.printed() == null ? "pay.offline.notPrinted" : "pay.offline.done", out.offlineReference()));
                onPaid.accept(new Paid(out.offlineReference(), null));
            } else {
                lastPayment = out.payment();
                lastOfflineReceipt = null;
                ReceiptPrinter.Outcome printed = out.printed();
                message.set(printed == null ? i18n.t("pay.done.notPrinted", lastPayment.receiptNumber())
                        : printed.printed() ? i18n.t("pay.done.printed", lastPayment.receiptNumber())
                        : i18n.t("pay.done.saved", lastPayment.receiptNumber(), printed.file().toString()));
                onPaid.accept(new Paid(lastPayment.receiptNumber(),
                        printed != null && !printed.printed() ? printed.file() : null));
            }
            lookUp(); // the customer's new balance (or the cached bills, less what was just taken)
        }, e -> message.set(AppContext.describe(i18n, e)));
    }

    public void reprint() {
        if (lastPayment == null && lastOfflineReceipt != null) {
            Slip receipt = lastOfflineReceipt;
            String reference = lastOfflineReference;
            run(() -> desk.reprint(reference, receipt), out -> message.set(out.printed() ? i18n.t("pay.offline.reprinted", reference)
                    : i18n.t("pay.offline.reprintSaved", reference, out.file().toString())), e -> message.set(AppContext.describe(i18n, e)));
            return;
        }
        if (lastPayment == null) {
            message.set(i18n.t("pay.noLast"));
            return;
        }
        Payment p = lastPayment;
        run(() -> desk.reprint(p), out -> message.set(out.printed() ? i18n.t("pay.done.printed", p.receiptNumber())
                : i18n.t("pay.done.saved", p.receiptNumber(), out.file().toString())), e -> message.set(AppContext.describe(i18n, e)));
    }

    /** The ticked bills' total becomes the amount; the clerk may still type a part payment. */
    public void billsChanged() {
        Customer c = customer.get();
        long sum = bills.stream().filter(b -> b.selected().get()).mapToLong(b -> Money.parse(b.bill().amount())).sum();
        billsTotal.set(c == null ? "" : i18n.t("pay.billsTotal", display(sum), display(Money.parse(c.balance()))));
        amount.set(c == null || sum == 0 ? "" : Formats.amount(sum));
        validate();
    }

    private void showCustomer(Customer c) {
        customer.set(c);
        bills.setAll(c == null ? List.of() : c.unpaidBills().stream().map(BillChoice::new).toList());
        bills.forEach(b -> b.selected().addListener((o, was, now) -> billsChanged()));
        billsChanged();
    }

    private <T> void run(Jobs.Job<T> job, Consumer<T> onDone, Consumer<ApiException> onError) {
        waiting.set(true);
        jobs.run(job, r -> {
            waiting.set(false);
            onDone.accept(r);
        }, e -> {
            waiting.set(false);
            onError.accept(e);
        });
    }

    /** "16263,19", "16 263,19" or "16263.19"; null for anything that is not an amount. */
    private static Long parse(String text) {
        return Formats.tryParseMoney(text).orElse(null);
    }

    /** Checks on every keystroke; Pay is enabled only for a valid payment. */
    private Optional<Checked> validate() {
        amountError.set(null);
        tenderedError.set(null);
        change.set("");
        Optional<Checked> ok = check();
        canPay.set(ok.isPresent());
        return ok;
    }

    private Optional<Checked> check() {
        if (customer.get() == null) {
            return Optional.empty();
        }
        Long value = parse(amount.get());
        if (value == null || value <= 0) {
            if (amount.get() != null && !amount.get().isBlank()) {
                amountError.set(i18n.t("pay.error.amount"));
            }
            return Optional.empty();
        }
        long owed = Money.parse(customer.get().balance());
        if (value > owed) {
            amountError.set(i18n.t("pay.error.tooMuch", display(owed)));
            return Optional.empty();
        }
        if (!cash.get()) {
            return Optional.of(new Checked(value, null));
        }
        Long given = parse(tendered.get());
        if (given == null) {
            if (tendered.get() != null && !tendered.get().isBlank()) {
                tenderedError.set(i18n.t("pay.error.amount"));
            }
            return Optional.empty();
        }
        if (given < value) {
            tenderedError.set(i18n.t("pay.error.tendered"));
            return Optional.empty();
        }
        change.set(i18n.t("pay.change", display(given - value)));
        return Optional.of(new Checked(value, given));
    }
}
