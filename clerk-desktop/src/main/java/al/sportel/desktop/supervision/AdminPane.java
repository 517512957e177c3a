package al.sportel.desktop.supervision;

import static al.sportel.desktop.supervision.AdminForms.button;
import static al.sportel.desktop.supervision.AdminForms.form;
import static al.sportel.desktop.supervision.AdminForms.parse;
import static al.sportel.desktop.supervision.AdminForms.text;
import static al.sportel.desktop.supervision.AdminForms.title;

import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.InlineMessage;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.Tables;
import al.sportel.model.Board;
import al.sportel.model.Counter;
import al.sportel.model.admin.BranchChange;
import al.sportel.model.admin.ServiceChange;
import al.sportel.model.admin.ServiceRow;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import al.sportel.desktop.app.Background;
import java.util.Locale;
import javafx.util.StringConverter;

/**
 * ADMIN only: users ({@link UsersForm}), the selected branch's services
 * (name, active, wait threshold), the branch itself and its counters' names. The server checks
 * every field again and writes the audit log; errors show inline.
 */
// The users' form is its own class (UsersForm); services, counters and centres, which the branch shown binds
// together, stay here and share the tab's message line and reload.
final class AdminPane {

    private final AppContext app;
    private final I18n i18n;
    private final SupervisorApi api;
    private final Supplier<String> branch;
    private final Supplier<Board> board;
    private final Runnable branchesChanged;
    private final TableView<ServiceRow> services = new TableView<>();
    private final TextField serviceName = new TextField();
    private final TextField maxWait = new TextField();
    private final CheckBox serviceActive = new CheckBox();
    private final TextField branchName = new TextField();
    private final TextField city = new TextField();
    private final TextField address = new TextField();
    private final ComboBox<Counter> counter = new ComboBox<>();
    private final TextField counterName = new TextField();
    private final TextField serviceLetter = new TextField();
    private final TextField counterNumber = new TextField();
    private final TextField branchCode = new TextField();
    private final Label message = new Label();
    private final UsersForm usersForm;
    private final ScrollPane root;

    /** {@code branch} is the branch shown (null before the first); {@code branchesChanged} runs once a branch is created. */
    AdminPane(AppContext app, SupervisorApi api, Supplier<String> branch, Supplier<Board> board, Runnable branchesChanged) {
        this.app = app;
        this.i18n = app.i18n();
        Tables.saysEmpty(i18n, services);
        this.api = api;
        this.branch = branch;
        this.board = board;
        this.branchesChanged = branchesChanged;
        message.setId("adminMessage");
        services.setId("adminServices");
        serviceLetter.setId("adminServiceLetter");
        serviceName.setId("adminServiceName");
        maxWait.setId("adminMaxWait");
        counterNumber.setId("adminCounterNumber");
        branchCode.setId("adminBranchCode");
        branchName.setId("adminBranchName");
        city.setId("adminCity");
        address.setId("adminAddress");
        message.getStyleClass().add("error-message");
        message.setWrapText(true);
        usersForm = new UsersForm(app, api, message, this::call);
        services.getColumns().setAll(List.of(
                Tables.column(i18n.t("sup.col.service"), (ServiceRow s) -> s.letter() + " " + s.name()),
                Tables.column(i18n.t("sup.admin.active"), (ServiceRow s) -> s.active() ? "✓" : "✗"),
                Tables.column(i18n.t("sup.admin.maxWait"), (ServiceRow s) -> String.valueOf(s.maxWaitMinutes()))));
        services.setPrefHeight(170);
        services.getSelectionModel().selectedItemProperty().addListener((o, was, s) -> {
            if (s != null) {
                serviceName.setText(s.name());
                maxWait.setText(String.valueOf(s.maxWaitMinutes()));
                serviceActive.setSelected(s.active());
            }
        });
        counter.setConverter(new StringConverter<>() {
            @Override
            public String toString(Counter c) {
                return c == null ? "" : c.number() + " — " + c.name();
            }

            @Override
            public Counter fromString(String s) {
                return null;
            }
        });
        counter.setOnShowing(e -> {
            Board b = board.get();
            if (b != null && b.branchCode().equals(branch.get())) { // not the last branch's board, still shown
                counter.getItems().setAll(b.counters());
            }
        });

        Button saveService = button(app, i18n.t("sup.admin.saveService"), "saveService", this::saveService);
        Button createService = button(app, i18n.t("sup.admin.createService"), "createService", this::createService);
        GridPane serviceForm = form(i18n.t("sup.admin.letter"), serviceLetter, i18n.t("sup.admin.serviceName"), serviceName,
                i18n.t("sup.admin.maxWait"), maxWait, i18n.t("sup.admin.active"), serviceActive);
        Button saveBranch = button(app, i18n.t("sup.admin.saveBranch"), "saveBranch", this::saveBranch);
        Button createBranch = button(app, i18n.t("sup.admin.createBranch"), "createBranch", this::createBranch);
        GridPane branchForm = form(i18n.t("sup.admin.code"), branchCode, i18n.t("sup.admin.branchName"), branchName,
                i18n.t("sup.admin.city"), city, i18n.t("sup.admin.address"), address);
        Button rename = button(app, i18n.t("sup.admin.renameCounter"), "renameCounter", this::renameCounter);
        Button createCounter = button(app, i18n.t("sup.admin.createCounter"), "createCounter", this::createCounter);
        GridPane counterForm = form(i18n.t("sup.col.counter"), counter, i18n.t("sup.admin.counterName"), counterName,
                i18n.t("sup.admin.counterNumber"), counterNumber);

        VBox content = new VBox(10,
                usersForm.node(), message,
                title(i18n.t("sup.admin.services")), services, serviceForm, new HBox(8, saveService, createService),
                title(i18n.t("sup.admin.branchForm")), branchForm, new HBox(8, saveBranch, createBranch),
                counterForm, new HBox(8, rename, createCounter));
        content.setPadding(new Insets(10));
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        usersForm.load(); // of every branch: no need to wait for one to be chosen
    }

    Node node() {
        return root;
    }

    /**
     * The console now shows another branch: what this tab showed of the last one goes at once, so no edit
     * or new counter can reach it with its services, and the new branch's services load.
     */
    void branchChanged() {
        services.getSelectionModel().clearSelection();
        services.getItems().clear();
        serviceName.clear();
        maxWait.clear();
        counter.setValue(null);
        counter.getItems().clear();
        counterName.clear();
        InlineMessage.show(message, null);
        loadServices();
    }

    /** After a change the administrator made: the users and the branch's services as the server now has them. */
    private void reload() {
        usersForm.load();
        loadServices();
    }

    private void loadServices() {
        String b = branch.get();
        if (b == null) {
            return;
        }
        app.background().run(() -> api.services(b), s -> {
            if (b.equals(branch.get())) { // else the branch changed meanwhile, and its own load follows
                services.getItems().setAll(s);
            }
        }, e -> InlineMessage.show(message, AppContext.describe(i18n, e)));
    }

    private String shownBranch() {
        return BranchChoice.shownOrSay(branch, message, i18n);
    }

    private void saveService() {
        ServiceRow s = services.getSelectionModel().getSelectedItem();
        Integer minutes = parse(maxWait.getText());
        if (s == null || minutes == null || minutes < 1 || minutes > 480) {
            InlineMessage.show(message, i18n.t("sup.admin.error.number"));
            return;
        }
        ServiceChange changes = new ServiceChange(serviceName.getText().strip(), null, serviceActive.isSelected(), minutes, null);
        call(() -> api.changeService(s.id(), changes));
    }

    private void createService() {
        Integer minutes = parse(maxWait.getText().isBlank() ? "20" : maxWait.getText());
        String letter = serviceLetter.getText().strip().toUpperCase(Locale.ROOT);
        if (!letter.matches("[A-Z]") || serviceName.getText().isBlank() || minutes == null || minutes < 1 || minutes > 480) {
            InlineMessage.show(message, i18n.t("sup.admin.error.service"));
            return;
        }
        String b = shownBranch();
        if (b == null) {
            return;
        }
        String n = serviceName.getText().strip();
        call(() -> api.createService(b, letter, n, minutes));
    }

    private void createCounter() {
        Integer number = parse(counterNumber.getText());
        ServiceRow firstActive = services.getItems().stream().filter(ServiceRow::active).findFirst().orElse(null);
        if (number == null || number < 1 || number > 999 || firstActive == null) {
            InlineMessage.show(message, i18n.t("sup.admin.error.counter"));
            return;
        }
        String b = shownBranch();
        if (b == null) {
            return;
        }
        List<Long> ids = services.getItems().stream().filter(ServiceRow::active).map(ServiceRow::id).toList();
        call(() -> api.createCounter(b, number, ids)); // all active services; the board sets its profile
    }

    private void createBranch() {
        String code = branchCode.getText().strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}[0-9]{2}") || branchName.getText().isBlank() || city.getText().isBlank() || address.getText().isBlank()) {
            InlineMessage.show(message, i18n.t("sup.admin.error.branch"));
            return;
        }
        String n = branchName.getText().strip();
        String c = city.getText().strip();
        String a = address.getText().strip();
        call(() -> api.createBranch(code, n, c, a, 4), branchesChanged);
    }

    private void saveBranch() {
        BranchChange changes = new BranchChange(text(branchName), text(city), text(address));
        String b = shownBranch();
        if (b == null) {
            return;
        }
        call(() -> {
            api.changeBranch(b, changes);
            return null;
        });
    }

    private void renameCounter() {
        Counter c = counter.getValue();
        if (c == null || counterName.getText().isBlank()) {
            InlineMessage.show(message, i18n.t("sup.select.counter"));
            return;
        }
        String n = counterName.getText().strip();
        call(() -> {
            api.renameCounter(c.id(), n);
            return null;
        });
    }

    private void call(Background.Job<?> job) {
        call(job, () -> { });
    }

    /** Runs {@code job}; once the server has done it, the tab reloads and {@code then} runs. */
    private void call(Background.Job<?> job, Runnable then) {
        app.background().run(job, r -> {
            InlineMessage.show(message, null);
            reload();
            then.run();
        }, e -> InlineMessage.show(message, AppContext.describe(i18n, e)));
    }
}
