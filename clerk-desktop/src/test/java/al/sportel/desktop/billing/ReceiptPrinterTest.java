package al.sportel.desktop.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.sportel.desktop.app.Settings;
import al.sportel.slip.Slip;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a receipt goes once the clerk has chosen a printer: real files, a real socket, no toolkit. */
class ReceiptPrinterTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Slip RECEIPT = Slip.builder().title("MANDAT PAGESE").row("Kusuri", "7,70 L")
            .build("http://127.0.0.1/public/receipts/TR01-2026-000001", "Faleminderit!");

    @TempDir
    Path data;

    @Test
    void aNetworkThermalPrinterGetsEscPosBytesAndAPdfCopyIsKept() throws Exception {
        try (RawPrinter thermal = new RawPrinter()) {
            ReceiptPrinter printer = new ReceiptPrinter(data, () -> new PrinterChoice(PrinterChoice.Kind.ESCPOS_NETWORK, thermal.address()));
            ReceiptPrinter.Outcome out = printer.print("TR01-2026-000001", () -> {
                throw new AssertionError("a thermal printer needs no PDF from the server");
            }, () -> RECEIPT);

            String job = new String(thermal.nextJob(), CP1252);
            assertThat(job).startsWith("\u001b@").contains("MANDAT PAGESE").contains("\u001d(k")
                    .contains("/public/receipts/TR01-2026-000001").contains("\u001dV");
            assertThat(out.printed()).isTrue();
            assertThat(out.file()).hasFileName("TR01-2026-000001.pdf");
            assertThat(Files.readAllBytes(out.file())).startsWith("%PDF".getBytes(CP1252));
        }
    }

    @Test
    void aDevicePathGetsTheBytesAndAMistypedOneIsRefusedWithoutCreatingAFile() throws Exception {
        Path device = Files.createFile(data.resolve("lp0"));
        new ReceiptPrinter(data, () -> new PrinterChoice(PrinterChoice.Kind.ESCPOS_DEVICE, device.toString())).print("offline-1", RECEIPT);
        assertThat(new String(Files.readAllBytes(device), CP1252)).startsWith("\u001b@").contains("Kusuri");

        Path missing = data.resolve("lp9");
        ReceiptPrinter wrong = new ReceiptPrinter(data, () -> new PrinterChoice(PrinterChoice.Kind.ESCPOS_DEVICE, missing.toString()));
        assertThatThrownBy(() -> wrong.print("offline-2", RECEIPT)).isInstanceOf(IOException.class).hasMessageContaining("lp9");
        assertThat(missing).doesNotExist();
    }

    @Test
    void saveAsPdfKeepsTheServersPdfAndPrintsNothing() throws Exception {
        byte[] pdf = "%PDF-1.7 the server's receipt".getBytes(CP1252);
        ReceiptPrinter printer = new ReceiptPrinter(data, () -> new PrinterChoice(PrinterChoice.Kind.PDF_FILE, ""));
        ReceiptPrinter.Outcome out = printer.print("TR01/2026", () -> pdf, () -> {
            throw new AssertionError("no slip is needed for a PDF");
        });
        assertThat(out.printed()).isFalse();
        assertThat(out.file()).hasFileName("TR01_2026.pdf").hasBinaryContent(pdf);
    }

    @Test
    void theChoiceIsAskedAtEveryPrintAndRememberedInTheWorkstationsSettings() throws Exception {
        Settings settings = new Settings(data);
        assertThat(PrinterChoice.from(settings)).isEqualTo(PrinterChoice.systemDefault());
        AtomicReference<PrinterChoice> choice = new AtomicReference<>(new PrinterChoice(PrinterChoice.Kind.PDF_FILE, null));
        ReceiptPrinter printer = new ReceiptPrinter(data, choice::get);
        assertThat(printer.print("a", RECEIPT).printed()).isFalse();

        try (RawPrinter thermal = new RawPrinter()) {
            new PrinterChoice(PrinterChoice.Kind.ESCPOS_NETWORK, " " + thermal.address() + " ").saveTo(settings);
            settings.save();
            PrinterChoice reread = PrinterChoice.from(new Settings(data));
            assertThat(reread).isEqualTo(new PrinterChoice(PrinterChoice.Kind.ESCPOS_NETWORK, thermal.address()));
            choice.set(reread);
            assertThat(printer.print("b", RECEIPT).printed()).isTrue();
            assertThat(thermal.nextJob()).isNotEmpty();
        }
    }

    @Test
    void aChoiceThatCannotPrintSaysWhy() {
        assertThat(new PrinterChoice(PrinterChoice.Kind.ESCPOS_NETWORK, "192.168.1.50").problem()).isNull();
        assertThat(new PrinterChoice(PrinterChoice.Kind.ESCPOS_NETWORK, "192.168.1.50").address().getPort()).isEqualTo(9100);
        assertThat(new PrinterChoice(PrinterChoice.Kind.ESCPOS_NETWORK, "printer-2:9101").address().getPort()).isEqualTo(9101);
        assertThat(new PrinterChoice(PrinterChoice.Kind.ESCPOS_NETWORK, "host:99999").problem()).isEqualTo("printer.error.address");
        assertThat(new PrinterChoice(PrinterChoice.Kind.ESCPOS_NETWORK, "http://x/").problem()).isEqualTo("printer.error.address");
        assertThat(new PrinterChoice(PrinterChoice.Kind.ESCPOS_DEVICE, " ").problem()).isEqualTo("printer.error.device");
        assertThat(new PrinterChoice(PrinterChoice.Kind.SYSTEM, "").problem()).isNull();
        Settings edited = new Settings(data);
        edited.put("printer.kind", "LASER");
        assertThat(PrinterChoice.from(edited)).isEqualTo(PrinterChoice.systemDefault());
    }
}
