package al.sportel.model.fiscal;

/**
 * A block of invoice ordinals reserved for one TCR and year (ADR 0007 section 3), with everything a counter
 * needs to compute and print an NSLF offline: the seven IIC fields but the date, number and total, whether the
 * IIC takes the full invoice number ({@code invNumMode} FULL) or the ordinal, and the QR code's base address.
 */
public record FiscalOrdinalBlock(long counterId, String nuis, String sellerName, String businUnitCode, String tcrCode,
                                 String softCode, String operatorCode, String invNumMode, String verifyBase, int year,
                                 int first, int last) {

    /** What goes into the IIC for {@code ordinal}, as the server does it. */
    public String invNumForIic(int ordinal) {
        return "ORDINAL".equals(invNumMode) ? Integer.toString(ordinal) : invNum(ordinal);
    }

    /** The invoice number printed and sent: ordinal/year/TCR. */
    public String invNum(int ordinal) {
        return ordinal + "/" + year + "/" + tcrCode;
    }
}
