package al.sportel.server.channels;

import al.sportel.model.Money;
import al.sportel.model.Problem.FieldError;
import al.sportel.server.http.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A partner's daily settlement file: CSV (RFC 4180: fields may be quoted), UTF-8 with or without a
 * byte-order mark, comma-separated, first line the header
 * {@code reference,customer,amount,paidAt}; amount in lek with at most two decimals, paidAt an
 * ISO-8601 instant. Every bad line is reported at once (up to 20), and a bad file stores nothing.
 */
final class SettlementFile {

    static final String HEADER = "reference,customer,amount,paidAt";
    static final int MAX_LINES = 100_000;
    /**
     * The most one line may carry: a hundred times the largest payment a partner may send ({@link ChannelRoutes#MAX_AMOUNT}),
     * so a line with a typing error of a zero or two is still shown in the reconciliation (its one click refuses it),
     * while no file of {@link #MAX_LINES} lines can overflow a sum (10^5 lines of 10^11 qindarka stay far below 2^63).
     */
    static final long MAX_LINE_AMOUNT = 100 * ChannelRoutes.MAX_AMOUNT;
    /** A code as customer codes are written: it goes into CSV exports a spreadsheet opens, so nothing it could run. */
    private static final Pattern CUSTOMER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./-]{0,19}");

    record Line(int number, String reference, String customerCode, long amount, Instant paidAt) {
    }

    /** Comma-separated, optionally quoted, blank lines skipped; fields are stripped by the checks. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true)
            .get();

    private SettlementFile() {
    }

    /** Line numbers as the partner's editor shows them, counted on as the records come in order. */
    private static final class LineCounter {
        private final String body;
        private int position;
        private int line = 1;

        LineCounter(String body) {
            this.body = body;
        }

        int lineOf(CSVRecord record) {
            long start = Math.min(record.getCharacterPosition(), body.length());
            // a record read after blank lines begins where they do
            while (position < body.length() && (position < start || body.charAt(position) == '\r' || body.charAt(position) == '\n')) {
                if (body.charAt(position) == '\n') {
                    line++;
                }
                position++;
            }
            return line;
        }
    }

    static List<Line> parse(String text) {
        // Commons CSV reads the quoted fields a spreadsheet writes ("TR-1","100001",…); a spreadsheet's
        // UTF-8 byte-order mark before the header is not part of it
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(body, FORMAT)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw ApiException.invalid("file", "not a readable CSV file: " + cause.getMessage());
        }
        if (records.isEmpty() || !String.join(",", records.get(0).toList()).replace(" ", "").equalsIgnoreCase(HEADER)) {
            throw ApiException.invalid("file", "the first line must be the header " + HEADER);
        }
        if (records.size() - 1 > MAX_LINES) {
            throw ApiException.invalid("file", "at most " + MAX_LINES + " lines per file");
        }
        List<Line> lines = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        LineCounter counter = new LineCounter(body);
        for (CSVRecord record : records.subList(1, records.size())) {
            int number = counter.lineOf(record);
            String[] f = record.stream().map(String::strip).toArray(String[]::new);
            if (Arrays.stream(f).allMatch(String::isEmpty)) {
                continue; // a line of spaces is as blank as an empty one
            }
            String problem = null;
            if (f.length != 4) {
                problem = "needs 4 fields: " + HEADER;
            } else if (!ChannelRoutes.REFERENCE.matcher(f[0]).matches()) {
                problem = "reference must be 1 to 64 letters, digits or . _ : -";
            } else if (!CUSTOMER.matcher(f[1]).matches()) {
                problem = "customer must be a customer code (up to 20 letters, digits or . / -)";
            } else {
                try {
                    long amount = Money.parse(f[2]);
                    if (amount <= 0) {
                        throw new IllegalArgumentException("must be more than zero");
                    }
                    if (amount > MAX_LINE_AMOUNT) {
                        throw new IllegalArgumentException("is above the most a line may carry (" + Money.format(MAX_LINE_AMOUNT)
                                + " lek); check it with the partner");
                    }
                    lines.add(new Line(number, f[0], f[1], amount, OffsetDateTime.parse(f[3]).toInstant()));
                } catch (IllegalArgumentException e) {
                    problem = "amount " + e.getMessage();
                } catch (DateTimeParseException e) {
                    problem = "paidAt must be a time such as 2026-11-25T09:30:00Z";
                }
            }
            if (problem != null && errors.size() < 20) {
                errors.add(new FieldError("line " + number, problem));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return lines;
    }
}
