package al.sportel.server.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Spec 5.3.3: the worked example, with the spec's own sample key, must give the spec's IIC. */
class IicTest {

    private static final String EXAMPLE = "I12345678I|2019-06-12T17:05:43+02:00|9952|bb123bb123|cc123cc123|ss123ss123|99.01";

    @Test
    void theSpecsWorkedExampleGivesTheSpecsIic() throws Exception {
        PrivateKey key = specSampleKey();
        String input = Iic.input("I12345678I", "2019-06-12T17:05:43+02:00", "9952", "bb123bb123", "cc123cc123", "ss123ss123", "99.01");
        assertThat(input).isEqualTo(EXAMPLE);

        Iic iic = Iic.compute(input, key);

        assertThat(iic.code()).isEqualTo("D04C13B4063D63A13B5D822A90178A7C");
        assertThat(iic.signature()).startsWith("404ADDB017B2DE49B0A51340A991130E670F08BC2BE854EEAAE9C3F41A2C98E1")
                .endsWith("4E32196D6127FD8154C24CE0CB374677D20").hasSize(512);
    }

    @Test
    void theInvoiceNumberModePicksWhatGoesIntoTheFields() {
        assertThat(InvNumMode.FULL.forIic(9952, "9952/2019/cc123cc123")).isEqualTo("9952/2019/cc123cc123");
        assertThat(InvNumMode.ORDINAL.forIic(9952, "9952/2019/cc123cc123")).isEqualTo("9952");
    }

    @Test
    void datesCarryTiranasOffsetAndNuisIsLetterEightDigitsLetter() {
        assertThat(FiscalFormats.dateTime(Instant.parse("2019-06-12T15:05:43.720Z"))).isEqualTo("2019-06-12T17:05:43+02:00");
        assertThat(FiscalFormats.dateTime(Instant.parse("2026-11-25T09:00:00Z"))).isEqualTo("2026-11-25T10:00:00+01:00");
        assertThat(FiscalFormats.isNuis("L91806031N")).isTrue();
        assertThat(FiscalFormats.isNuis("L9180603N")).isFalse();
        assertThat(FiscalFormats.isNuis("191806031N")).isFalse();
        assertThat(FiscalFormats.amount(9901)).isEqualTo("99.01");
    }

    /** The spec prints the key as PKCS#1 ("BEGIN RSA PRIVATE KEY"); Java reads PKCS#8, so it is wrapped. */
    static PrivateKey specSampleKey() throws Exception {
        String pem = Files.readString(FiscalAuthorityDouble.resource("spec-sample-key.pem"));
        byte[] pkcs1 = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        byte[] version = {0x02, 0x01, 0x00};
        byte[] rsaAlgorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.write(version);
        inner.write(rsaAlgorithm);
        inner.write(der(0x04, pkcs1));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(0x30, inner.toByteArray())));
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 128) {
            out.write(n);
        } else if (n < 256) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
