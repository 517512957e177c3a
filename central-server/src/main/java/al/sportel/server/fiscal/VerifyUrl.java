package al.sportel.server.fiscal;

/**
 * The address in the receipt's QR code (spec 3.7.6): the authority's "Invoice check" page with the eight
 * parameters. Only the offset's "+" needs escaping ("%2B"); a bare "+" would be read as a space.
 */
final class VerifyUrl {

    private VerifyUrl() {
    }

    static String of(String base, String iic, String nuis, String issueDateTime, int ordinal, String businUnitCode,
                     String tcrCode, String softCode, String totPrice) {
        return base + "?iic=" + iic + "&tin=" + nuis + "&crtd=" + issueDateTime.replace("+", "%2B") + "&ord=" + ordinal
                + "&bu=" + businUnitCode + "&cr=" + tcrCode + "&sw=" + softCode + "&prc=" + totPrice;
    }
}
