package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The remote-ticket limits and the SMS gateway chosen from options and the environment. */
class RemoteOptionsTest {

    @Test
    void optionsAndEnvironmentChooseTheLimitsAndTheGateway() throws Exception {
        ServerConfig defaults = Main.parse(new String[] {}, Map.of());
        assertThat(defaults.remote().perAccountPerDay()).isEqualTo(3);
        assertThat(defaults.remote().perAddressPerDay()).isEqualTo(10);
        assertThat(defaults.sms().url()).isNull();

        Path key = Files.createTempFile("sms-key", ".txt");
        Files.writeString(key, "Bearer from-file\n");
        ServerConfig c = Main.parse(new String[] {"--remote-tickets-per-account", "5", "--sms-url", "https://sms.example.al/send",
                "--sms-auth-header", "Authorization", "--sms-auth-file", key.toString(), "--sms-method", "put"},
                Map.of("SPORTEL_REMOTE_PER_ADDRESS", "20", "SPORTEL_SMS_BODY", "{\"n\":\"{phone}\",\"m\":\"{text}\"}"));
        assertThat(c.remote().perAccountPerDay()).isEqualTo(5);
        assertThat(c.remote().perAddressPerDay()).isEqualTo(20);
        assertThat(c.sms().url()).isEqualTo("https://sms.example.al/send");
        assertThat(c.sms().method()).isEqualTo("PUT");
        assertThat(c.sms().bodyTemplate()).contains("{phone}");
        assertThat(c.sms().authValue()).isEqualTo("Bearer from-file");
        Files.delete(key);

        ServerConfig env = Main.parse(new String[] {}, Map.of("SPORTEL_SMS_URL", "http://127.0.0.1:9/sms",
                "SPORTEL_SMS_AUTH_HEADER", "X-Api-Key", "SPORTEL_SMS_AUTH", "secret"));
        assertThat(env.sms().authHeader()).isEqualTo("X-Api-Key");
        assertThat(env.sms().authValue()).isEqualTo("secret");

        assertThatThrownBy(() -> Main.parse(new String[] {"--sms-url", "ftp://x"}, Map.of())).hasMessageContaining("http://");
        assertThatThrownBy(() -> Main.parse(new String[] {"--remote-tickets-per-account", "many"}, Map.of())).hasMessageContaining("0 to 1000");
        assertThatThrownBy(() -> Main.parse(new String[] {"--sms-method", "DELETE"}, Map.of())).hasMessageContaining("POST, PUT or GET");
        assertThatThrownBy(() -> Main.parse(new String[] {"--sms-auth-file", "/no/such/file"}, Map.of())).hasMessageContaining("cannot read");
    }
}
