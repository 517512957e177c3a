package al.sportel.server.onlinepay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real provider is configuration only; the sandbox never runs unasked; the secret never shows. */
class OnlinePayConfigTest {

    @TempDir
    Path dir;

    @Test
    void withoutAProviderOnlinePaymentIsOffExceptInADemo() {
        assertThat(OnlinePayConfig.load(Map.of(), dir, false)).isEmpty();
        OnlinePayConfig demo = OnlinePayConfig.load(Map.of(), dir, true).orElseThrow();
        assertThat(demo.sandbox()).isTrue();
        assertThat(demo.pageUrlTemplate()).isEqualTo("/pay/sandbox/{ref}");
        assertThat(Files.exists(dir.resolve(OnlinePayConfig.SECRET_FILE))).isTrue();
        assertThat(OnlinePayConfig.load(Map.of(), dir, true).orElseThrow().secret()).as("the same secret after a restart")
                .isEqualTo(demo.secret());
    }

    @Test
    void aRealProviderIsItsCodePageAndSecretFileAndTheSecretIsNeverPrinted() throws Exception {
        Path secretFile = dir.resolve("raipay.secret");
        Files.writeString(secretFile, "s3cr3t-from-the-bank\n", StandardCharsets.UTF_8);
        OnlinePayConfig c = OnlinePayConfig.load(Map.of("SPORTEL_PAY_PROVIDER", "raipay", "SPORTEL_PAY_NAME", "Raiffeisen e-Commerce",
                "SPORTEL_PAY_PAGE_URL", "https://pay.example.al/checkout?order={ref}&amount={amount}&return={returnUrl}",
                "SPORTEL_PAY_WEBHOOK_SECRET_FILE", secretFile.toString()), dir, false).orElseThrow();
        assertThat(c.provider()).isEqualTo("RAIPAY");
        assertThat(c.sandbox()).isFalse();
        assertThat(new String(c.secret(), StandardCharsets.UTF_8)).isEqualTo("s3cr3t-from-the-bank");
        assertThat(c.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void aRealProviderWithoutSecretOrPageDoesNotStart() {
        assertThatThrownBy(() -> OnlinePayConfig.load(Map.of("SPORTEL_PAY_PROVIDER", "RAIPAY",
                "SPORTEL_PAY_PAGE_URL", "https://pay.example.al/{ref}"), dir, false)).hasMessageContaining("SECRET");
        assertThatThrownBy(() -> OnlinePayConfig.load(Map.of("SPORTEL_PAY_PROVIDER", "RAIPAY",
                "SPORTEL_PAY_WEBHOOK_SECRET", "x"), dir, false)).hasMessageContaining("SPORTEL_PAY_PAGE_URL");
        assertThatThrownBy(() -> OnlinePayConfig.load(Map.of("SPORTEL_PAY_PROVIDER", "no spaces!"), dir, false))
                .hasMessageContaining("SPORTEL_PAY_PROVIDER");
    }

    @Test
    void theSandboxCardRulesAreLuhnAndTheTwoTestCards() {
        assertThat(SandboxCards.luhn(SandboxCards.SUCCESS)).isTrue();
        assertThat(SandboxCards.luhn(SandboxCards.DECLINE)).isTrue();
        assertThat(SandboxCards.luhn("4242424242424241")).isFalse();
        assertThat(SandboxCards.outcome(SandboxCards.SUCCESS)).isEqualTo(PaymentProvider.Outcome.PAID);
        assertThat(SandboxCards.outcome(SandboxCards.DECLINE)).isEqualTo(PaymentProvider.Outcome.DECLINED);
        assertThat(SandboxCards.outcome("5555555555554444")).as("any other card").isEqualTo(PaymentProvider.Outcome.DECLINED);
    }
}
