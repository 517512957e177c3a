package al.sportel.desktop.supervision;

import al.sportel.desktop.app.AppContext;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** The small pieces the administrator's forms share: buttons held while a request is out, titles, label grids, fields. */
final class AdminForms {

    private AdminForms() {
    }

    static Button button(AppContext app, String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(app.background().busy());
        return b;
    }

    static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("card-title");
        return l;
    }

    static GridPane form(Object... labelsAndFields) {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        for (int i = 0; i + 1 < labelsAndFields.length; i += 2) {
            g.add(new Label((String) labelsAndFields[i]), 0, i / 2);
            g.add((Node) labelsAndFields[i + 1], 1, i / 2);
        }
        return g;
    }

    /** The field's text, or null (left out of the change) when it is blank. */
    static String text(TextField f) {
        return f.getText().isBlank() ? null : f.getText().strip();
    }

    static Integer parse(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
