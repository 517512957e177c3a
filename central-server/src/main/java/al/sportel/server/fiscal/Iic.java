package al.sportel.server.fiscal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;

/**
 * The invoice identification code (NSLF) of spec 5.3.3: the seven fields joined by "|", signed
 * RSA-SHA256 with PKCS#1 v1.5 padding (the IIC signature, hex), and the MD5 of the signature bytes (the IIC).
 */
public record Iic(String code, String signature) {

    /** The fields in the spec's order; {@code invNum} is the ordinal or the full number, per {@link InvNumMode}. */
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
            return new Iic(FiscalFormats.hex(md5), FiscalFormats.hex(signature));
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
            return rsa.verify(signature)
                    && FiscalFormats.hex(MessageDigest.getInstance("MD5").digest(signature)).equalsIgnoreCase(code);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
