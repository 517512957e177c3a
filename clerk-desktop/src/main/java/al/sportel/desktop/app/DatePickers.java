package al.sportel.desktop.app;

import al.sportel.model.Formats;
import java.time.LocalDate;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/** Date pickers that show and accept dates as Albanians write them (25.11.2026), whatever the JVM's locale. */
public final class DatePickers {

    private DatePickers() {
    }

    public static DatePicker albanian(DatePicker picker) {
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : Formats.date(date);
            }

            @Override
            public LocalDate fromString(String text) {
                // an unreadable entry keeps the date the picker had, rather than clearing it
                return Formats.parseDate(text).orElse(picker.getValue());
            }
        });
        return picker;
    }
}
