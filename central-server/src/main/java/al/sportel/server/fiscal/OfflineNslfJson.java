package al.sportel.server.fiscal;

import al.sportel.model.fiscal.OfflineNslf;
import al.sportel.server.http.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** Reads the {@code nslf} a counter printed offline from a payment's body (ADR 0007 section 3). */
public final class OfflineNslfJson {

    private static final Pattern IIC = Pattern.compile("[0-9A-Fa-f]{32}");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9A-Fa-f]{64,1024}");

    private OfflineNslfJson() {
    }

    /** The NSLF, or null when absent or wrong (then the body carries the field's error). */
    public static OfflineNslf read(JsonBody body, boolean offline) {
        JsonNode n = body.optionalNode("nslf");
        if (n == null) {
            return null;
        }
        if (!offline) {
            body.addError("nslf", "is only for a payment taken offline");
            return null;
        }
        if (!n.isObject()) {
            body.addError("nslf", "must be an object with invOrdNum, iic and iicSignature");
            return null;
        }
        JsonNode ordinal = n.path("invOrdNum");
        String iic = n.path("iic").asText("");
        String signature = n.path("iicSignature").asText("");
        boolean ok = true;
        if (!ordinal.canConvertToInt() || !ordinal.isIntegralNumber() || ordinal.intValue() < 1) {
            body.addError("nslf.invOrdNum", "must be a whole number from 1");
            ok = false;
        }
        if (!IIC.matcher(iic).matches()) {
            body.addError("nslf.iic", "must be 32 hexadecimal digits");
            ok = false;
        }
        if (!SIGNATURE.matcher(signature).matches()) {
            body.addError("nslf.iicSignature", "must be the signature in hexadecimal");
            ok = false;
        }
        return ok ? new OfflineNslf(ordinal.intValue(), iic.toUpperCase(), signature.toUpperCase()) : null;
    }
}
