package al.sportel.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** What a spreadsheet makes of our CSV files. */
class CsvSheetTest {

    @Test
    void aCommaOrQuoteInANameKeepsItsColumnAndAFormulaIsShownNotRun() throws Exception {
        String csv = new CsvSheet().row("clerk", "served", "difference")
                .row("Hoxha, Arbën \"Beni\"", 12, "-110.00")
                .row("=HYPERLINK(\"http://x\")", null, "+1")
                .blank().row("TOTAL", "", 3).toString();

        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        assertThat(records.get(1).toList()).containsExactly("Hoxha, Arbën \"Beni\"", "12", "-110.00");
        assertThat(records.get(2).toList()).containsExactly("'=HYPERLINK(\"http://x\")", "", "'+1");
        assertThat(csv).startsWith("clerk,served,difference\n").contains("\n\nTOTAL,,3\n");
    }
}
