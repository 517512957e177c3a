package al.sportel.desktop.fees;

import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Jobs;
import al.sportel.model.Formats;
import al.sportel.model.fees.FeeSale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Today's fee sales at this counter, newest first: where the clerk checks whether a sale whose answer was
 * lost was made before selling it again. Loads through {@link Jobs}, never on the FX thread.
 */
public final class FeeSalesModel {

    private final Jobs jobs;
    private final FeeApi api;
    private final long counterId;
    private final I18n i18n;
    private final ObservableList<FeeSale> sales = FXCollections.observableArrayList();
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty();
    private final SimpleStringProperty error = new SimpleStringProperty();

    public FeeSalesModel(Jobs jobs, FeeApi api, long counterId, I18n i18n) {
        this.jobs = jobs;
        this.api = api;
        this.counterId = counterId;
        this.i18n = i18n;
    }

    public ObservableList<FeeSale> sales() {
        return FXCollections.unmodifiableObservableList(sales);
    }

    public ReadOnlyBooleanProperty loading() {
        return loading;
    }

    /** The reason the list could not be loaded, or null. */
    public ReadOnlyStringProperty error() {
        return error;
    }

    /** Loads the list again; call on the FX thread. A failure keeps the last list and says why. */
    public void refresh() {
        loading.set(true);
        jobs.run(() -> api.salesAt(counterId), list -> {
            loading.set(false);
            error.set(null);
            sales.setAll(list);
        }, x -> {
            loading.set(false);
            error.set(i18n.t("fee.sales.error", AppContext.describe(i18n, x)));
        });
    }

    public String time(FeeSale s) {
        return i18n.time(s.createdAt());
    }

    public String amount(FeeSale s) {
        return Formats.money(s.amount());
    }

    public String fiscal(FeeSale s) {
        return i18n.t(s.fiscalized() ? "fee.sales.fiscalized" : "fee.sales.notFiscalized");
    }
}
