package al.sportel.server.fiscal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/** The taxpayer key, read again only when the settings point elsewhere or the keystore file changes. */
final class KeyCache {

    private record Loaded(String path, String passwordFile, FileTime modified, TaxpayerKey key) {
    }

    private Loaded loaded;

    synchronized TaxpayerKey get(FiscalSettings s) {
        Path keystore = Path.of(s.keystorePath());
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(keystore);
        } catch (IOException e) {
            throw new IllegalStateException("the taxpayer certificate " + keystore + " cannot be read", e);
        }
        if (loaded == null || !loaded.path().equals(s.keystorePath()) || !loaded.passwordFile().equals(s.keystorePasswordFile())
                || !loaded.modified().equals(modified)) {
            loaded = new Loaded(s.keystorePath(), s.keystorePasswordFile(), modified,
                    TaxpayerKey.load(keystore, Path.of(s.keystorePasswordFile())));
        }
        return loaded.key();
    }
}
