package al.sportel.model.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/reports/cash}: a counter's shift, totals by method and every payment; voided ones apart;
 * {@code lateEntryCount} payments arrived after the day was over (taken offline).
 */
public record CashReport(long counterId, int counterNumber, String branchCode, LocalDate date, List<CashTotal> totals,
                         String total, int voidedCount, String voidedAmount, List<CashLine> payments, int lateEntryCount) {
}
