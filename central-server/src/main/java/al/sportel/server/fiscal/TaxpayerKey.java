package al.sportel.server.fiscal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The taxpayer's certificate and key, read from a PKCS#12 file whose password is in another file.
 * The password is never kept after loading and never appears in a message or a log line.
 */
public final class TaxpayerKey {

    /** Fewer days than this before the certificate ends: warned at every start. */
    static final Duration RENEW_WITHIN = Duration.ofDays(30);

    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final List<X509Certificate> chain;

    public TaxpayerKey(PrivateKey privateKey, X509Certificate certificate) {
        this(privateKey, certificate, List.of(certificate));
    }

    private TaxpayerKey(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.chain = chain;
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
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : ks.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new TaxpayerKey((PrivateKey) ks.getKey(alias, password), (X509Certificate) ks.getCertificate(alias),
                            List.copyOf(chain));
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

    /**
     * What is wrong with the certificate at {@code now}, in words for the administrator: not valid yet, expired,
     * issued for another NUIS, or a chain whose links do not sign each other. Empty when it can sign receipts.
     */
    public List<String> problems(Instant now, String nuis) {
        List<String> problems = new ArrayList<>();
        Instant from = certificate.getNotBefore().toInstant();
        Instant until = certificate.getNotAfter().toInstant();
        if (now.isBefore(from)) {
            problems.add("the taxpayer certificate is valid only from " + from);
        }
        if (!now.isBefore(until)) {
            problems.add("the taxpayer certificate expired on " + until + ": get a new one from the tax authority");
        }
        // toString() spells SERIALNUMBER out, where the NUIS usually is; getName() would print it as a hex OID
        if (nuis != null && !certificate.getSubjectX500Principal().toString().toUpperCase().contains(nuis.toUpperCase())) {
            problems.add("the taxpayer certificate is not issued for NUIS " + nuis + " (" + certificate.getSubjectX500Principal()
                    + ")");
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            try {
                chain.get(i).verify(chain.get(i + 1).getPublicKey());
            } catch (GeneralSecurityException e) {
                problems.add("the certificate chain is broken: " + chain.get(i).getSubjectX500Principal().getName()
                        + " is not signed by " + chain.get(i + 1).getSubjectX500Principal().getName());
            }
        }
        return problems;
    }

    /** True when the certificate ends within {@link #RENEW_WITHIN} of {@code now}. */
    public boolean expiresSoon(Instant now) {
        return now.plus(RENEW_WITHIN).isAfter(certificate.getNotAfter().toInstant());
    }

    public Instant validUntil() {
        return certificate.getNotAfter().toInstant();
    }

    @Override
    public String toString() {
        return "TaxpayerKey[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
