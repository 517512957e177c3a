package al.sportel.desktop.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.offline.LocalStore;
import al.sportel.model.fiscal.FiscalOrdinalBlock;
import al.sportel.model.fiscal.Iic;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A counter key's NSLFs: the IIC the authority accepts, ordinals from the block, never one used twice. */
class OfflineNslfIssuerTest {

    private static final Path FISCAL = Path.of(System.getProperty("sportel.server.testClasses", "../central-server/target/test-classes"))
            .resolve("fiscal");
    private static final Instant NOW = Instant.parse("2026-03-28T23:30:15Z");
    private static final FiscalOrdinalBlock BLOCK = new FiscalOrdinalBlock(7, "L91806031N", "OSHEE sh.a.", "bb123bb123", "tc123tc123",
            "ss123ss123", "oo123oo123", "FULL", "https://efiskalizimi-app-test.tatime.gov.al/invoice-check/#/verify", 2026, 101, 112);

    @TempDir
    Path dir;

    @Test
    void theNslfIsTheIicOfTheSpecsFieldsAndOrdinalsRunThroughTheBlockAcrossRestarts() throws Exception {
        CounterKey key = CounterKey.load(FISCAL.resolve("taxpayer.p12").toString(), FISCAL.resolve("taxpayer.password").toString())
                .orElseThrow();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        OfflineNslfIssuer.Issued first;
        try (LocalStore store = LocalStore.open(dir)) {
            OfflineNslfIssuer issuer = new OfflineNslfIssuer(store, key, 7, clock);
            assertThat(issuer.needsBlock()).isTrue();
            assertThat(issuer.blockRequest()).as("no block to speak of").isEmpty();
            assertThat(issuer.issue(NOW, 1250)).as("no block, no NSLF").isEmpty();
            issuer.keep(BLOCK);
            assertThat(issuer.needsBlock()).isFalse();
            first = issuer.issue(NOW, 1250).orElseThrow();
        }
        // 23:30 UTC on 28 March is already the 29th in Tirana: the date and offset are Tirana's, as the server writes them
        assertThat(first.issueDateTime()).isEqualTo("2026-03-29T00:30:15+01:00");
        assertThat(first.invNum()).isEqualTo("101/2026/tc123tc123");
        assertThat(first.nslf().invOrdNum()).isEqualTo(101);
        String fields = "L91806031N|2026-03-29T00:30:15+01:00|101/2026/tc123tc123|bb123bb123|tc123tc123|ss123ss123|12.50";
        assertThat(Iic.matches(fields, first.nslf().iic(), first.nslf().iicSignature(), certificateKey()))
                .as("the authority's check of the IIC against the taxpayer's certificate").isTrue();
        assertThat(first.verifyUrl()).contains("iic=" + first.nslf().iic(), "crtd=2026-03-29T00:30:15%2B01:00", "ord=101", "prc=12.50");

        try (LocalStore store = LocalStore.open(dir)) {
            OfflineNslfIssuer issuer = new OfflineNslfIssuer(store, key, 7, clock);
            assertThat(issuer.issue(NOW, 500).orElseThrow().nslf().invOrdNum()).as("a restart never reuses an ordinal").isEqualTo(102);
            issuer.keep(BLOCK);
            assertThat(issuer.issue(NOW, 500).orElseThrow().nslf().invOrdNum())
                    .as("the server handing the same block again does not start it over").isEqualTo(103);
            for (int i = 104; i <= 112; i++) {
                assertThat(issuer.issue(NOW, 500).orElseThrow().nslf().invOrdNum()).isEqualTo(i);
            }
            assertThat(issuer.issue(NOW, 500)).as("the block is used up: the slip prints without NSLF").isEqualTo(Optional.empty());
            assertThat(issuer.needsBlock()).isTrue();
            assertThat(issuer.blockRequest()).as("the next block is asked for with the offline receipts counted as used")
                    .isEqualTo(Map.of("nextOrdinal", 113));
        }
        assertThat(CounterKey.load(FISCAL.resolve("taxpayer.p12").toString(), dir.resolve("missing").toString()))
                .as("an unreadable key is no key, not a crash").isEmpty();
    }

    private static PublicKey certificateKey() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        char[] password = Files.readString(FISCAL.resolve("taxpayer.password")).strip().toCharArray();
        try (InputStream in = Files.newInputStream(FISCAL.resolve("taxpayer.p12"))) {
            ks.load(in, password);
        }
        for (String alias : Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(alias)) {
                return ks.getCertificate(alias).getPublicKey();
            }
        }
        throw new AssertionError("no key in the test certificate");
    }
}
