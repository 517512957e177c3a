package al.sportel.desktop.supervision;

import static al.sportel.desktop.supervision.AdminForms.button;
import static al.sportel.desktop.supervision.AdminForms.form;
import static al.sportel.desktop.supervision.AdminForms.text;
import static al.sportel.desktop.supervision.AdminForms.title;

import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.Background;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.InlineMessage;
import al.sportel.desktop.app.Tables;
import al.sportel.model.Role;
import al.sportel.model.admin.UserChange;
import al.sportel.model.admin.UserRow;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The administrator's users: every user of every centre, and the form that creates one, changes one, disables
 * or enables one, or resets the password. Errors go to the tab's message line; a change runs through the tab's
 * {@code call}, which reloads the tab once the server has done it.
 */
final class UsersForm {

    private final AppContext app;
    private final I18n i18n;
    private final SupervisorApi api;
    private final Label message;
    private final Consumer<Background.Job<?>> call;
    private final TableView<UserRow> users = new TableView<>();
    private final TextField username = new TextField();
    private final TextField displayName = new TextField();
    private final ComboBox<Role> role = new ComboBox<>();
    private final TextField userBranch = new TextField();
    private final PasswordField password = new PasswordField();
    private final VBox root;

    UsersForm(AppContext app, SupervisorApi api, Label message, Consumer<Background.Job<?>> call) {
        this.app = app;
        this.i18n = app.i18n();
        this.api = api;
        this.message = message;
        this.call = call;
        Tables.saysEmpty(i18n, users);
        users.setId("userTable");
        username.setId("adminUsername");
        displayName.setId("adminDisplayName");
        role.setId("adminRole");
        userBranch.setId("adminBranch");
        password.setId("adminPassword");
        role.getItems().setAll(Role.values());
        // the roles as people say them, in the list and in the closed box alike
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role r) {
                return roleName(i18n, r);
            }

            @Override
            public Role fromString(String text) {
                return role.getItems().stream().filter(r -> roleName(i18n, r).equals(text)).findFirst().orElse(null);
            }
        });
        role.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Role r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty ? null : roleName(i18n, r));
            }
        });
        users.getColumns().setAll(List.of(
                Tables.column(i18n.t("sup.admin.username"), UserRow::username),
                Tables.column(i18n.t("sup.admin.displayName"), UserRow::displayName),
                Tables.column(i18n.t("sup.admin.role"), (UserRow u) -> roleName(i18n, u.role())),
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
        root = new VBox(10, title(i18n.t("sup.admin.users")), users,
                form(i18n.t("sup.admin.username"), username, i18n.t("sup.admin.displayName"), displayName,
                        i18n.t("sup.admin.role"), role, i18n.t("sup.admin.branch"), userBranch, i18n.t("sup.admin.password"), password),
                new HBox(8, button(app, i18n.t("sup.admin.create"), "createUser", this::createUser),
                        button(app, i18n.t("sup.admin.save"), "saveUser", this::saveUser),
                        button(app, i18n.t("sup.admin.toggle"), "toggleUser", this::toggleUser),
                        button(app, i18n.t("sup.admin.reset"), "resetPassword", this::resetPassword)));
    }

    Node node() {
        return root;
    }

    /** "Punonjës sporteli" for CLERK: one literal key per role (keys are never built at run time). */
    static String roleName(I18n i18n, Role r) {
        if (r == null) {
            return "";
        }
        return switch (r) {
            case CLERK -> i18n.t("role.CLERK");
            case SUPERVISOR -> i18n.t("role.SUPERVISOR");
            case ADMIN -> i18n.t("role.ADMIN");
            case KIOSK -> i18n.t("role.KIOSK");
        };
    }

    /** The users as the server now has them; a password typed for the last change is not kept. */
    void load() {
        password.clear();
        app.background().run(api::users, u -> users.getItems().setAll(u), e -> InlineMessage.show(message, AppContext.describe(i18n, e)));
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
        call.accept(() -> api.createUser(u, d, r, b, p));
    }

    private void saveUser() {
        UserRow u = selected();
        if (u != null) {
            UserChange changes = new UserChange(displayName.getText().strip(), role.getValue(), text(userBranch), null);
            call.accept(() -> api.changeUser(u.id(), changes));
        }
    }

    private void toggleUser() {
        UserRow u = selected();
        if (u != null) {
            call.accept(() -> api.changeUser(u.id(), UserChange.activeOnly(!u.active())));
        }
    }

    private void resetPassword() {
        UserRow u = users.getSelectionModel().getSelectedItem();
        if (u == null || password.getText().length() < 8) {
            InlineMessage.show(message, i18n.t(u == null ? "sup.admin.error.select" : "sup.admin.error.fields"));
            return;
        }
        String p = password.getText();
        call.accept(() -> {
            api.resetPassword(u.id(), p);
            return null;
        });
    }

    /** The chosen user, or null after asking the administrator to choose one. */
    private UserRow selected() {
        UserRow u = users.getSelectionModel().getSelectedItem();
        if (u == null) {
            InlineMessage.show(message, i18n.t("sup.admin.error.select"));
        }
        return u;
    }
}
