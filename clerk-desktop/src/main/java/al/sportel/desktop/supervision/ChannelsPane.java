package al.sportel.desktop.supervision;

import al.sportel.model.Formats;
import al.sportel.model.BusinessTime;
import al.sportel.desktop.app.DatePickers;
import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.InlineMessage;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.Tables;
import al.sportel.model.channels.Partner;
import al.sportel.model.channels.PaymentsByChannel;
import al.sportel.model.channels.Reconciliation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Channels tab: a day's takings per payment partner, each partner's reconciliation with its open
 * discrepancies, and the one click that records a payment that is in a partner's file but never arrived.
 */
final class ChannelsPane {

    /** One partner's day in the upper table. */
    record PartnerDay(Partner partner, PaymentsByChannel.Row takings, Reconciliation reconciliation) {
    }

    private final AppContext app;
    private final I18n i18n;
    private final ChannelsApi api;
    private final DatePicker day = DatePickers.albanian(new DatePicker(BusinessTime.today()));
    private final TableView<PartnerDay> partners = new TableView<>();
    private final TableView<Reconciliation.Line> lines = new TableView<>();
    private final Label message = new Label();
    private final Label detail = new Label();
    private final Button create = new Button();
    private final VBox root;

    ChannelsPane(AppContext app, ChannelsApi api) {
        this.app = app;
        this.i18n = app.i18n();
        Tables.saysEmpty(i18n, partners, lines);
        this.api = api;
        partners.setId("channelPartners");
        lines.setId("channelLines");
        message.setId("channelMessage");
        message.getStyleClass().add("error-message");
        InlineMessage.show(message, null);
        Button refresh = new Button(i18n.t("ch.refresh"));
        refresh.setId("channelRefresh");
        refresh.getStyleClass().add("accent");
        refresh.setOnAction(e -> refresh());
        Button csv = new Button(i18n.t("sup.report.csv"));
        csv.setOnAction(e -> export("csv"));
        Button pdf = new Button(i18n.t("sup.report.pdf"));
        pdf.setOnAction(e -> export("pdf"));
        create.setText(i18n.t("ch.create"));
        create.setId("channelCreate");
        create.setOnAction(e -> createSelected());
        create.disableProperty().bind(lines.getSelectionModel().selectedItemProperty().isNull().or(app.background().busy()));
        refresh.disableProperty().bind(app.background().busy());
        partners.getColumns().setAll(List.of(
                Tables.column(i18n.t("ch.col.partner"), (PartnerDay d) -> d.partner().name() + " (" + d.partner().code() + ")"),
                Tables.column(i18n.t("ch.col.kind"), (PartnerDay d) -> kind(d.partner())),
                Tables.column(i18n.t("ch.col.count"), (PartnerDay d) -> d.takings() == null ? "0" : String.valueOf(d.takings().count())),
                Tables.column(i18n.t("ch.col.amount"), (PartnerDay d) -> d.takings() == null ? Formats.amount(0L) : Formats.amount(d.takings().amount())),
                Tables.column(i18n.t("ch.col.file"), (PartnerDay d) -> d.reconciliation().fileReceivedAt() == null ? i18n.t("ch.noFile")
                        : Formats.amount(d.reconciliation().totals().fileTotal())),
                Tables.column(i18n.t("ch.col.open"), (PartnerDay d) -> String.valueOf(d.reconciliation().totals().discrepancies())),
                Tables.column(i18n.t("ch.col.difference"), (PartnerDay d) -> Formats.amount(d.reconciliation().totals().difference()))));
        lines.getColumns().setAll(List.of(
                Tables.column(i18n.t("ch.col.status"), (Reconciliation.Line l) -> status(l.status())),
                Tables.column(i18n.t("ch.col.reference"), Reconciliation.Line::partnerReference),
                Tables.column(i18n.t("ch.col.customer"), Reconciliation.Line::customerCode),
                Tables.column(i18n.t("ch.col.fileAmount"), (Reconciliation.Line l) -> amount(l.fileAmount())),
                Tables.column(i18n.t("ch.col.receivedAmount"), (Reconciliation.Line l) -> amount(l.receivedAmount()))));
        partners.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showLines(now));
        partners.setPrefHeight(180);
        HBox bar = new HBox(10, new Label(i18n.t("ch.date")), day, refresh, csv, pdf);
        bar.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(10, bar, message, new Label(i18n.t("ch.partners")), partners, detail, lines, create);
        root.setPadding(new Insets(10));
    }

    Node node() {
        return root;
    }

    /** The tab as the console adds it: filled each time it is opened. */
    static Tab tab(AppContext app, ApiClient client) {
        ChannelsPane pane = new ChannelsPane(app, new ChannelsApi(client));
        Tab tab = new Tab(app.i18n().t("sup.tab.channels"), pane.node());
        tab.setId("channelsTab");
        tab.setClosable(false);
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected()) {
                pane.refresh();
            }
        });
        return tab;
    }

    void refresh() {
        LocalDate d = day.getValue() == null ? BusinessTime.today() : day.getValue();
        app.background().run(() -> load(d), rows -> {
            InlineMessage.show(message, null);
            String selected = partners.getSelectionModel().getSelectedItem() == null ? null
                    : partners.getSelectionModel().getSelectedItem().partner().code();
            partners.getItems().setAll(rows);
            rows.stream().filter(r -> r.partner().code().equals(selected)).findFirst()
                    .ifPresentOrElse(r -> partners.getSelectionModel().select(r), () -> showLines(null));
        }, e -> InlineMessage.show(message, AppContext.describe(i18n, e)));
    }

    private List<PartnerDay> load(LocalDate d) throws Exception {
        Map<String, PaymentsByChannel.Row> takings = new TreeMap<>();
        for (PaymentsByChannel.Row r : api.takings(d).channels()) {
            if (r.partnerCode() != null) {
                takings.put(r.partnerCode(), r);
            }
        }
        List<PartnerDay> rows = new ArrayList<>();
        for (Partner p : api.partners()) {
            rows.add(new PartnerDay(p, takings.get(p.code()), api.reconciliation(p.code(), d)));
        }
        return rows;
    }

    private void showLines(PartnerDay d) {
        if (d == null) {
            lines.getItems().clear();
            detail.setText("");
            return;
        }
        Reconciliation.Totals t = d.reconciliation().totals();
        detail.setText(i18n.t("ch.summary", t.matched(), t.missing(), t.unreported(), t.amountMismatches(), t.duplicates(), t.reversed(),
                Formats.amount(t.fileTotal()), Formats.amount(t.receivedTotal())));
        lines.getItems().setAll(d.reconciliation().lines().stream().filter(l -> l.status() != Reconciliation.Status.MATCHED).toList());
    }

    private void createSelected() {
        Reconciliation.Line line = lines.getSelectionModel().getSelectedItem();
        if (line == null || line.status() != Reconciliation.Status.MISSING || line.settlementLineId() == null) {
            InlineMessage.show(message, i18n.t("ch.onlyMissing"));
            return;
        }
        long id = line.settlementLineId();
        app.background().run(() -> api.createFromFile(id), p -> {
            detail.setText(i18n.t("ch.created", p.receiptNumber()));
            refresh();
        }, e -> InlineMessage.show(message, AppContext.describe(i18n, e)));
    }

    private void export(String format) {
        PartnerDay d = partners.getSelectionModel().getSelectedItem();
        if (d == null) {
            InlineMessage.show(message, i18n.t("ch.choosePartner"));
            return;
        }
        String code = d.partner().code();
        LocalDate date = d.reconciliation().date();
        String lang = i18n.lang();
        Path folder = app.config().dataDir().resolve("reports");
        app.background().run(() -> {
            Files.createDirectories(folder);
            Path file = folder.resolve("rakordim-" + code + "-" + date + "." + format);
            Files.write(file, api.reconciliationFile(code, date, format, lang));
            return file;
        }, file -> {
            InlineMessage.show(message, null);
            detail.setText(i18n.t("sup.report.saved", file));
            app.open(file);
        }, e -> InlineMessage.show(message, AppContext.describe(i18n, e)));
    }

    /** A line's amount as the columns above write theirs ("16 263,19"), or "—" for the side that has none. */
    static String amount(String wireAmount) {
        return wireAmount == null ? "—" : Formats.amount(wireAmount);
    }

    private String kind(Partner p) {
        return switch (p.kind()) {
            case POST -> i18n.t("ch.kind.post");
            case BANK -> i18n.t("ch.kind.bank");
            case MOBILE -> i18n.t("ch.kind.mobile");
            case ONLINE -> i18n.t("ch.kind.online");
        };
    }

    private String status(Reconciliation.Status s) {
        return switch (s) {
            case MATCHED -> i18n.t("ch.status.matched");
            case MISSING -> i18n.t("ch.status.missing");
            case UNREPORTED -> i18n.t("ch.status.unreported");
            case AMOUNT_MISMATCH -> i18n.t("ch.status.mismatch");
            case DUPLICATE -> i18n.t("ch.status.duplicate");
            case REVERSED -> i18n.t("ch.status.reversed");
        };
    }
}
