package al.sportel.desktop.queue;

import al.sportel.desktop.app.DialogService;
import al.sportel.desktop.app.I18n;
import al.sportel.model.Counter;
import al.sportel.model.CounterStatus;
import al.sportel.model.ServiceInfo;
import al.sportel.model.Ticket;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;

/** Pick a service or a counter to send the ticket to. Enter confirms, Escape cancels. */
final class TransferDialog {

    record Target(Long serviceId, Long counterId) {
    }

    private TransferDialog() {
    }

    static Optional<Target> ask(DialogService dialogs, Window owner, I18n i18n, Ticket ticket, List<ServiceInfo> services, List<Counter> counters,
                                long myCounterId) {
        Dialog<Target> d = new Dialog<>();
        d.setTitle(i18n.t("transfer.title", ticket.number()));
        d.setHeaderText(i18n.t("transfer.title", ticket.number()));
        ButtonType ok = new ButtonType(i18n.t("transfer.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.t("transfer.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(ok, cancel);
        d.getDialogPane().setId("transferDialog");

        ToggleGroup group = new ToggleGroup();
        RadioButton toService = new RadioButton(i18n.t("transfer.toService"));
        toService.setId("transferToService");
        RadioButton toCounter = new RadioButton(i18n.t("transfer.toCounter"));
        toCounter.setId("transferToCounter");
        toService.setToggleGroup(group);
        toCounter.setToggleGroup(group);
        toService.setSelected(true);

        // Searchable: a big centre has many services; typing a few letters finds one.
        SearchableComboBox<ServiceInfo> serviceChoice = new SearchableComboBox<>();
        serviceChoice.setId("transferService");
        serviceChoice.getItems().setAll(services.stream().filter(s -> s.id() != ticket.serviceId()).toList());
        serviceChoice.setConverter(converter(s -> s.letter() + " — " + ("en".equals(i18n.lang()) ? s.nameEn() : s.name())));
        if (!serviceChoice.getItems().isEmpty()) {
            serviceChoice.setValue(serviceChoice.getItems().get(0));
        }
        SearchableComboBox<Counter> counterChoice = new SearchableComboBox<>();
        counterChoice.setId("transferCounter");
        // a ticket is sent only to a counter that will call it: not this one, not a closed one (the server refuses that)
        counterChoice.getItems().setAll(counters.stream().filter(c -> c.id() != myCounterId && c.status() != CounterStatus.CLOSED).toList());
        counterChoice.setConverter(converter(c -> i18n.t("counter.title", c.number())));
        serviceChoice.disableProperty().bind(toService.selectedProperty().not());
        counterChoice.disableProperty().bind(toCounter.selectedProperty().not());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        grid.setPadding(new Insets(16));
        grid.addRow(0, toService, serviceChoice);
        grid.addRow(1, toCounter, counterChoice);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(
                toService.selectedProperty().and(serviceChoice.valueProperty().isNull())
                        .or(toCounter.selectedProperty().and(counterChoice.valueProperty().isNull())));
        d.setResultConverter(b -> {
            if (b != ok) {
                return null;
            }
            return toService.isSelected() ? new Target(serviceChoice.getValue().id(), null)
                    : new Target(null, counterChoice.getValue().id());
        });
        Platform.runLater(serviceChoice::requestFocus);
        return dialogs.showAndWait(owner, d);
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
