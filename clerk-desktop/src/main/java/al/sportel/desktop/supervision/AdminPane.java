package al.sportel.desktop.supervision;

import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.InlineMessage;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.Tables;
import al.sportel.model.Board;
import al.sportel.model.Counter;
import al.sportel.model.Role;
import al.sportel.model.admin.BranchChange;
import al.sportel.model.admin.ServiceChange;
import al.sportel.model.admin.ServiceRow;
import al.sportel.model.admin.UserChange;
import al.sportel.model.admin.UserRow;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
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
 * ADMIN only: users (create, change, disable, reset the password), the selected branch's services
 * (name, active, wait threshold), the branch itself and its counters' names. The server checks
 * every field again and writes the audit log; errors show inline.
 */
// Over 300 lines: the administrator's tab holds five small forms (users, passwords, services,
// counters, centres) that share one message line and one reload. Each is a candidate for its own
// class with a view-model when the tab grows again.
final class AdminPane {

    private final AppContext app;
    private final I18n i18n;
    private final SupervisorApi api;
    private final Supplier<String> branch;
    private final Supplier<Board> board;
    private final Runnable branchesChanged;
    private final TableView<UserRow> users = new TableView<>();
    private final TextField username = new TextField();
    private final TextField displayName = new TextField();
    private final ComboBox<Role> role = new ComboBox<>();
    private final TextField userBranch = new TextField();
    private final PasswordField password = new PasswordField();
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
    private final ScrollPane root;

    /** {@code branch} is the branch shown (null before the first); {@code branchesChanged} runs once a branch is created. */
    AdminPane(AppContext app, SupervisorApi api, Supplier<String> branch, Supplier<Board> board, Runnable branchesChanged) {
        this.app = app;
        this.i18n = app.i18n();
        Tables.saysEmpty(i18n, users, services);
        this.api = api;
        this.branch = branch;
        this.board = board;
        this.branchesChanged = branchesChanged;
        users.setId("userTable");
        username.setId("adminUsername");
        displayName.setId("adminDisplayName");
        role.setId("adminRole");
        userBranch.setId("adminBranch");
        password.setId("adminPassword");
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
        role.getItems().setAll(Role.values());
        users.getColumns().setAll(List.of(
                Tables.column(i18n.t("sup.admin.username"), UserRow::username),
                Tables.column(i18n.t("sup.admin.displayName"), UserRow::displayName),
                Tables.column(i18n.t("sup.admin.role"), (UserRow u) -> u.role().name()),
                Tables.column(i18n.t("sup.admin.branch"), (UserRow u) -> u.branchCode() == null ? "—" : u.branchCode()),
                Tables.column(i18n.t("sup.admin.active"), (UserRow u) -> u.active() ? "✓" : "✗")));
        users.setPrefHeight(240);
        users.getSelectionModel().selectedItemProperty().addListener((o, was, u) -> {
            if (u != null) {
                username.setText(u.username());
                displayName.setText(u.displayName());
                role.setValue(u.role());
                userBranch.setText(u.branchCode() == null ? "" : u.branchCode());
                password.clear();
            }
        });
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

        Button create = button(i18n.t("sup.admin.create"), "createUser", this::createUser);
        Button save = button(i18n.t("sup.admin.save"), "saveUser", this::saveUser);
        Button toggle = button(i18n.t("sup.admin.toggle"), "toggleUser", this::toggleUser);
        Button reset = button(i18n.t("sup.admin.reset"), "resetPassword", this::resetPassword);
        GridPane userForm = form(
                i18n.t("sup.admin.username"), username, i18n.t("sup.admin.displayName"), displayName,
                i18n.t("sup.admin.role"), role, i18n.t("sup.admin.branch"), userBranch, i18n.t("sup.admin.password"), password);
        Button saveService = button(i18n.t("sup.admin.saveService"), "saveService", this::saveService);
        Button createService = button(i18n.t("sup.admin.createService"), "createService", this::createService);
        GridPane serviceForm = form(i18n.t("sup.admin.letter"), serviceLetter, i18n.t("sup.admin.serviceName"), serviceName,
                i18n.t("sup.admin.maxWait"), maxWait, i18n.t("sup.admin.active"), serviceActive);
        Button saveBranch = button(i18n.t("sup.admin.saveBranch"), "saveBranch", this::saveBranch);
        Button createBranch = button(i18n.t("sup.admin.createBranch"), "createBranch", this::createBranch);
        GridPane branchForm = form(i18n.t("sup.admin.code"), branchCode, i18n.t("sup.admin.branchName"), branchName,
                i18n.t("sup.admin.city"), city, i18n.t("sup.admin.address"), address);
        Button rename = button(i18n.t("sup.admin.renameCounter"), "renameCounter", this::renameCounter);
        Button createCounter = button(i18n.t("sup.admin.createCounter"), "createCounter", this::createCounter);
        GridPane counterForm = form(i18n.t("sup.col.counter"), counter, i18n.t("sup.admin.counterName"), counterName,
                i18n.t("sup.admin.counterNumber"), counterNumber);

        VBox content = new VBox(10,
                title(i18n.t("sup.admin.users")), users, userForm, new HBox(8, create, save, toggle, reset), message,
                title(i18n.t("sup.admin.services")), services, serviceForm, new HBox(8, saveService, createService),
                title(i18n.t("sup.admin.branchForm")), branchForm, new HBox(8, saveBranch, createBranch),
                counterForm, new HBox(8, rename, createCounter));
        content.setPadding(new Insets(10));
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        loadUsers(); // of every branch: no need to wait for one to be chosen
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
        loadUsers();
        loadServices();
    }

    private void loadUsers() {
        app.background().run(api::users, u -> users.getItems().setAll(u), e -> InlineMessage.show(message, AppContext.describe(i18n, e)));
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

    /** The branch shown, or null after telling the administrator to create or choose one first. */
    private String shownBranch() {
        String b = branch.get();
        if (b == null) {
            InlineMessage.show(message, i18n.t("sup.noBranch"));
        }
        return b;
    }

    private void createUser() {
        Role r = role.getValue();
        if (username.getText().isBlank() || displayName.getText().isBlank() || r == null || password.getText().length() < 8) {
            InlineMessage.show(message, i18n.t("sup.admin.error.fields"));
            return;
        }
        String u = username.getText().strip();
        String d = displayName.getText().strip();
        String b = userBranch.getText().isBlank() ? null : userBranch.getText().strip();
        String p = password.getText();
        call(() -> api.createUser(u, d, r, b, p));
    }

    private void saveUser() {
        UserRow u = users.getSelectionModel().getSelectedItem();
        if (u == null) {
            InlineMessage.show(message, i18n.t("sup.admin.error.select"));
            return;
        }
        UserChange changes = new UserChange(displayName.getText().strip(), role.getValue(), text(userBranch), null);
        call(() -> api.changeUser(u.id(), changes));
    }

    private void toggleUser() {
        UserRow u = users.getSelectionModel().getSelectedItem();
        if (u == null) {
            InlineMessage.show(message, i18n.t("sup.admin.error.select"));
            return;
        }
        call(() -> api.changeUser(u.id(), UserChange.activeOnly(!u.active())));
    }

    private void resetPassword() {
        UserRow u = users.getSelectionModel().getSelectedItem();
        if (u == null || password.getText().length() < 8) {
            InlineMessage.show(message, i18n.t(u == null ? "sup.admin.error.select" : "sup.admin.error.fields"));
            return;
        }
        String p = password.getText();
        call(() -> {
            api.resetPassword(u.id(), p);
            return null;
        });
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
            password.clear();
            reload();
            then.run();
        }, e -> InlineMessage.show(message, AppContext.describe(i18n, e)));
    }

    /** The field's text, or null (left out of the change) when it is blank. */
    private static String text(TextField f) {
        return f.getText().isBlank() ? null : f.getText().strip();
    }

    private static Integer parse(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(app.background().busy());
        return b;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("card-title");
        return l;
    }

    private static GridPane form(Object... labelsAndFields) {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        for (int i = 0; i + 1 < labelsAndFields.length; i += 2) {
            g.add(new Label((String) labelsAndFields[i]), 0, i / 2);
            g.add((Node) labelsAndFields[i + 1], 1, i / 2);
        }
        return g;
    }
}
