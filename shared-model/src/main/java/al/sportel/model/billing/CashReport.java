package al.sportel.model.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/reports/cash}: a counter's shift, bill payments' totals by method and every payment; voided ones
 * apart; {@code lateEntryCount} payments arrived after the day was over (taken offline). The fees sold at the
 * counter are in the same drawer: {@code fees} by method and {@code feesTotal}; {@code cashTaken} is all the cash
 * taken, bill payments and fees, which the clerk counts against the drawer. {@code earlierVoidedCount} /
 * {@code earlierVoidedAmount}: voids made on this day of payments taken at this counter on an earlier day; shown so
 * the supervisor sees them, counted in no total here (the day they were taken keeps them).
 */
public record CashReport(long counterId, int counterNumber, String branchCode, LocalDate date, List<CashTotal> totals,
                         String total, int voidedCount, String voidedAmount, List<CashLine> payments, int lateEntryCount,
                         List<CashTotal> fees, String feesTotal, String cashTaken, int earlierVoidedCount,
                         String earlierVoidedAmount) {
}
