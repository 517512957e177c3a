package al.sportel.server.fiscal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;

/**
 * The taxpayer's certificate and key, read from a PKCS#12 file whose password is in another file.
 * The password is never kept after loading and never appears in a message or a log line.
 */
public final class TaxpayerKey {

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    public TaxpayerKey(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    public static TaxpayerKey load(Path keystore, Path passwordFile) {
        char[] password = null;
        try {
            password = new String(Files.readAllBytes(passwordFile), StandardCharsets.UTF_8).strip().toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                ks.load(in, password);
            }
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    return new TaxpayerKey((PrivateKey) ks.getKey(alias, password), (X509Certificate) ks.getCertificate(alias));
                }
            }
            throw new IllegalStateException("the keystore " + keystore + " holds no private key");
        } catch (IOException | GeneralSecurityException e) {
            // the exception text names the file, never the password
            throw new IllegalStateException("could not read the taxpayer certificate " + keystore + ": " + e.getClass().getSimpleName(), e);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String toString() {
        return "TaxpayerKey[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
