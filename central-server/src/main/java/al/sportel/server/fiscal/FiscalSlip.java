package al.sportel.server.fiscal;

import java.time.Instant;

/**
 * What the law wants on the printed receipt besides our own lines (docs/fiscal.md). {@code fic} null: not yet.
 * {@code vatRate} in hundredths of a percent (2000 = 20 %), as the invoice has it; the receipt writes it for people.
 */
public record FiscalSlip(String sellerName, String nuis, String address, String businUnitCode, String tcrCode,
                         String operatorCode, String invNum, Instant issuedAt, String itemName, String totWithoutVat,
                         String totVat, int vatRate, String totPrice, String payMethod, String iic, String fic,
                         String verifyUrl, boolean copy) {
}
