package al.sportel.desktop.app;

import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.TableColumn;

/** A read-only text column computed from the row. */
public final class Tables {

    private Tables() {
    }

    public static <T> TableColumn<T, String> column(String title, Function<T, String> text) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new SimpleStringProperty(text.apply(x.getValue())));
        return c;
    }
}
