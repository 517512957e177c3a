package al.sportel.server.channels;

import al.sportel.model.Money;
import al.sportel.model.Problem.FieldError;
import al.sportel.server.http.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A partner's daily settlement file: CSV, UTF-8, comma-separated, first line the header
 * {@code reference,customer,amount,paidAt}; amount in lek with at most two decimals, paidAt an
 * ISO-8601 instant. Every bad line is reported at once (up to 20), and a bad file stores nothing.
 */
final class SettlementFile {

    static final String HEADER = "reference,customer,amount,paidAt";
    static final int MAX_LINES = 100_000;

    record Line(int number, String reference, String customerCode, long amount, Instant paidAt) {
    }

    private SettlementFile() {
    }

    static List<Line> parse(String text) {
        String[] rows = text.replace("\r", "").split("\n");
        if (rows.length == 0 || !rows[0].strip().replace(" ", "").equalsIgnoreCase(HEADER)) {
            throw ApiException.invalid("file", "the first line must be the header " + HEADER);
        }
        List<Line> lines = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 1; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty()) {
                continue;
            }
            if (lines.size() >= MAX_LINES) {
                throw ApiException.invalid("file", "at most " + MAX_LINES + " lines per file");
            }
            String[] f = row.split(",", -1);
            String problem = null;
            if (f.length != 4) {
                problem = "needs 4 fields: " + HEADER;
            } else if (!ChannelRoutes.REFERENCE.matcher(f[0].strip()).matches()) {
                problem = "reference must be 1 to 64 letters, digits or . _ : -";
            } else if (f[1].strip().isEmpty() || f[1].strip().length() > 20) {
                problem = "customer must be a customer code";
            } else {
                try {
                    long amount = Money.parse(f[2]);
                    if (amount <= 0) {
                        throw new IllegalArgumentException("must be more than zero");
                    }
                    lines.add(new Line(i + 1, f[0].strip(), f[1].strip(), amount, OffsetDateTime.parse(f[3].strip()).toInstant()));
                } catch (IllegalArgumentException e) {
                    problem = "amount " + e.getMessage();
                } catch (DateTimeParseException e) {
                    problem = "paidAt must be a time such as 2026-11-25T09:30:00Z";
                }
            }
            if (problem != null && errors.size() < 20) {
                errors.add(new FieldError("line " + (i + 1), problem));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return lines;
    }
}
