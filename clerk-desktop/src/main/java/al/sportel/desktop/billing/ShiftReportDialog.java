package al.sportel.desktop.billing;

import al.sportel.model.Formats;
import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.app.Background;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Session;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.Tables;
import al.sportel.model.billing.CashLine;
import al.sportel.model.billing.CashReport;
import al.sportel.model.billing.CashTotal;
import al.sportel.slip.PdfFonts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import java.util.ArrayList;
import javafx.scene.control.ButtonBar;

/** The end of a shift: totals by method, every payment, and CSV and PDF copies in the reports folder. */
final class ShiftReportDialog {

    private ShiftReportDialog() {
    }

    static void show(Window owner, AppContext app, Session session, CashDepositDialog drawer) {
        I18n i18n = app.i18n();
        Background bg = app.background();
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.getDialogPane().setId("shiftDialog");
        d.setTitle(i18n.t("shift.window", session.counter().number()));
        d.getDialogPane().getButtonTypes().setAll(new ButtonType(i18n.t("shift.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Label header = new Label();
        header.setId("shiftHeader");
        header.getStyleClass().add("card-title");
        Label totals = new Label();
        totals.setId("shiftTotals");
        totals.getStyleClass().add("bills-total");
        Label status = new Label();
        status.setId("shiftStatus");
        status.setWrapText(true);
        TableView<CashLine> table = Tables.table(i18n);
        table.setId("shiftTable");
        table.setPrefSize(760, 360);
        table.getColumns().setAll(List.of(
                Tables.<CashLine>column(i18n.t("shift.col.time"), l -> i18n.time(l.createdAt())),
                Tables.<CashLine>column(i18n.t("shift.col.receipt"), CashLine::receiptNumber),
                Tables.<CashLine>column(i18n.t("shift.col.customer"), CashLine::customerCode),
                Tables.<CashLine>column(i18n.t("shift.col.amount"), l -> Formats.amount(l.amount())),
                Tables.<CashLine>column(i18n.t("shift.col.method"), l -> method(i18n, l.method())),
                Tables.<CashLine>column(i18n.t("shift.col.voided"),
                        l -> l.voided() ? "✗" : l.voidedLater() ? "✗ " + i18n.t("shift.voidedLater") : "")));
        Button csv = new Button(i18n.t("shift.csv"));
        csv.setId("shiftCsvButton");
        Button pdf = new Button(i18n.t("shift.pdf"));
        pdf.setId("shiftPdfButton");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(bg.busy());
        csv.disableProperty().bind(bg.busy());
        pdf.disableProperty().bind(bg.busy());
        Button cashMove = new Button(i18n.t("shift.cashMove"));
        cashMove.setId("cashMoveButton");
        cashMove.disableProperty().bind(bg.busy());
        cashMove.setOnAction(e -> drawer.duringDay(d.getDialogPane().getScene().getWindow(), deposit -> status.setText(deposit == null ? ""
                : i18n.t("PENDING".equals(deposit.status()) ? "cash.registered.pending" : "cash.registered",
                        i18n.t("cash.op." + deposit.operation()), Formats.amount(deposit.amount())))));
        VBox box = new VBox(10, header, totals, table, new HBox(10, csv, pdf, cashMove, busy), status);
        box.setPadding(new Insets(12));
        d.getDialogPane().setContent(box);

        long counterId = session.counter().id();
        Path folder = app.config().dataDir().resolve("reports");
        ApiClient api = session.api();
        CashReport[] loaded = new CashReport[1];
        bg.run(() -> api.cashReport(counterId), r -> {
            loaded[0] = r;
            header.setText(title(i18n, r));
            StringBuilder sb = new StringBuilder(i18n.t("shift.total", Formats.amount(r.total())));
            for (CashTotal t : r.totals()) {
                sb.append('\n').append(i18n.t("shift.byMethod", method(i18n, t.method()),
                        t.count(), Formats.amount(t.amount())));
            }
            sb.append('\n').append(i18n.t("shift.voided", r.voidedCount(), Formats.amount(r.voidedAmount())));
            if (r.earlierVoidedCount() > 0) {
                sb.append('\n').append(i18n.t("shift.earlierVoided", r.earlierVoidedCount(), Formats.amount(r.earlierVoidedAmount())));
            }
            // the fees sold here are in the same drawer: without them the count never matched
            for (CashTotal f : r.fees() == null ? List.<CashTotal>of() : r.fees()) {
                if (f.count() > 0) {
                    sb.append('\n').append(i18n.t("shift.fees", method(i18n, f.method()),
                            f.count(), Formats.amount(f.amount())));
                }
            }
            if (r.cashTaken() != null) {
                sb.append('\n').append(i18n.t("shift.cashTaken", Formats.amount(r.cashTaken())));
            }
            totals.setText(sb.toString());
            table.getItems().setAll(r.payments());
        }, e -> status.setText(AppContext.describe(i18n, e)));

        csv.setOnAction(e -> bg.run(() -> save(folder, "cash-" + counterId + ".csv", api.cashReportCsv(counterId)),
                p -> status.setText(i18n.t("shift.saved", p)), x -> status.setText(AppContext.describe(i18n, x))));
        pdf.setOnAction(e -> {
            if (loaded[0] != null) {
                CashReport r = loaded[0];
                String title = header.getText();
                String sums = totals.getText();
                bg.run(() -> save(folder, "cash-" + counterId + "-" + r.date() + ".pdf", pdf(i18n, title, sums, r)),
                        p -> status.setText(i18n.t("shift.saved", p)), x -> status.setText(AppContext.describe(i18n, x)));
            }
        });
        d.showAndWait();
    }

    private static Path save(Path folder, String name, byte[] content) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        Files.write(file, content);
        return file;
    }

    /** "Mbyllja e turnit — Sporteli 3, 25.11.2026": the dialog's header and the PDF's title. */
    static String title(I18n i18n, CashReport r) {
        return i18n.t("shift.title", r.counterNumber(), i18n.date(r.date()));
    }

    private static String method(I18n i18n, String method) {
        return i18n.t("CASH".equals(method) ? "pay.cash" : "pay.card");
    }

    /** A4 list of the shift's payments, in the fonts every Sportel PDF uses ({@link PdfFonts}). */
    static byte[] pdf(I18n i18n, String title, String totals, CashReport r) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = null;
            PDPageContentStream s = null;
            float y = 0;
            List<String> lines = new ArrayList<>(List.of(totals.split("\n")));
            lines.add("");
            // as the dialog's table shows them, in the session's language: this is the page the clerk signs
            for (CashLine l : r.payments()) {
                lines.add(String.format("%s   %-20s %-10s %12s %-13s %s", i18n.time(l.createdAt()),
                        l.receiptNumber(), l.customerCode(), Formats.amount(l.amount()), method(i18n, l.method()),
                        l.voided() ? i18n.t("shift.pdf.voided") : l.voidedLater() ? i18n.t("shift.pdf.voidedLater") : ""));
            }
            List<String> texts = new ArrayList<>(lines);
            texts.add(title);
            PdfFonts fonts = PdfFonts.of(doc, texts);
            for (int i = -1; i < lines.size(); i++) {
                if (page == null || y < 50) {
                    if (s != null) {
                        s.close();
                    }
                    page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    s = new PDPageContentStream(doc, page);
                    y = PDRectangle.A4.getHeight() - 50;
                }
                s.beginText();
                PDFont font = i < 0 ? fonts.bold() : fonts.regular();
                s.setFont(font, i < 0 ? 13 : 9.5f);
                s.newLineAtOffset(45, y);
                s.showText(PdfFonts.printable(font, i < 0 ? title : lines.get(i)));
                s.endText();
                y -= i < 0 ? 22 : 14;
            }
            if (s != null) {
                s.close();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
