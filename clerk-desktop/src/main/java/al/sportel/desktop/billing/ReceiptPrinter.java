package al.sportel.desktop.billing;

import al.sportel.desktop.api.ApiException;
import al.sportel.slip.Slip;
import al.sportel.slip.SlipEscPos;
import al.sportel.slip.SlipPdf;
import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;

/**
 * Puts a receipt or slip on paper the way this workstation chose ({@link PrinterChoice}): as a PDF
 * through a printer the system knows, as ESC/POS bytes straight to a thermal printer that has no
 * driver, or not at all (saved as PDF). Either way a PDF copy is kept in the receipts folder so it can
 * be opened and printed by hand. Blocking (files, sockets, print spooler): call off the FX thread.
 */
public final class ReceiptPrinter {

    public record Outcome(boolean printed, Path file) {
    }

    /** Fetches or builds what is printed, only when the chosen printer needs it. */
    public interface Source<T> {
        T get() throws IOException, ApiException;
    }

    private static final int CONNECT_TIMEOUT_MS = 3000;

    private final Path folder;
    private final Supplier<PrinterChoice> choice;

    /** {@code choice} is asked at every print, so a change in the printer dialog applies to the next receipt. */
    public ReceiptPrinter(Path dataDir, Supplier<PrinterChoice> choice) {
        this.folder = dataDir.resolve("receipts");
        this.choice = choice;
    }

    /** A slip the desktop built itself (offline receipts): the PDF is drawn here from the same slip. */
    public Outcome print(String name, Slip slip) throws IOException, ApiException {
        return print(name, () -> SlipPdf.render(slip), () -> slip);
    }

    /** A slip the server made: its PDF for the system's printers, its content for a thermal printer. */
    public Outcome print(String name, Source<byte[]> pdf, Source<Slip> slip) throws IOException, ApiException {
        PrinterChoice to = choice.get();
        if (to.escPos()) {
            Slip content = slip.get();
            Path file = keep(name, SlipPdf.render(content));
            byte[] bytes = SlipEscPos.eightyMillimetres().render(content);
            if (to.kind() == PrinterChoice.Kind.ESCPOS_NETWORK) {
                sendToNetwork(to.address(), bytes);
            } else {
                sendToDevice(to.target(), bytes);
            }
            return new Outcome(true, file);
        }
        byte[] document = pdf.get();
        Path file = keep(name, document);
        PrintService printer = to.kind() == PrinterChoice.Kind.PDF_FILE ? null : systemPrinter(to.target());
        if (printer == null) {
            return new Outcome(false, file);
        }
        try (PDDocument doc = Loader.loadPDF(document)) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setPrintService(printer);
            job.setPageable(new PDFPageable(doc));
            job.setJobName(name);
            job.print();
            return new Outcome(true, file);
        } catch (PrinterException e) {
            throw new IOException("the printer refused the receipt: " + e.getMessage(), e);
        }
    }

    /** The named printer, or the default one; none on a machine without printers or in tests (sportel.noPrinter). */
    private static PrintService systemPrinter(String name) {
        if (System.getProperty("sportel.noPrinter") != null) {
            return null;
        }
        if (name.isEmpty()) {
            return PrintServiceLookup.lookupDefaultPrintService();
        }
        for (PrintService s : PrintServiceLookup.lookupPrintServices(null, null)) {
            if (s.getName().equals(name)) {
                return s;
            }
        }
        return null;
    }

    private Path keep(String name, byte[] pdf) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, pdf);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /**
     * A USB or parallel printer's device file (/dev/usb/lp0) or a Windows port or share (\\.\COM3,
     * \\host\printer). It must exist: writing to a mistyped path would create a file and print nothing.
     */
    private static void sendToDevice(String device, byte[] bytes) throws IOException {
        if (!device.startsWith("\\\\") && !Files.exists(Path.of(device))) {
            throw new IOException("no printer at " + device);
        }
        try (OutputStream out = new FileOutputStream(device)) {
            out.write(bytes);
        }
    }

    private static void sendToNetwork(InetSocketAddress address, byte[] bytes) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), CONNECT_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        }
    }
}
