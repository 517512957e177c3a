package al.sportel.desktop.complaints;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.app.Background;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Session;
import al.sportel.desktop.app.SportelApp;
import al.sportel.desktop.app.Tables;
import al.sportel.desktop.billing.PrinterChoice;
import al.sportel.desktop.billing.ReceiptPrinter;
import al.sportel.desktop.offline.Outbox;
import al.sportel.model.billing.Customer;
import al.sportel.model.cases.CaseCategory;
import al.sportel.model.cases.CaseChange;
import al.sportel.model.cases.CaseView;
import al.sportel.model.cases.NewCase;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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

/**
 * Logging a complaint or application for the customer at the counter (prefilled from the payment
 * panel's customer), printing its slip, and working the branch's open cases.
 */
public final class CasePanelController {

    @FXML private ToggleButton complaintToggle;
    @FXML private ToggleButton applicationToggle;
    @FXML private Button fromCustomerButton;
    @FXML private ComboBox<CaseCategory> caseCategory;
    @FXML private TextField caseName;
    @FXML private TextField caseCustomer;
    @FXML private TextField casePhone;
    @FXML private TextField caseEmail;
    @FXML private TextArea caseDescription;
    @FXML private Label caseError;
    @FXML private Button saveCaseButton;
    @FXML private Label caseMessage;
    @FXML private ComboBox<String> statusFilter;
    @FXML private ComboBox<String> categoryFilter;
    @FXML private CheckBox overdueFilter;
    @FXML private TableView<CaseView> caseTable;
    @FXML private TextField statusNote;
    @FXML private Button reviewButton;
    @FXML private Button resolveButton;
    @FXML private Button rejectButton;
    @FXML private Button approveButton;

    private I18n i18n;
    private Background bg;
    private ApiClient api;
    private Session session;
    private Supplier<String> currentTicketId;
    private Supplier<Optional<Customer>> lookedUp;
    private ReceiptPrinter printer;
    private al.sportel.desktop.offline.CounterLink link;

    public void init(SportelApp app, Session session, al.sportel.desktop.offline.CounterLink link, Supplier<String> currentTicketId,
                     Supplier<Optional<Customer>> lookedUp) {
        this.link = link;
        this.i18n = app.i18n();
        this.bg = app.background();
        this.api = session.api();
        this.session = session;
        this.currentTicketId = currentTicketId;
        this.lookedUp = lookedUp;
        this.printer = new ReceiptPrinter(app.config().dataDir(), () -> PrinterChoice.from(app.settings()));
        ToggleGroup kind = new ToggleGroup();
        complaintToggle.setToggleGroup(kind);
        applicationToggle.setToggleGroup(kind);
        kind.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                loadCategories();
            }
        });
        caseCategory.setConverter(new StringConverter<>() {
            @Override
            public String toString(CaseCategory c) {
                return c == null ? "" : ("en".equals(i18n.lang()) ? c.nameEn() : c.name()) + " (" + c.deadlineDays() + " d)";
            }

            @Override
            public CaseCategory fromString(String s) {
                return null;
            }
        });
        statusFilter.getItems().setAll("ALL", "RECEIVED", "IN_REVIEW", "RESOLVED", "REJECTED", "APPROVED");
        statusFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : i18n.t("case.status." + s);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        statusFilter.setValue("ALL");
        categoryFilter.getItems().setAll("ALL");
        categoryFilter.setValue("ALL");
        categoryFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : "ALL".equals(s) ? i18n.t("case.status.ALL") : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        categoryFilter.valueProperty().addListener((o, a, b) -> onRefresh());
        statusFilter.valueProperty().addListener((o, a, b) -> onRefresh());
        overdueFilter.selectedProperty().addListener((o, a, b) -> onRefresh());
        setUpTable();
        saveCaseButton.disableProperty().bind(bg.busy());
        for (Button b : List.of(reviewButton, resolveButton, rejectButton, approveButton)) {
            b.disableProperty().bind(bg.busy().or(caseTable.getSelectionModel().selectedItemProperty().isNull()));
        }
        show(null);
        loadCategories();
        onRefresh();
    }

    private void setUpTable() {
        caseTable.getColumns().setAll(List.of(
                Tables.<CaseView>column(i18n.t("case.col.code"), CaseView::trackingCode),
                Tables.<CaseView>column(i18n.t("case.col.category"), CaseView::category),
                Tables.<CaseView>column(i18n.t("case.col.status"), c -> i18n.t("case.status." + c.status()) + (c.overdue() ? "  " + i18n.t("case.overdue") : "")),
                Tables.<CaseView>column(i18n.t("case.col.due"), c -> i18n.time(c.dueAt()) + " " + c.dueAt().atZone(I18n.ZONE).toLocalDate()),
                Tables.<CaseView>column(i18n.t("case.col.name"), CaseView::name)));
    }

    /** Reference data: from the server and kept locally, or the local copy when the server is out of reach. */
    private List<CaseCategory> categories(boolean complaint) throws Exception {
        String key = complaint ? "complaint" : "application";
        try {
            List<CaseCategory> list = api.caseCategories(complaint);
            link.cache().put("categories", key, api.toJson(list));
            return list;
        } catch (al.sportel.desktop.api.ApiException e) {
            var cached = link.cache().get("categories", key);
            if (!e.unreachable() || cached.isEmpty()) {
                throw e;
            }
            return List.of(api.fromJson(cached.get().json(), CaseCategory[].class));
        }
    }

    private void loadCategories() {
        boolean complaint = complaintToggle.isSelected();
        bg.run(() -> categories(complaint), list -> {
            caseCategory.getItems().setAll(list);
            String keep = categoryFilter.getValue();
            categoryFilter.getItems().setAll("ALL");
            list.forEach(c -> categoryFilter.getItems().add(c.code()));
            categoryFilter.setValue(categoryFilter.getItems().contains(keep) ? keep : "ALL");
            if (!list.isEmpty()) {
                caseCategory.setValue(list.get(0));
            }
        }, e -> show(e.getMessage()));
    }

    @FXML
    private void onFromCustomer() {
        lookedUp.get().ifPresent(c -> {
            caseCustomer.setText(c.code());
            caseName.setText(c.name());
        });
    }

    /** Prefills from the payment panel when the clerk opens this tab. */
    public void prefill() {
        if (caseName.getText().isBlank()) {
            onFromCustomer();
        }
    }

    @FXML
    private void onSave() {
        show(null);
        if (caseCategory.getValue() == null) {
            show(i18n.t("case.error.category"));
            return;
        }
        if (caseName.getText().isBlank()) {
            show(i18n.t("case.error.name"));
            return;
        }
        if (caseDescription.getText().strip().length() < 10) {
            show(i18n.t("case.error.description"));
            return;
        }
        boolean complaint = complaintToggle.isSelected();
        String code = caseCategory.getValue().code();
        String name = caseName.getText().strip();
        String description = caseDescription.getText().strip();
        String branchCode = session.user().branchCode() != null ? session.user().branchCode() : "TR01";
        NewCase body = complaint
                ? NewCase.complaint(code, text(caseCustomer.getText()), name, text(casePhone.getText()), text(caseEmail.getText()),
                        description, branchCode, currentTicketId.get())
                : NewCase.application(code, text(caseCustomer.getText()), name, text(casePhone.getText()), text(caseEmail.getText()),
                        description, branchCode, currentTicketId.get());
        String lang = i18n.lang();
        String summary = i18n.t(complaint ? "case.summary.complaint" : "case.summary.application", caseName.getText().strip());
        Outbox.Kind kind = complaint ? Outbox.Kind.COMPLAINT : Outbox.Kind.APPLICATION;
        String path = complaint ? "/api/v1/complaints" : "/api/v1/applications";
        bg.run(() -> {
            // Written to the outbox first: taken without the link, it is registered when the link returns.
            Outbox.Item item = link.submit(kind, "POST", path, body, summary);
            Optional<Outbox.Item> settled = link.awaitSettled(item);
            if (settled.isEmpty()) {
                return new Submitted(null, null, item, null);
            }
            if (settled.get().state() == Outbox.State.FAILED) {
                return new Submitted(null, null, item, settled.get().lastError());
            }
            CaseView c = api.fromJson(settled.get().response(), CaseView.class);
            ReceiptPrinter.Outcome slip = null;
            try {
                slip = printer.print(c.trackingCode(), () -> api.caseSlip(c.id(), lang), () -> api.caseSlipContent(c.id(), lang));
            } catch (Exception e) {
                // the case is registered; the slip can be printed from the list
            }
            return new Submitted(c, slip, item, null);
        }, r -> {
            if (r.refusal() != null) {
                show(r.refusal());
                return;
            }
            caseDescription.clear();
            if (r.registered() == null) {
                caseMessage.setText(i18n.t("case.offline.saved", al.sportel.desktop.billing.OfflineReceipt.reference(r.item())));
                return;
            }
            caseMessage.setText(i18n.t("case.saved", r.registered().trackingCode(),
                    r.slip() == null ? "—" : r.slip().printed() ? "🖨" : r.slip().file().toString()));
            onRefresh();
        }, e -> show(e.unreachable() ? i18n.t("action.unreachable") : e.getMessage()));
    }

    private record Submitted(CaseView registered, ReceiptPrinter.Outcome slip, Outbox.Item item, String refusal) {
    }

    @FXML
    private void onRefresh() {
        String branch = session.user().branchCode() != null ? session.user().branchCode() : "TR01";
        String status = "ALL".equals(statusFilter.getValue()) ? null : statusFilter.getValue();
        boolean overdue = overdueFilter.isSelected();
        String category = categoryFilter.getValue() == null || "ALL".equals(categoryFilter.getValue()) ? null : categoryFilter.getValue();
        bg.run(() -> api.cases(branch, status, category, overdue), list -> caseTable.getItems().setAll(list),
                e -> show(e.unreachable() ? i18n.t("action.unreachable") : e.getMessage()));
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
        CaseChange body = new CaseChange(status, text(statusNote.getText()));
        String path = ApiClient.casePath(c);
        String summary = i18n.t("case.summary.status", c.trackingCode(), i18n.t("case.status." + status));
        bg.run(() -> {
            Outbox.Item item = link.submit(Outbox.Kind.CASE_STATUS, "PATCH", path, body, summary);
            return link.awaitSettled(item);
        }, settled -> {
            if (settled.isPresent() && settled.get().state() == Outbox.State.FAILED) {
                show(settled.get().lastError());
                return;
            }
            statusNote.clear();
            show(null);
            if (settled.isEmpty()) {
                caseMessage.setText(i18n.t("case.offline.status"));
                return;
            }
            onRefresh();
        }, e -> show(e.unreachable() ? i18n.t("action.unreachable") : e.getMessage()));
    }

    /** Stripped, or null (left out of the request) when blank. */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void show(String text) {
        al.sportel.desktop.app.InlineMessage.show(caseError, text);
    }
}
