package al.sportel.desktop.fiscal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Collections;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The taxpayer's key on a workstation that opted in to counter keys (ADR 0007 section 3): the .p12 named by
 * {@code fiscal.keystore}, its password in the file named by {@code fiscal.keystorePasswordFile}. Never logged.
 */
public final class CounterKey {

    public static final String KEYSTORE = "fiscal.keystore";
    public static final String PASSWORD_FILE = "fiscal.keystorePasswordFile";

    private static final Logger LOG = LoggerFactory.getLogger(CounterKey.class);

    private final PrivateKey key;

    private CounterKey(PrivateKey key) {
        this.key = key;
    }

    public PrivateKey privateKey() {
        return key;
    }

    /** The key, or empty when not configured or unreadable (then offline slips carry no NSLF, as without the option). */
    public static Optional<CounterKey> load(String keystore, String passwordFile) {
        if (keystore == null || keystore.isBlank() || passwordFile == null || passwordFile.isBlank()) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(Path.of(keystore))) {
            char[] password = Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).strip().toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    return Optional.of(new CounterKey((PrivateKey) ks.getKey(alias, password)));
                }
            }
            LOG.error("the counter key file {} holds no private key; offline slips will carry no NSLF", keystore);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.error("the counter key {} cannot be read ({}); offline slips will carry no NSLF", keystore, e.getClass().getSimpleName());
        }
        return Optional.empty();
    }
}
