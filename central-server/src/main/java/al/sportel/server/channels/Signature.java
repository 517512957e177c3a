package al.sportel.server.channels;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The partner request signature (docs/channels.md): HMAC-SHA256 with the key's secret over
 * <pre>
 * SPORTEL-HMAC-SHA256
 * METHOD
 * /path?query          (exactly as sent)
 * TIMESTAMP            (Unix seconds, as in the header)
 * hex(SHA-256(body))   (of the empty string when there is no body)
 * </pre>
 * joined by single newlines, sent as lowercase hex.
 */
public final class Signature {

    public static final String SCHEME = "SPORTEL-HMAC-SHA256";
    public static final String KEY_HEADER = "X-Sportel-Key";
    public static final String TIMESTAMP_HEADER = "X-Sportel-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Sportel-Signature";

    private Signature() {
    }

    public static String stringToSign(String method, String pathAndQuery, String timestamp, byte[] body) {
        return String.join("\n", SCHEME, method.toUpperCase(), pathAndQuery, timestamp, sha256Hex(body));
    }

    public static String sign(byte[] secret, String method, String pathAndQuery, String timestamp, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret, stringToSign(method, pathAndQuery, timestamp, body)));
    }

    /**
     * Constant-time: {@link MessageDigest#isEqual} looks at every byte whatever the first difference,
     * so the time taken tells an attacker nothing about how much of a forged signature was right.
     */
    public static boolean matches(byte[] secret, String method, String pathAndQuery, String timestamp, byte[] body, String given) {
        byte[] expected = hmac(secret, stringToSign(method, pathAndQuery, timestamp, body));
        byte[] actual;
        try {
            actual = HexFormat.of().parseHex(given.strip().toLowerCase());
        } catch (IllegalArgumentException e) {
            actual = new byte[0];
        }
        return MessageDigest.isEqual(expected, actual);
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
