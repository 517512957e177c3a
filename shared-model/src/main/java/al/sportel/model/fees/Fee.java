package al.sportel.model.fees;

/**
 * A fee the counters sell (connection, reconnection, meter test): its price with VAT, in lek as text
 * ("5000.00"), and its VAT rate in percent ("20.00"). An inactive fee is kept for old receipts but not sold.
 */
public record Fee(String code, String name, String nameEn, String price, String vatRatePercent, boolean active) {
}
