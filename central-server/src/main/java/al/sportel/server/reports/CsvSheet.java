package al.sportel.server.reports;

import al.sportel.model.BusinessTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV file as the finance office opens it in a spreadsheet: RFC 4180 quoting by Commons CSV (a comma
 * or quote in a name no longer shifts the columns), lines ending in \n. A text cell that begins like a
 * formula ({@code = + - @}, tab, carriage return) gets a leading apostrophe, so a name or a partner's
 * reference is shown, never run (OWASP's CSV injection); numbers, negative ones too, stay numbers.
 */
public final class CsvSheet {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+([.,]\\d+)?");
    /** Always with seconds: OffsetDateTime.toString() drops them on a whole minute, and a column should read alike. */
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final StringBuilder out = new StringBuilder();
    private final CSVPrinter printer;

    public CsvSheet() {
        try {
            printer = new CSVPrinter(out, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line; a null cell is empty. */
    public CsvSheet row(Object... cells) {
        try {
            for (Object cell : cells) {
                printer.print(cell == null ? "" : guarded(cell.toString()));
            }
            printer.println();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
    }

    /** An empty line between two tables of one file. */
    public CsvSheet blank() {
        out.append('\n');
        return this;
    }

    /** A time as the finance office reads it: Tirana's, with its offset ({@code 2026-11-25T10:15:30+01:00}), never UTC. */
    public static String time(Instant at) {
        return at == null ? "" : SECONDS.format(at.atZone(BusinessTime.ZONE));
    }

    static String guarded(String cell) {
        if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
