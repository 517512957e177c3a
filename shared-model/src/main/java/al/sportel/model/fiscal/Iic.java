package al.sportel.model.fiscal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The invoice identification code (NSLF) of spec 5.3.3: the seven fields joined by "|", signed RSA-SHA256
 * with PKCS#1 v1.5 padding (the IIC signature, hex), and the MD5 of the signature bytes (the IIC). Shared by
 * the server and a counter that issues NSLFs offline with a counter key (ADR 0007 section 3): one algorithm,
 * one date and amount format, so both compute the same code for the same receipt.
 */
public record Iic(String code, String signature) {

    /** Receipts are issued in Albania; the spec's examples carry the local offset. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Tirane");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    /** The fields in the spec's order; {@code invNum} is the ordinal or the full number, per the company's setting. */
    public static String input(String nuis, String issueDateTime, String invNum, String businUnitCode, String tcrCode,
                               String softCode, String totPrice) {
        return String.join("|", nuis, issueDateTime, invNum, businUnitCode, tcrCode, softCode, totPrice);
    }

    public static Iic compute(String input, PrivateKey key) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input.getBytes(StandardCharsets.UTF_8));
            byte[] signature = rsa.sign();
            byte[] md5 = MessageDigest.getInstance("MD5").digest(signature);
            return new Iic(hex(md5), hex(signature));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the IIC: " + e.getMessage(), e);
        }
    }

    /** What the authority checks: the signature is the issuer's over these fields, and the IIC is its MD5. */
    public static boolean matches(String input, String code, String signatureHex, PublicKey key) {
        try {
            byte[] signature = HexFormat.of().parseHex(signatureHex);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(input.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(signature) && hex(MessageDigest.getInstance("MD5").digest(signature)).equalsIgnoreCase(code);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** "2019-06-12T17:05:43+02:00": whole seconds, Tirana's offset at that instant. */
    public static String dateTime(Instant at) {
        return DATE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE));
    }

    /** Qindarka as the spec's decimal: "99.01". */
    public static String amount(long qindarka) {
        return BigDecimal.valueOf(qindarka, 2).toPlainString();
    }

    /**
     * The address in the receipt's QR code (spec 3.7.6): the authority's "Invoice check" page with the eight
     * parameters. Only the offset's "+" needs escaping ("%2B"); a bare "+" would be read as a space.
     */
    public static String verifyUrl(String base, String iic, String nuis, String issueDateTime, int ordinal, String businUnitCode,
                                   String tcrCode, String softCode, String totPrice) {
        return base + "?iic=" + iic + "&tin=" + nuis + "&crtd=" + issueDateTime.replace("+", "%2B") + "&ord=" + ordinal
                + "&bu=" + businUnitCode + "&cr=" + tcrCode + "&sw=" + softCode + "&prc=" + totPrice;
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
