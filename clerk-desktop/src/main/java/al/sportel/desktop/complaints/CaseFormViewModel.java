package al.sportel.desktop.complaints;

import al.sportel.model.billing.Customer;
import al.sportel.model.cases.CaseView;
import al.sportel.model.cases.CaseCategory;

import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Jobs;
import al.sportel.desktop.billing.ReceiptPrinter;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The complaint/application form without its controls: fields, their checks (shown once the clerk
 * has tried to save), saving through the outbox, and what happens to a case kept offline — when
 * the server takes it, the form says its real tracking code by itself and its slip can be printed.
 */
public final class CaseFormViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(CaseFormViewModel.class);

    private final CaseDesk desk;
    private final Jobs jobs;
    private final I18n i18n;
    private final Supplier<String> currentTicketId;
    private final BooleanProperty complaint = new SimpleBooleanProperty(true);
    private final ObjectProperty<CaseCategory> category = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty customer = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObservableList<CaseCategory> categories = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper categoryError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper descriptionError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<CaseView> registered = new ReadOnlyObjectWrapper<>();
    private Consumer<CaseView> onRegistered = c -> { };
    private boolean attempted;
    private Long waitingFor;

    public CaseFormViewModel(CaseDesk desk, Jobs jobs, I18n i18n, Supplier<String> currentTicketId) {
        this.desk = desk;
        this.jobs = jobs;
        this.i18n = i18n;
        this.currentTicketId = currentTicketId;
        category.addListener((o, a, b) -> check());
        name.addListener((o, a, b) -> check());
        description.addListener((o, a, b) -> check());
        complaint.addListener((o, a, b) -> loadCategories());
    }

    /** Told each case the server registers (at once, or later for one kept offline); the list refreshes then. */
    public void onRegistered(Consumer<CaseView> onRegistered) {
        this.onRegistered = onRegistered;
    }

    public BooleanProperty complaint() {
        return complaint;
    }

    public ObjectProperty<CaseCategory> category() {
        return category;
    }

    public StringProperty name() {
        return name;
    }

    public StringProperty customer() {
        return customer;
    }

    public StringProperty phone() {
        return phone;
    }

    public StringProperty email() {
        return email;
    }

    public StringProperty description() {
        return description;
    }

    public ObservableList<CaseCategory> categories() {
        return categories;
    }

    public ReadOnlyStringProperty categoryError() {
        return categoryError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameError() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionError() {
        return descriptionError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** The last case registered, whose slip can be printed again; null before the first. */
    public ReadOnlyObjectProperty<CaseView> registered() {
        return registered.getReadOnlyProperty();
    }

    public String categoryName(CaseCategory c) {
        return "en".equals(i18n.lang()) ? c.nameEn() : c.name();
    }

    /** Shows a message from the list below the form (a refusal, no connection). */
    public void say(String text) {
        message.set(text);
    }

    public void loadCategories() {
        boolean forComplaint = complaint.get();
        jobs.run(() -> desk.categories(forComplaint), list -> {
            categories.setAll(list);
            category.set(list.isEmpty() ? null : list.get(0));
        }, e -> message.set(AppContext.describe(i18n, e)));
    }

    public void fillFrom(Customer c) {
        customer.set(c.code());
        name.set(c.name());
    }

    public void save() {
        attempted = true;
        if (!check()) {
            return;
        }
        CaseCategory cat = category.get();
        CaseDesk.Request request = new CaseDesk.Request(complaint.get(), cat.code(), categoryName(cat), name.get().strip(),
                description.get().strip(), customer.get(), phone.get(), email.get(), currentTicketId.get());
        String summary = i18n.t(complaint.get() ? "case.summary.complaint" : "case.summary.application", request.name());
        boolean[] slipPrinted = {true};
        jobs.run(() -> {
            CaseDesk.Submitted s = desk.submit(request, summary);
            if (s.registered() == null && s.refusal() == null) {
                // only a local reference: the citizen takes a paper that says where the real code will be
                try {
                    desk.printLocalSlip(s.reference(), request);
                } catch (Exception e) {
                    // the case is saved in the outbox: saying "failed" here would have the clerk enter it twice
                    LOG.warn("case {} saved offline but its slip not printed", s.reference(), e);
                    slipPrinted[0] = false;
                }
            }
            return s;
        }, s -> {
            if (s.refusal() != null) {
                message.set(s.refusal());
                return;
            }
            attempted = false;
            description.set("");
            check();
            if (s.registered() == null) {
                waitingFor = s.outboxId();
                message.set(i18n.t(slipPrinted[0] ? "case.offline.saved" : "case.offline.savedNotPrinted", s.reference()));
                return;
            }
            registered(s);
        }, e -> message.set(AppContext.describe(i18n, e)));
    }

    /** The outbox moved: if the case kept offline has reached the server, say its real code. */
    public void outboxChanged() {
        Long id = waitingFor;
        if (id == null) {
            return;
        }
        jobs.run(() -> desk.settled(id), settled -> settled.ifPresent(s -> {
            waitingFor = null;
            if (s.refusal() != null) {
                message.set(i18n.t("case.offline.refused", s.reference(), s.refusal()));
            } else {
                registered(s);
                message.set(i18n.t("case.offline.registered", s.reference(), s.registered().trackingCode()));
            }
        }), e -> { }); // asked again at the next change of the outbox
    }

    private void registered(CaseDesk.Submitted s) {
        registered.set(s.registered());
        message.set(saved(s.registered().trackingCode(), s.slip()));
        onRegistered.accept(s.registered());
    }

    /** Prints the slip of the last registered case again, with its real tracking code. */
    public void printSlip() {
        CaseView c = registered.get();
        if (c != null) {
            jobs.run(() -> desk.printSlip(c), out -> message.set(saved(c.trackingCode(), out)), e -> message.set(AppContext.describe(i18n, e)));
        }
    }

    /** Registered with its code, and what became of the citizen's slip: printed, saved as a PDF, or not made (null). */
    private String saved(String trackingCode, ReceiptPrinter.Outcome slip) {
        return slip == null ? i18n.t("case.saved.notPrinted", trackingCode)
                : slip.printed() ? i18n.t("case.saved", trackingCode) : i18n.t("case.saved.file", trackingCode, slip.file().toString());
    }

    private boolean check() {
        boolean show = attempted;
        String cat = category.get() == null ? i18n.t("case.error.category") : null;
        String who = name.get() == null || name.get().isBlank() ? i18n.t("case.error.name") : null;
        String what = description.get() == null || description.get().strip().length() < 10 ? i18n.t("case.error.description") : null;
        categoryError.set(show ? cat : null);
        nameError.set(show ? who : null);
        descriptionError.set(show ? what : null);
        return cat == null && who == null && what == null;
    }
}
