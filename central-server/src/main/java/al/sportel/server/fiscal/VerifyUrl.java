package al.sportel.server.fiscal;

import al.sportel.model.fiscal.Iic;

/**
 * The address in the receipt's QR code (built in shared-model, so an offline counter prints the same) (spec 3.7.6): the authority's "Invoice check" page with the eight
 * parameters. Only the offset's "+" needs escaping ("%2B"); a bare "+" would be read as a space.
 */
final class VerifyUrl {

    private VerifyUrl() {
    }

    static String of(String base, String iic, String nuis, String issueDateTime, int ordinal, String businUnitCode,
                     String tcrCode, String softCode, String totPrice) {
        return Iic.verifyUrl(base, iic, nuis, issueDateTime, ordinal, businUnitCode, tcrCode, softCode, totPrice);
    }
}
