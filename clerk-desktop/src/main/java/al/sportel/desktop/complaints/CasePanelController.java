package al.sportel.desktop.complaints;

import al.sportel.model.billing.Customer;
import al.sportel.model.cases.CaseAttachment;
import al.sportel.model.cases.CaseView;
import al.sportel.model.cases.CaseCategory;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.CasesApi;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.Background;
import al.sportel.desktop.app.Forms;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Session;
import al.sportel.desktop.app.Tables;
import al.sportel.desktop.billing.PrinterChoice;
import al.sportel.desktop.billing.ReceiptPrinter;
import al.sportel.desktop.offline.CounterLink;
import al.sportel.desktop.offline.Outbox;
import java.util.HashMap;
import al.sportel.model.cases.CaseChange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.validation.ValidationSupport;

/**
 * Logging a complaint or application for the customer at the counter (prefilled from the payment
 * panel's customer), printing its slip, and working the branch's open cases. The form's logic is in
 * {@link CaseFormViewModel}; the list of open cases is worked here.
 */
public final class CasePanelController {

    @FXML private ToggleButton complaintToggle;
    @FXML private ToggleButton applicationToggle;
    @FXML private Button fromCustomerButton;
    @FXML private SearchableComboBox<CaseCategory> caseCategory;
    @FXML private TextField caseName;
    @FXML private TextField caseCustomer;
    @FXML private TextField casePhone;
    @FXML private TextField caseEmail;
    @FXML private TextArea caseDescription;
    @FXML private Button saveCaseButton;
    @FXML private Button slipButton;
    @FXML private Label caseMessage;
    @FXML private ComboBox<String> statusFilter;
    @FXML private SearchableComboBox<String> categoryFilter;
    @FXML private CheckBox overdueFilter;
    @FXML private TableView<CaseView> caseTable;
    @FXML private AttachmentsPane caseAttachments;
    @FXML private TextField statusNote;
    @FXML private CheckBox notePublic;
    @FXML private Button reviewButton;
    @FXML private Button resolveButton;
    @FXML private Button rejectButton;
    @FXML private Button approveButton;

    private I18n i18n;
    private Background bg;
    private ApiClient api;
    private Session session;
    private Supplier<Optional<Customer>> lookedUp;
    private CounterLink link;
    private CaseFormViewModel form;
    private final Map<String, String> categoryNames = new HashMap<>();

    public void init(AppContext app, Session session, CounterLink link, Supplier<String> currentTicketId,
                     Supplier<Optional<Customer>> lookedUp) {
        this.link = link;
        this.i18n = app.i18n();
        this.bg = app.background();
        this.api = session.api();
        this.session = session;
        this.lookedUp = lookedUp;
        ReceiptPrinter printer = new ReceiptPrinter(app.config().dataDir(), () -> PrinterChoice.from(app.settings()));
        this.form = new CaseFormViewModel(new LinkedCaseDesk(api, link, printer, i18n, session), bg, i18n, currentTicketId);
        form.onRegistered(c -> onRefresh());
        // a complaint kept offline is registered by the outbox sender: the form and list follow by themselves
        link.pending().addListener((o, was, now) -> form.outboxChanged());
        bindForm();
        statusFilter.getItems().setAll("ALL", "RECEIVED", "IN_REVIEW", "RESOLVED", "REJECTED", "APPROVED");
        statusFilter.setConverter(converter(s -> i18n.t("case.status." + s)));
        statusFilter.setValue("ALL");
        categoryFilter.getItems().setAll("ALL");
        categoryFilter.setValue("ALL");
        categoryFilter.setConverter(converter(s -> "ALL".equals(s) ? i18n.t("case.status.ALL") : categoryNames.getOrDefault(s, s)));
        form.categories().addListener((ListChangeListener<CaseCategory>) c -> categoriesChanged());
        categoryFilter.valueProperty().addListener((o, a, b) -> onRefresh());
        statusFilter.valueProperty().addListener((o, a, b) -> onRefresh());
        overdueFilter.selectedProperty().addListener((o, a, b) -> onRefresh());
        setUpTable();
        CaseAttachmentsViewModel attachments = new CaseAttachmentsViewModel(new CaseAttachmentsViewModel.Source() {
            @Override
            public List<CaseAttachment> list(long caseId) throws Exception {
                return new CasesApi(api).attachments(caseId);
            }

            @Override
            public byte[] bytes(long caseId, long attachmentId) throws Exception {
                return new CasesApi(api).attachment(caseId, attachmentId);
            }
        }, bg, i18n, app::open);
        caseAttachments.init(attachments, i18n);
        caseTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now == null || was == null || now.id() != was.id()) {
                attachments.show(now);
            }
        });
        for (Button b : List.of(reviewButton, resolveButton, rejectButton, approveButton)) {
            b.disableProperty().bind(bg.busy().or(caseTable.getSelectionModel().selectedItemProperty().isNull()));
        }
        form.loadCategories();
        onRefresh();
    }

    private void bindForm() {
        ToggleGroup kind = new ToggleGroup();
        complaintToggle.setToggleGroup(kind);
        applicationToggle.setToggleGroup(kind);
        kind.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            }
        });
        complaintToggle.selectedProperty().bindBidirectional(form.complaint());
        caseCategory.setItems(form.categories());
        caseCategory.valueProperty().bindBidirectional(form.category());
        caseCategory.setConverter(converter(c -> i18n.t("case.category.withDeadline", form.categoryName(c), c.deadlineDays())));
        caseName.textProperty().bindBidirectional(form.name());
        caseCustomer.textProperty().bindBidirectional(form.customer());
        casePhone.textProperty().bindBidirectional(form.phone());
        caseEmail.textProperty().bindBidirectional(form.email());
        caseDescription.textProperty().bindBidirectional(form.description());
        ValidationSupport validation = Forms.validation();
        Forms.validate(validation, caseCategory, form.categoryError());
        Forms.validate(validation, caseName, form.nameError());
        Forms.validate(validation, caseDescription, form.descriptionError());
        caseMessage.textProperty().bind(form.message());
        saveCaseButton.disableProperty().bind(bg.busy());
        slipButton.disableProperty().bind(bg.busy().or(form.registered().isNull()));
    }

    private void categoriesChanged() {
        String keep = categoryFilter.getValue();
        categoryNames.clear();
        form.categories().forEach(c -> categoryNames.put(c.code(), form.categoryName(c)));
        categoryFilter.getItems().setAll("ALL");
        form.categories().forEach(c -> categoryFilter.getItems().add(c.code()));
        categoryFilter.setValue(categoryFilter.getItems().contains(keep) ? keep : "ALL");
        caseTable.refresh();
    }

    private void setUpTable() {
        caseTable.getColumns().setAll(List.of(
                Tables.<CaseView>column(i18n.t("case.col.code"), CaseView::trackingCode),
                Tables.<CaseView>column(i18n.t("case.col.category"), c -> categoryNames.getOrDefault(c.category(), c.category())),
                Tables.<CaseView>column(i18n.t("case.col.status"), c -> i18n.t("case.status." + c.status())
                        + (c.overdue() ? "  " + i18n.t("case.overdue") : "")),
                Tables.<CaseView>column(i18n.t("case.col.due"), c -> i18n.date(c.dueAt().atZone(I18n.ZONE).toLocalDate())
                        + " " + i18n.time(c.dueAt())),
                Tables.<CaseView>column(i18n.t("case.col.name"), CaseView::name)));
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

    @FXML
    private void onFromCustomer() {
        lookedUp.get().ifPresent(form::fillFrom);
    }

    /** Prefills from the payment panel when the clerk opens this tab. */
    public void prefill() {
        if (caseName.getText().isBlank()) {
            onFromCustomer();
        }
    }

    @FXML
    private void onSave() {
        form.save();
    }

    @FXML
    private void onSlip() {
        form.printSlip();
    }

    @FXML
    private void onRefresh() {
        String branch = session.branchCode();
        String status = "ALL".equals(statusFilter.getValue()) ? null : statusFilter.getValue();
        boolean overdue = overdueFilter.isSelected();
        String category = categoryFilter.getValue() == null || "ALL".equals(categoryFilter.getValue()) ? null : categoryFilter.getValue();
        bg.run(() -> new CasesApi(api).list(branch, status, category, overdue), list -> caseTable.getItems().setAll(list),
                e -> show(AppContext.describe(i18n, e)));
    }

    @FXML
    private void onReview() {
        change("IN_REVIEW");
    }

    @FXML
    private void onResolve() {
        change("RESOLVED");
    }

    @FXML
    private void onReject() {
        change("REJECTED");
    }

    @FXML
    private void onApprove() {
        change("APPROVED");
    }

    private void change(String status) {
        CaseView c = caseTable.getSelectionModel().getSelectedItem();
        if (c == null) {
            show(i18n.t("case.error.select"));
            return;
        }
        // staff notes stay internal unless the clerk shows this one to the citizen on the tracking page
        String note = statusNote.getText();
        CaseChange body = new CaseChange(status, note == null || note.isBlank() ? null : note.strip(), notePublic.isSelected());
        String path = CasesApi.path(c);
        String summary = i18n.t("case.summary.status", c.trackingCode(), i18n.t("case.status." + status));
        bg.run(() -> {
            Outbox.Item item = link.submit(Outbox.Kind.CASE_STATUS, "PATCH", path, body, summary);
            return link.awaitSettled(item);
        }, settled -> {
            if (settled.isPresent() && settled.get().state() == Outbox.State.FAILED) {
                show(AppContext.describe(i18n, settled.get()));
                return;
            }
            statusNote.clear();
            notePublic.setSelected(false);
            show(null);
            if (settled.isEmpty()) {
                form.say(i18n.t("case.offline.status"));
                return;
            }
            onRefresh();
        }, e -> show(AppContext.describe(i18n, e)));
    }

    private void show(String text) {
        if (text != null) {
            form.say(text);
        }
    }
}
