package al.sportel.desktop.supervision;

import al.sportel.model.Formats;
import al.sportel.model.BusinessTime;
import al.sportel.desktop.app.DatePickers;
import al.sportel.model.BranchReport;

import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.InlineMessage;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A date range of one branch: the server computes it, this shows it and saves the CSV or PDF export. */
final class ReportsPane {

    private final AppContext app;
    private final I18n i18n;
    private final SupervisorApi api;
    private final Supplier<String> branch;
    private final DatePicker from = DatePickers.albanian(new DatePicker(BusinessTime.today().withDayOfMonth(1)));
    private final DatePicker to = DatePickers.albanian(new DatePicker(BusinessTime.today()));
    private final TableView<BranchReport.ServiceFigures> services = new TableView<>();
    private final TableView<BranchReport.ClerkFigures> clerks = new TableView<>();
    private final TableView<BranchReport.MethodFigures> payments = new TableView<>();
    private final Label message = new Label();
    private final Label total = new Label();
    private final Label fees = new Label();
    private final Label earlierVoided = new Label();
    private final VBox root;

    ReportsPane(AppContext app, SupervisorApi api, Supplier<String> branch) {
        this.app = app;
        this.i18n = app.i18n();
        Tables.saysEmpty(i18n, services, clerks, payments);
        this.api = api;
        this.branch = branch;
        from.setId("reportFrom");
        to.setId("reportTo");
        services.setId("reportServices");
        clerks.setId("reportClerks");
        payments.setId("reportPayments");
        message.setId("reportMessage");
        message.getStyleClass().add("error-message");
        message.setVisible(false);
        message.setManaged(false);
        Button run = new Button(i18n.t("sup.report.run"));
        run.setId("runReport");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> run());
        Button csv = new Button(i18n.t("sup.report.csv"));
        csv.setOnAction(e -> export("csv"));
        Button pdf = new Button(i18n.t("sup.report.pdf"));
        pdf.setOnAction(e -> export("pdf"));
        run.disableProperty().bind(app.background().busy());
        csv.disableProperty().bind(app.background().busy());
        pdf.disableProperty().bind(app.background().busy());
        services.getColumns().setAll(List.of(
                Tables.column(i18n.t("sup.col.service"), (BranchReport.ServiceFigures f) -> f.letter() == null ? i18n.t("sup.report.total")
                        : f.letter() + " " + ("en".equals(i18n.lang()) && f.nameEn() != null ? f.nameEn() : f.name())),
                Tables.column(i18n.t("sup.col.issuedCount"), (BranchReport.ServiceFigures f) -> String.valueOf(f.issued())),
                Tables.column(i18n.t("sup.col.served"), (BranchReport.ServiceFigures f) -> String.valueOf(f.served())),
                Tables.column(i18n.t("sup.col.noShow"), (BranchReport.ServiceFigures f) -> noShows(i18n, f)),
                Tables.column(i18n.t("sup.col.cancelled"), (BranchReport.ServiceFigures f) -> String.valueOf(f.cancelled())),
                Tables.column(i18n.t("sup.col.waitP50"), (BranchReport.ServiceFigures f) -> time(f.waitMedianSeconds())),
                Tables.column(i18n.t("sup.col.waitP90"), (BranchReport.ServiceFigures f) -> time(f.waitP90Seconds())),
                Tables.column(i18n.t("sup.col.serviceP50"), (BranchReport.ServiceFigures f) -> time(f.serviceMedianSeconds())),
                Tables.column(i18n.t("sup.col.serviceP90"), (BranchReport.ServiceFigures f) -> time(f.serviceP90Seconds()))));
        clerks.getColumns().setAll(List.of(
                Tables.column(i18n.t("sup.col.clerk"), (BranchReport.ClerkFigures c) -> c.displayName()),
                Tables.column(i18n.t("sup.col.served"), (BranchReport.ClerkFigures c) -> String.valueOf(c.served()))));
        payments.getColumns().setAll(List.of(
                Tables.column(i18n.t("sup.col.method"), (BranchReport.MethodFigures m) -> i18n.t(m.method().equals("CASH") ? "pay.cash" : "pay.card")),
                Tables.column(i18n.t("sup.col.count"), (BranchReport.MethodFigures m) -> String.valueOf(m.count())),
                Tables.column(i18n.t("sup.col.amount"), ReportsPane::amount)));
        services.setPrefHeight(220);
        clerks.setPrefHeight(180);
        payments.setPrefHeight(120);
        total.setId("reportTotal");
        fees.setId("reportFees");
        earlierVoided.setId("reportEarlierVoided");
        earlierVoided.managedProperty().bind(earlierVoided.visibleProperty());
        fees.managedProperty().bind(fees.visibleProperty());
        earlierVoided.setVisible(false);
        HBox bar = new HBox(10, new Label(i18n.t("sup.report.from")), from, new Label(i18n.t("sup.report.to")), to, run, csv, pdf);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox lower = new HBox(12, new VBox(6, new Label(i18n.t("sup.report.clerks")), clerks),
                new VBox(6, new Label(i18n.t("sup.report.payments")), payments, total, earlierVoided, fees));
        root = new VBox(10, bar, message, services, lower);
        root.setPadding(new Insets(10));
    }

    Node node() {
        return root;
    }

    /** The console now shows another branch: the last one's figures go, and the next run is for the new one. */
    void branchChanged() {
        services.getItems().clear();
        clerks.getItems().clear();
        payments.getItems().clear();
        total.setText("");
        fees.setText("");
        earlierVoided.setVisible(false);
        InlineMessage.show(message, null);
    }

    private boolean validRange() {
        if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
            InlineMessage.show(message, i18n.t("sup.report.badRange"));
            return false;
        }
        InlineMessage.show(message, null);
        return true;
    }

    private String shownBranch() {
        return BranchChoice.shownOrSay(branch, message, i18n);
    }

    private void run() {
        if (!validRange()) {
            return;
        }
        String b = shownBranch();
        if (b == null) {
            return;
        }
        LocalDate f = from.getValue();
        LocalDate t = to.getValue();
        app.background().run(() -> api.report(b, f, t), r -> {
            if (!b.equals(branch.get())) {
                return; // the console moved to another centre while this one's report was on its way
            }
            List<BranchReport.ServiceFigures> rows = new ArrayList<>(r.services());
            rows.add(r.totals());
            services.getItems().setAll(rows);
            clerks.getItems().setAll(r.clerks());
            payments.getItems().setAll(r.payments());
            total.setText(i18n.t("sup.report.total") + ": " + Formats.money(r.paymentsTotal()));
            // a server older than the fee figures sends none: say nothing rather than "0"
            fees.setVisible(r.fees() != null);
            if (r.fees() != null) {
                int feeSales = r.fees().stream().mapToInt(BranchReport.MethodFigures::count).sum();
                fees.setText(i18n.t("sup.report.fees", Formats.money(r.feesTotal()), feeSales));
            }
            earlierVoided.setVisible(r.earlierVoidedCount() > 0);
            earlierVoided.setText(i18n.t("sup.report.earlierVoided", Formats.money(r.earlierVoidedAmount()), r.earlierVoidedCount()));
        }, e -> InlineMessage.show(message, AppContext.describe(i18n, e)));
    }

    private void export(String format) {
        if (!validRange()) {
            return;
        }
        String b = shownBranch();
        if (b == null) {
            return;
        }
        LocalDate f = from.getValue();
        LocalDate t = to.getValue();
        String lang = i18n.lang();
        Path folder = app.config().dataDir().resolve("reports");
        app.background().run(() -> {
            Files.createDirectories(folder);
            Path file = folder.resolve("raport-" + b + "-" + f + "-" + t + "." + format);
            Files.write(file, api.reportFile(b, f, t, format, lang));
            return file;
        }, file -> {
            InlineMessage.show(message, null);
            total.setText(i18n.t("sup.report.saved", file));
            app.open(file);
        }, e -> InlineMessage.show(message, AppContext.describe(i18n, e)));
    }

    /** "6 (12,5 %)" in Albanian, "6 (12.5%)" in English. */
    static String noShows(I18n i18n, BranchReport.ServiceFigures f) {
        return f.noShows() + " (" + i18n.percent(f.noShowRate()) + ")";
    }

    /** The column's header says lekë: "16 263,19" as in the totals under it, not the wire's "16263.19". */
    static String amount(BranchReport.MethodFigures m) {
        return Formats.amount(m.amount());
    }

    private static String time(Long seconds) {
        return seconds == null ? "—" : I18n.duration(Duration.ofSeconds(seconds));
    }
}
