package al.sportel.desktop.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.model.BranchReport;
import org.junit.jupiter.api.Test;

/** The supervisor's tables write amounts as Albanians do, as the columns beside them already did. */
class AmountCellsTest {

    @Test
    void theReportsPaymentsAndTheReconciliationsLinesShowGroupedAmountsWithADecimalComma() {
        assertThat(ReportsPane.amount(new BranchReport.MethodFigures("CASH", 80, "16263.19"))).isEqualTo("16 263,19");
        assertThat(ChannelsPane.amount("16263.19")).isEqualTo("16 263,19");
        assertThat(ChannelsPane.amount("1000000000.00")).isEqualTo("1 000 000 000,00");
        assertThat(ChannelsPane.amount(null)).as("the side a line does not have").isEqualTo("—");
    }
}
