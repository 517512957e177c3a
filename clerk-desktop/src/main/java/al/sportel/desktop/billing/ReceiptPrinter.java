package al.sportel.desktop.billing;

import java.awt.print.PrinterJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;
import java.awt.print.PrinterException;
import java.nio.file.StandardCopyOption;

/**
 * Puts a receipt on paper through the system's default printer when there is one; otherwise keeps
 * it as a PDF in the receipts folder so it can be opened and printed by hand. Either way a copy is
 * kept, which is what "reprint the last receipt" reads. Blocking: call off the FX thread.
 */
public final class ReceiptPrinter {

    public record Outcome(boolean printed, Path file) {
    }

    private final Path folder;

    public ReceiptPrinter(Path dataDir) {
        this.folder = dataDir.resolve("receipts");
    }

    public Outcome print(String name, byte[] pdf) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, pdf);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        PrintService printer = System.getProperty("sportel.noPrinter") != null ? null : PrintServiceLookup.lookupDefaultPrintService();
        if (printer == null) {
            return new Outcome(false, file);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
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
}
