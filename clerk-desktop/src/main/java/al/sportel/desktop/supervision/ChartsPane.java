package al.sportel.desktop.supervision;

import al.sportel.model.Board;

import al.sportel.desktop.app.I18n;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.VBox;
import java.util.HashMap;
import java.util.List;

/** Today's tickets per hour by service and the distribution of waits, redrawn with every board refresh. */
final class ChartsPane {

    private final I18n i18n;
    private final StackedBarChart<String, Number> perHour;
    private final BarChart<String, Number> waits;
    private final VBox root;

    ChartsPane(I18n i18n) {
        this.i18n = i18n;
        CategoryAxis hours = new CategoryAxis();
        hours.setLabel(i18n.t("sup.chart.hour"));
        NumberAxis count = new NumberAxis();
        count.setLabel(i18n.t("sup.chart.tickets"));
        perHour = new StackedBarChart<>(hours, count);
        perHour.setId("perHourChart");
        perHour.setTitle(i18n.t("sup.chart.perHour"));
        perHour.setAnimated(false);
        CategoryAxis minutes = new CategoryAxis();
        minutes.setLabel(i18n.t("sup.chart.minutes"));
        NumberAxis tickets = new NumberAxis();
        tickets.setLabel(i18n.t("sup.chart.tickets"));
        waits = new BarChart<>(minutes, tickets);
        waits.setId("waitChart");
        waits.setTitle(i18n.t("sup.chart.waits"));
        waits.setAnimated(false);
        waits.setLegendVisible(false);
        root = new VBox(12, perHour, waits);
        root.setPadding(new Insets(10));
    }

    Node node() {
        return root;
    }

    /** Empty until the next board: another branch is chosen. */
    void clear() {
        perHour.getData().clear();
        waits.getData().clear();
    }

    void update(Board b, Function<Board.ServiceLine, String> name) {
        TreeSet<Integer> hourSet = new TreeSet<>();
        b.ticketsPerHour().forEach(h -> hourSet.add(h.hour()));
        perHour.getData().clear();
        for (Board.ServiceLine s : b.services()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(s.letter() + " " + name.apply(s));
            Map<Integer, Integer> counts = new HashMap<>();
            b.ticketsPerHour().stream().filter(h -> h.serviceId() == s.id()).forEach(h -> counts.put(h.hour(), h.count()));
            for (int hour : hourSet) {
                series.getData().add(new XYChart.Data<>("%02d".formatted(hour), counts.getOrDefault(hour, 0)));
            }
            perHour.getData().add(series);
        }
        XYChart.Series<String, Number> dist = new XYChart.Series<>();
        for (Board.Bucket bucket : b.waitDistribution()) {
            String label = bucket.toMinutes() == null ? bucket.fromMinutes() + "+" : bucket.fromMinutes() + "–" + bucket.toMinutes();
            dist.getData().add(new XYChart.Data<>(label, bucket.count()));
        }
        waits.getData().setAll(List.of(dist));
    }
}
