package al.sportel.server.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.sportel.server.http.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The attachment's type comes from its first bytes and its shown name can never name a path. */
class AttachmentRulesTest {

    @Test
    void theBytesDecideTheTypeWhateverTheNameSays() {
        assertThat(AttachmentRules.typeOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains("image/jpeg");
        assertThat(AttachmentRules.typeOf("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
        assertThat(AttachmentRules.typeOf("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(AttachmentRules.typeOf(new byte[] {(byte) 0xFF, (byte) 0xD8})).as("too short to be a JPEG").isEmpty();
        assertThatThrownBy(() -> AttachmentRules.check("photo.jpg", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> AttachmentRules.check("empty.png", new byte[0]))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
    }

    @Test
    void namesLoseTheirPathAndOddCharacters() {
        assertThat(AttachmentRules.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentRules.safeName("C:\\Users\\Ana\\faturë tetor.pdf")).isEqualTo("faturë_tetor.pdf");
        assertThat(AttachmentRules.safeName("\"; rm -rf /\"")).doesNotContain("/").doesNotContain("\"");
        assertThat(AttachmentRules.safeName("")).isEqualTo("file");
        assertThat(AttachmentRules.safeName("a".repeat(300) + ".png")).hasSize(100).endsWith(".png");
    }
}
