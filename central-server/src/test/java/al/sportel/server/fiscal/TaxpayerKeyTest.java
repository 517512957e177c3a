package al.sportel.server.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The certificate check at start and when fiscalization is switched on: clear words, not a stack trace. */
class TaxpayerKeyTest {

    private final TaxpayerKey key = TaxpayerKey.load(FiscalAuthorityDouble.resource("taxpayer.p12"),
            FiscalAuthorityDouble.resource("taxpayer.password"));

    @Test
    void aValidCertificateForTheNuisHasNoProblems() {
        assertThat(key.problems(Instant.now(), "L91806031N")).isEmpty();
        assertThat(key.expiresSoon(Instant.now())).isFalse();
    }

    @Test
    void expiredNotYetValidOrAnotherNuisAreSaidPlainly() {
        Instant after = key.validUntil().plus(1, ChronoUnit.DAYS);
        assertThat(key.problems(after, "L91806031N")).singleElement().asString().contains("expired on " + key.validUntil());
        assertThat(key.expiresSoon(key.validUntil().minus(10, ChronoUnit.DAYS))).isTrue();
        assertThat(key.problems(Instant.parse("2000-01-01T00:00:00Z"), "L91806031N")).singleElement().asString().contains("valid only from");
        assertThat(key.problems(Instant.now(), "K12345678A")).singleElement().asString().contains("not issued for NUIS K12345678A");
    }
}
