package al.sportel.desktop.app;

import javafx.beans.binding.StringExpression;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.CompoundValidationDecoration;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * Form checks shown the ControlsFX way: the view-model owns the rule and its message (null when the
 * field is fine); the field gets an error mark with the message as its tooltip and a red border.
 */
public final class Forms {

    private Forms() {
    }

    public static ValidationSupport validation() {
        ValidationSupport v = new ValidationSupport();
        v.setValidationDecorator(new CompoundValidationDecoration(new GraphicValidationDecoration(),
                new StyleClassValidationDecoration()));
        return v;
    }

    /** Marks {@code field} whenever {@code error} holds a message. */
    public static void validate(ValidationSupport support, Control field, StringExpression error) {
        support.registerValidator(field, false, (Control c, Object value) ->
                ValidationResult.fromErrorIf(c, error.get() == null ? "" : error.get(), error.get() != null));
        // the rule lives in the view-model, which may change its verdict without the field changing
        error.addListener((o, was, now) -> support.revalidate(field));
    }

    /** A note under a field: shown with its text, or hidden and taking no space. */
    public static void show(Label label, StringExpression text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotNull());
        label.managedProperty().bind(text.isNotNull());
    }
}
