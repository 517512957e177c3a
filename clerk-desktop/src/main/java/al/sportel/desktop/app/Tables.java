package al.sportel.desktop.app;

import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** A read-only text column computed from the row. */
public final class Tables {

    private Tables() {
    }

    /** A table made in code says "no data" in the chosen language, not JavaFX's "No content in table". */
    public static <T> TableView<T> table(I18n i18n) {
        TableView<T> t = new TableView<>();
        t.setPlaceholder(new Label(i18n.t("table.empty")));
        return t;
    }

    /** The same for tables made as fields, before the language is known. */
    public static void saysEmpty(I18n i18n, TableView<?>... tables) {
        for (TableView<?> t : tables) {
            t.setPlaceholder(new Label(i18n.t("table.empty")));
        }
    }

    public static <T> TableColumn<T, String> column(String title, Function<T, String> text) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new SimpleStringProperty(text.apply(x.getValue())));
        return c;
    }
}
